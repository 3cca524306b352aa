import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import type { MemberRole, WebhookSubscriptionsQuery } from '../../../gql/graphql';
import {
  CreateWebhookSubscriptionDocument,
  UpdateWebhookSubscriptionDocument,
  WebhookDeliveriesDocument,
  WebhookSubscriptionsDocument,
} from '../graphql/webhooks';
import { WebhooksSection } from './webhooks-section';

beforeAll(async () => {
  await initI18n('ru');
});
afterEach(cleanup);

type Mocks = React.ComponentProps<typeof MockedProvider>['mocks'];
type Subscription = WebhookSubscriptionsQuery['webhookSubscriptions'][number] & {
  __typename: 'WebhookSubscription';
};

const CRM: Subscription = {
  __typename: 'WebhookSubscription',
  id: 'V2ViaG9va1N1YnNjcmlwdGlvbjox',
  url: 'https://crm.fond-semya.ru/hooks/otklik',
  events: ['PRACTICE_PUBLISHED', 'REVIEW_SUBMITTED'],
  description: 'CRM фонда',
  active: true,
  pausedAt: null,
  createdAt: '2026-03-02T10:00:00Z',
};
const PORTAL: Subscription = {
  ...CRM,
  id: 'V2ViaG9va1N1YnNjcmlwdGlvbjoy',
  url: 'https://portal.example.ru/webhook',
  events: ['RATING_CHANGED'],
  description: null,
  active: false,
  pausedAt: '2026-04-01T09:00:00Z',
};

const listMock = (subscriptions: Subscription[], maxUsageCount = 10) => ({
  request: { query: WebhookSubscriptionsDocument },
  result: { data: { webhookSubscriptions: subscriptions } },
  maxUsageCount,
});

const createMock = (input: Record<string, unknown>, payload: Record<string, unknown>) => ({
  request: { query: CreateWebhookSubscriptionDocument, variables: { input } },
  result: {
    data: { createWebhookSubscription: { __typename: 'CreateWebhookSubscriptionPayload', ...payload } },
  },
});

function renderSection(mocks: Mocks, viewerRole: MemberRole = 'ADMIN') {
  render(
    <MockedProvider mocks={mocks}>
      <WebhooksSection viewerRole={viewerRole} />
    </MockedProvider>,
  );
}

