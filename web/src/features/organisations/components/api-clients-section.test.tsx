import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import type { ApiClientsQuery, MemberRole } from '../../../gql/graphql';
import { ApiClientsDocument, CreateApiClientDocument, RevokeApiClientDocument } from '../graphql/api-clients';
import { ApiClientsSection } from './api-clients-section';
import { tokenCommand } from './api-client-secret-panel';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

type Mocks = React.ComponentProps<typeof MockedProvider>['mocks'];

const TOKEN_ENDPOINT = 'http://idp.test/realms/otklik/protocol/openid-connect/token';

type ApiClient = ApiClientsQuery['apiClients'][number] & { __typename: 'ApiClient' };

const PORTAL: ApiClient = {
  __typename: 'ApiClient',
  id: 'QXBpQ2xpZW50OjE=',
  clientId: 'otklik-svc-fond-semya-portal',
  name: 'Региональный портал',
  role: 'VIEWER',
  createdAt: '2026-03-02T10:00:00Z',
  revokedAt: null,
};
const REPORTING: ApiClient = {
  ...PORTAL,
  id: 'QXBpQ2xpZW50OjI=',
  clientId: 'otklik-svc-fond-semya-reporting',
  name: 'Отчётность донора',
  role: 'EDITOR',
};

const listMock = (clients: ApiClient[], maxUsageCount = 10) => ({
  request: { query: ApiClientsDocument },
  result: { data: { apiClients: clients } },
  maxUsageCount,
});

function renderSection(mocks: Mocks, viewerRole: MemberRole = 'ADMIN') {
  render(
    <MockedProvider mocks={mocks}>
      <ApiClientsSection viewerRole={viewerRole} tokenEndpoint={TOKEN_ENDPOINT} />
    </MockedProvider>,
  );
}

const createMock = (input: { name: string; role: string }, payload: Record<string, unknown>) => ({
  request: { query: CreateApiClientDocument, variables: { input } },
  result: { data: { createApiClient: { __typename: 'CreateApiClientPayload', ...payload } } },
});