describe('WebhooksSection', () => {
  it('lists the subscriptions with their URL, events, state and date', async () => {
    renderSection([listMock([CRM, PORTAL])]);
    const table = await screen.findByRole('table', { name: 'Подписки организации на вебхуки' });
    const [, crm, portal] = within(table).getAllByRole('row');
    expect(within(crm!).getByRole('rowheader').textContent).toContain('https://crm.fond-semya.ru/hooks/otklik');
    expect(crm!.textContent).toContain('Практика вовлечения опубликована');
    expect(crm!.textContent).toContain('Получен экспертный отзыв коллег');
    expect(crm!.textContent).toContain('Активна');
    expect(crm!.textContent).toContain('2 марта 2026');
    expect(within(crm!).getByRole('button', { name: `Приостановить ${CRM.url}` })).toBeTruthy();
    expect(portal!.textContent).toContain('Приостановлена');
    expect(portal!.textContent).toContain('1 апреля 2026');
    expect(within(portal!).getByRole('button', { name: `Возобновить ${PORTAL.url}` })).toBeTruthy();
  });

  it('shows the signing secret once after creation; closing the panel forgets it', async () => {
    const created = {
      ...CRM,
      id: 'V2ViaG9va1N1YnNjcmlwdGlvbjoz',
      url: 'https://new.example.ru/hook',
      events: ['RATING_CHANGED'],
    };
    renderSection([
      listMock([], 1),
      createMock(
        { url: 'https://new.example.ru/hook', events: ['RATING_CHANGED'], description: 'Отчётность' },
        { subscription: created, signingSecret: 'whsec_s3cr3t', userErrors: [] },
      ),
      listMock([created as Subscription]),
    ]);
    await screen.findByText(/Подписок на вебхуки пока нет/);
    fireEvent.change(screen.getByLabelText(/^Адрес \(URL\)/), { target: { value: ' https://new.example.ru/hook ' } });
    fireEvent.click(screen.getByLabelText(/Изменились данные рейтинга/));
    fireEvent.change(screen.getByLabelText(/^Описание/), { target: { value: 'Отчётность' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать подписку' }));

    const panel = await screen.findByRole('region', { name: 'Подписка на вебхуки создана' });
    expect(panel.textContent).toMatch(/показывается только один раз/);
    expect((within(panel).getByLabelText('Секрет подписи') as HTMLTextAreaElement).value).toBe('whsec_s3cr3t');
    expect(document.activeElement?.textContent).toBe('Подписка на вебхуки создана');
    await screen.findByRole('rowheader', { name: /new\.example\.ru/ });

    fireEvent.click(within(panel).getByRole('button', { name: /Я сохранил секрет/ }));
    expect(screen.queryByRole('region', { name: /создана/ })).toBeNull();
    expect(document.body.textContent).not.toContain('whsec_s3cr3t');
    expect(screen.getByRole('button', { name: 'Создать подписку' })).toBeTruthy();
  });

  it('requires a URL and an event before sending, and shows the server’s userErrors at their fields', async () => {
    renderSection([
      listMock([]),
      createMock(
        { url: 'http://insecure.example.ru', events: ['PRACTICE_PUBLISHED'] },
        {
          subscription: null,
          signingSecret: null,
          userErrors: [
            {
              __typename: 'UserError',
              code: 'BAD_USER_INPUT',
              field: ['input', 'url'],
              message: 'Нужен адрес https://.',
            },
          ],
        },
      ),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Создать подписку' }));
    const url = screen.getByLabelText(/^Адрес \(URL\)/);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(url);
    expect(document.getElementById('webhook-events-error')?.textContent).toMatch(/хотя бы одно событие/);

    fireEvent.change(url, { target: { value: 'http://insecure.example.ru' } });
    fireEvent.click(screen.getByLabelText(/Практика вовлечения опубликована/));
    fireEvent.click(screen.getByRole('button', { name: 'Создать подписку' }));
    await waitFor(() => expect(document.getElementById('webhook-url-error')?.textContent).toMatch(/Нужен адрес https/));
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('webhook-events-error')).toBeNull();
    expect(screen.queryByRole('region', { name: /создана/ })).toBeNull();
  });

  it('pauses a subscription through updateWebhookSubscription', async () => {
    const pause = vi.fn(() => ({
      data: {
        updateWebhookSubscription: {
          __typename: 'WebhookSubscriptionPayload',
          subscription: {
            __typename: 'WebhookSubscription',
            id: CRM.id,
            active: false,
            pausedAt: '2026-04-05T12:00:00Z',
          },
          userErrors: [],
        },
      },
    }));
    renderSection([
      listMock([CRM]),
      {
        request: {
          query: UpdateWebhookSubscriptionDocument,
          variables: { input: { subscriptionId: CRM.id, active: false } },
        },
        result: pause,
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Приостановить ${CRM.url}` }));
    await screen.findByRole('button', { name: `Возобновить ${CRM.url}` });
    expect(pause).toHaveBeenCalledTimes(1);
    const row = screen.getByRole('rowheader', { name: /crm\.fond-semya/ }).closest('tr')!;
    expect(row.textContent).toContain('Приостановлена');
    expect(row.textContent).toContain('5 апреля 2026');
    await screen.findByText(/приостановлена: новые события/);
  });

  it('shows the recent deliveries of a chosen subscription with a Replay button', async () => {
    renderSection([
      listMock([CRM]),
      {
        request: { query: WebhookDeliveriesDocument, variables: { subscriptionId: CRM.id, first: 20 } },
        result: {
          data: {
            webhookDeliveries: {
              __typename: 'WebhookDeliveryConnection',
              totalCount: 1,
              edges: [
                {
                  __typename: 'WebhookDeliveryEdge',
                  cursor: 'c1',
                  node: {
                    __typename: 'WebhookDelivery',
                    id: 'd1',
                    eventType: 'practice.published',
                    status: 'FAILED',
                    attempts: 8,
                    lastStatusCode: 503,
                    createdAt: '2026-04-02T10:00:00Z',
                    deliveredAt: null,
                  },
                },
              ],
            },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Доставки ${CRM.url}` }));
    const table = await screen.findByRole('table', { name: `Последние доставки подписки ${CRM.url}` });
    const [, row] = within(table).getAllByRole('row');
    expect(row!.textContent).toContain('practice.published');
    expect(row!.textContent).toContain('Не доставлено');
    expect(row!.textContent).toContain('503');
    expect(within(row!).getByRole('button', { name: /Отправить повторно/ })).toBeTruthy();
  });

  it.each<[MemberRole | null]>([['EDITOR'], ['REVIEWER'], ['VIEWER'], [null]])(
    'is not shown to a %s and does not ask the API',
    async (role) => {
      const list = { ...listMock([CRM]), result: vi.fn(() => ({ data: { webhookSubscriptions: [CRM] } })) };
      renderSection([list], role as MemberRole);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(screen.queryByRole('heading', { name: 'Вебхуки' })).toBeNull();
      expect(list.result).not.toHaveBeenCalled();
    },
  );
});