describe('ApiClientsSection', () => {
  it('lists the API clients with their client id, role, date and status', async () => {
    renderSection([listMock([PORTAL, { ...REPORTING, revokedAt: '2026-04-01T09:00:00Z' }])]);
    const table = await screen.findByRole('table', { name: 'API-клиенты организации' });
    const [, portal, reporting] = within(table).getAllByRole('row');
    expect(within(portal!).getByRole('rowheader').textContent).toBe('Региональный портал');
    expect(portal!.textContent).toContain('otklik-svc-fond-semya-portal');
    expect(portal!.textContent).toContain('Наблюдатель');
    expect(portal!.textContent).toContain('2 марта 2026');
    expect(portal!.textContent).toContain('Активен');
    expect(within(portal!).getByRole('button', { name: 'Отозвать Региональный портал' })).toBeTruthy();
    expect(reporting!.textContent).toContain('Редактор');
    expect(reporting!.textContent).toContain('Отозван');
    expect(reporting!.textContent).toContain('1 апреля 2026');
    expect(within(reporting!).queryByRole('button')).toBeNull();
  });

  it('explains what API clients are for when there is none', async () => {
    renderSection([listMock([])]);
    await waitFor(() => expect(screen.getByText(/API-клиентов пока нет/).textContent).toMatch(/региональному порталу/));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('offers only non-admin roles', async () => {
    renderSection([listMock([])]);
    const select = screen.getByLabelText(/^Роль/) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['EDITOR', 'REVIEWER', 'VIEWER']);
  });

  it('shows the client id, the secret and the token command once; closing the panel forgets the secret', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const created = { ...PORTAL, clientId: 'otklik-svc-fond-semya-crm', id: 'QXBpQ2xpZW50OjM=', name: 'CRM фонда' };
    renderSection([
      listMock([], 1),
      createMock(
        { name: 'CRM фонда', role: 'EDITOR' },
        { apiClient: { ...created, role: 'EDITOR' }, clientSecret: 's3cr3t-value', userErrors: [] },
      ),
      listMock([{ ...created, role: 'EDITOR' }]),
    ]);
    await screen.findByText(/API-клиентов пока нет/);
    fireEvent.change(screen.getByLabelText(/^Название/), { target: { value: '  CRM фонда ' } });
    fireEvent.change(screen.getByLabelText(/^Роль/), { target: { value: 'EDITOR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать API-клиента' }));

    const panel = await screen.findByRole('region', { name: 'API-клиент «CRM фонда» создан' });
    expect(panel.textContent).toContain('otklik-svc-fond-semya-crm');
    expect(panel.textContent).toMatch(/показывается только один раз/);
    const secret = within(panel).getByLabelText('Секрет клиента') as HTMLTextAreaElement;
    expect(secret.value).toBe('s3cr3t-value');
    const command = within(panel).getByLabelText('Как получить токен') as HTMLTextAreaElement;
    expect(command.value).toBe(tokenCommand(TOKEN_ENDPOINT, 'otklik-svc-fond-semya-crm', 's3cr3t-value'));
    expect(command.value).toContain(`curl -s '${TOKEN_ENDPOINT}'`);
    expect(command.value).toContain('grant_type=client_credentials');

    fireEvent.click(within(panel).getByRole('button', { name: 'Скопировать секрет' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('s3cr3t-value'));
    await within(panel).findByText('Скопировано.');
    await screen.findByRole('rowheader', { name: 'CRM фонда' });

    fireEvent.click(within(panel).getByRole('button', { name: /Я сохранил секрет/ }));
    expect(screen.queryByRole('region', { name: /создан/ })).toBeNull();
    expect(document.body.textContent).not.toContain('s3cr3t-value');
    expect(screen.getByRole('button', { name: 'Создать API-клиента' })).toBeTruthy();
  });

  it('refuses a too short name before sending and shows the server’s field errors', async () => {
    renderSection([
      listMock([]),
      createMock(
        { name: 'Портал', role: 'VIEWER' },
        {
          apiClient: null,
          clientSecret: null,
          userErrors: [
            {
              __typename: 'UserError',
              code: 'CONFLICT',
              field: ['input', 'name'],
              message: 'Клиент «Портал» уже есть.',
            },
            {
              __typename: 'UserError',
              code: 'BAD_USER_INPUT',
              field: ['input', 'role'],
              message: 'Эта роль недоступна.',
            },
          ],
        },
      ),
    ]);
    const name = screen.getByLabelText(/^Название/);
    fireEvent.change(name, { target: { value: 'П' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать API-клиента' }));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('api-client-name-error')?.textContent).toMatch(/от 2 до 100 символов/);

    fireEvent.change(name, { target: { value: 'Портал' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать API-клиента' }));
    await waitFor(() => expect(document.getElementById('api-client-name-error')?.textContent).toMatch(/уже есть/));
    expect(document.getElementById('api-client-role-error')?.textContent).toMatch(/недоступна/);
    expect(screen.getByLabelText(/^Роль/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('region', { name: /создан/ })).toBeNull();
  });

  it('revokes after a confirmation step; the row then shows «Отозван»', async () => {
    renderSection([
      listMock([PORTAL]),
      {
        request: { query: RevokeApiClientDocument, variables: { input: { apiClientId: PORTAL.id } } },
        result: {
          data: {
            revokeApiClient: {
              __typename: 'RevokeApiClientPayload',
              apiClient: { __typename: 'ApiClient', id: PORTAL.id, revokedAt: '2026-04-05T12:00:00Z' },
              userErrors: [],
            },
          },
        },
      },
    ]);
    const revoke = await screen.findByRole('button', { name: 'Отозвать Региональный портал' });
    fireEvent.click(revoke);
    const confirm = screen.getByRole('group', { name: /Отозвать API-клиента «Региональный портал»\?/ });
    expect(document.activeElement?.textContent).toBe('Отмена');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Отозвать Региональный портал' }));

    fireEvent.click(screen.getByRole('button', { name: 'Отозвать Региональный портал' }));
    fireEvent.click(screen.getByRole('button', { name: 'Да, отозвать' }));
    const row = screen.getByRole('rowheader', { name: 'Региональный портал' }).closest('tr')!;
    await waitFor(() => expect(row.textContent).toContain('Отозван'));
    expect(row.textContent).toContain('5 апреля 2026');
    expect(within(row).queryByRole('button')).toBeNull();
    await screen.findByText('API-клиент «Региональный портал» отозван.');
  });

  it.each<[MemberRole | null]>([['EDITOR'], ['REVIEWER'], ['VIEWER'], [null]])(
    'is not shown to a %s and does not ask the API',
    async (role) => {
      const list = { ...listMock([PORTAL]), result: vi.fn(() => ({ data: { apiClients: [PORTAL] } })) };
      renderSection([list], role as MemberRole);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(screen.queryByRole('heading', { name: 'API-клиенты' })).toBeNull();
      expect(screen.queryByText('Региональный портал')).toBeNull();
      expect(list.result).not.toHaveBeenCalled();
    },
  );
});
