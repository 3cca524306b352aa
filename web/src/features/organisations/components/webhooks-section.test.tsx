import { InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../app/i18n/i18n';
import type { MemberRole, WebhookSubscriptionsQuery } from '../../../gql/graphql';
import {
  CreateWebhookSubscriptionDocument,
  RotateWebhookSecretDocument,
  SendTestWebhookDocument,
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

const updateMock = (input: Record<string, unknown>, payload: Record<string, unknown>) => ({
  request: { query: UpdateWebhookSubscriptionDocument, variables: { input } },
  result: vi.fn(() => ({
    data: { updateWebhookSubscription: { __typename: 'WebhookSubscriptionPayload', ...payload } },
  })),
});

const rotateMock = (expirePreviousNow: boolean, previousSecretValidUntil: string | null) => ({
  request: {
    query: RotateWebhookSecretDocument,
    variables: { input: { subscriptionId: CRM.id, expirePreviousNow } },
  },
  result: vi.fn(() => ({
    data: {
      rotateWebhookSecret: {
        __typename: 'RotateWebhookSecretPayload',
        subscription: {
          __typename: 'WebhookSubscription',
          id: CRM.id,
          url: CRM.url,
          previousSecretValidUntil,
          secretRotatedAt: '2026-04-05T12:00:00Z',
        },
        signingSecret: 'whsec_r0tat3d',
        userErrors: [],
      },
    },
  })),
});

const delivery = (id: string, eventType: string, status: 'PENDING' | 'DELIVERED' | 'FAILED') => ({
  __typename: 'WebhookDelivery' as const,
  id,
  eventType,
  status,
  attempts: status === 'PENDING' ? 0 : 1,
  lastStatusCode: status === 'DELIVERED' ? 200 : null,
  createdAt: '2026-04-05T12:00:00Z',
  deliveredAt: status === 'DELIVERED' ? '2026-04-05T12:00:01Z' : null,
});

const deliveriesMock = (nodes: ReturnType<typeof delivery>[]) => ({
  request: { query: WebhookDeliveriesDocument, variables: { subscriptionId: CRM.id, first: 20 } },
  result: vi.fn(() => ({
    data: {
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        totalCount: nodes.length,
        edges: nodes.map((node) => ({ __typename: 'WebhookDeliveryEdge', cursor: `c-${node.id}`, node })),
      },
    },
  })),
});

const sendTestMock = (payload: Record<string, unknown>) => ({
  request: { query: SendTestWebhookDocument, variables: { input: { subscriptionId: CRM.id } } },
  result: vi.fn(() => ({ data: { sendTestWebhook: { __typename: 'WebhookDeliveryPayload', ...payload } } })),
});

const crmRow = () => screen.getByRole('rowheader', { name: /crm\.fond-semya/ }).closest('tr')!;

function renderSection(mocks: Mocks, viewerRole: MemberRole = 'ADMIN', cache = new InMemoryCache()) {
  render(
    <MockedProvider mocks={mocks} cache={cache}>
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
            url: CRM.url,
            events: CRM.events,
            description: CRM.description,
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

  it('edits the URL, events and description in place; the row shows the new values', async () => {
    const newUrl = 'https://crm.fond-semya.ru/hooks/v2';
    const save = updateMock(
      { subscriptionId: CRM.id, url: newUrl, events: ['PRACTICE_PUBLISHED', 'RATING_CHANGED'], description: '' },
      {
        subscription: {
          __typename: 'WebhookSubscription',
          id: CRM.id,
          url: newUrl,
          events: ['PRACTICE_PUBLISHED', 'RATING_CHANGED'],
          description: null,
          active: true,
          pausedAt: null,
        },
        userErrors: [],
      },
    );
    renderSection([listMock([CRM]), save]);
    const edit = await screen.findByRole('button', { name: `Изменить ${CRM.url}` });
    expect(edit.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(edit);

    const form = screen.getByRole('form', { name: `Изменение подписки ${CRM.url}` });
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    expect(edit.getAttribute('aria-controls')).toBe(form.id);
    const url = within(form).getByLabelText(/^Адрес \(URL\)/) as HTMLInputElement;
    expect(url.value).toBe(CRM.url);
    expect(document.activeElement).toBe(url);
    expect((within(form).getByLabelText(/Получен экспертный отзыв коллег/) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText(/^Описание/) as HTMLTextAreaElement).value).toBe('CRM фонда');

    fireEvent.change(url, { target: { value: ` ${newUrl} ` } });
    fireEvent.click(within(form).getByLabelText(/Получен экспертный отзыв коллег/));
    fireEvent.click(within(form).getByLabelText(/Изменились данные рейтинга/));
    fireEvent.change(within(form).getByLabelText(/^Описание/), { target: { value: '  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Сохранить' }));

    await screen.findByRole('rowheader', { name: newUrl });
    expect(save.result).toHaveBeenCalledTimes(1);
    const row = crmRow();
    expect(row.textContent).toContain('Изменились данные рейтинга');
    expect(row.textContent).not.toContain('Получен экспертный отзыв коллег');
    expect(row.textContent).not.toContain('CRM фонда');
    expect(screen.queryByRole('form', { name: /Изменение подписки/ })).toBeNull();
    expect(screen.getByText(`Подписка ${newUrl} изменена.`).getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: `Изменить ${newUrl}` }));
  });

  it('checks the edited fields locally and shows the server’s userErrors at their field', async () => {
    const save = updateMock(
      {
        subscriptionId: CRM.id,
        url: 'https://portal.example.ru/webhook',
        events: ['PRACTICE_PUBLISHED', 'REVIEW_SUBMITTED'],
        description: 'CRM фонда',
      },
      {
        subscription: null,
        userErrors: [
          {
            __typename: 'UserError',
            code: 'CONFLICT',
            field: ['input', 'url'],
            message: 'Этот адрес уже подписан.',
          },
        ],
      },
    );
    renderSection([listMock([CRM]), save]);
    fireEvent.click(await screen.findByRole('button', { name: `Изменить ${CRM.url}` }));
    const form = screen.getByRole('form', { name: /Изменение подписки/ });
    fireEvent.click(within(form).getByLabelText(/Практика вовлечения опубликована/));
    fireEvent.click(within(form).getByLabelText(/Получен экспертный отзыв коллег/));
    fireEvent.click(within(form).getByRole('button', { name: 'Сохранить' }));
    const events = within(form).getByRole('group', { name: /События/ });
    expect(events.getAttribute('aria-describedby')).toMatch(/-events-error$/);
    expect(events.textContent).toMatch(/хотя бы одно событие/);
    expect(save.result).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByLabelText(/Практика вовлечения опубликована/));
    fireEvent.click(within(form).getByLabelText(/Получен экспертный отзыв коллег/));
    const url = within(form).getByLabelText(/^Адрес \(URL\)/);
    fireEvent.change(url, { target: { value: 'https://portal.example.ru/webhook' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Сохранить' }));

    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    const errorId = url
      .getAttribute('aria-describedby')!
      .split(' ')
      .find((id) => id.endsWith('-url-error'))!;
    expect(document.getElementById(errorId)?.textContent).toContain('Этот адрес уже подписан.');
    expect(document.activeElement).toBe(url);
    expect(within(form).queryByText(/хотя бы одно событие/)).toBeNull();
    expect(save.result).toHaveBeenCalledTimes(1);
    expect(within(crmRow()).getByRole('rowheader').textContent).toContain(CRM.url);
  });

  it('rotates the secret after a confirm step and shows the new one once', async () => {
    const rotate = rotateMock(false, '2026-04-06T12:00:00Z');
    const cache = new InMemoryCache();
    renderSection([listMock([CRM]), rotate], 'ADMIN', cache);
    const trigger = await screen.findByRole('button', { name: `Сменить секрет ${CRM.url}` });
    fireEvent.click(trigger);

    const step = screen.getByRole('group', { name: /Выдать подписке .* новый секрет подписи/ });
    expect(step.textContent).toContain('24 часа');
    expect(document.activeElement).toBe(within(step).getByRole('button', { name: 'Отмена' }));
    expect((within(step).getByLabelText(/Отключить старый секрет сразу/) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(step).getByRole('button', { name: 'Да, выдать новый секрет' }));

    const panel = await screen.findByRole('region', { name: 'Выдан новый секрет подписи' });
    expect(rotate.result).toHaveBeenCalledTimes(1);
    expect((within(panel).getByLabelText('Секрет подписи') as HTMLTextAreaElement).value).toBe('whsec_r0tat3d');
    expect(panel.textContent).toMatch(/показывается только один раз/);
    expect(panel.textContent).toMatch(/Старый секрет подписывает доставки вместе с новым до 6 апреля 2026/);
    expect(document.activeElement?.textContent).toBe('Выдан новый секрет подписи');
    expect(screen.queryByRole('group', { name: /новый секрет подписи/ })).toBeNull();
    expect(JSON.stringify(cache.extract())).not.toContain('whsec_r0tat3d');

    fireEvent.click(within(panel).getByRole('button', { name: /Я сохранил секрет/ }));
    expect(screen.queryByRole('region', { name: 'Выдан новый секрет подписи' })).toBeNull();
    expect(document.body.textContent).not.toContain('whsec_r0tat3d');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Сменить секрет ${CRM.url}` }));
  });

  it('sends expirePreviousNow when the old secret is to stop at once', async () => {
    const rotate = rotateMock(true, null);
    renderSection([listMock([CRM]), rotate]);
    fireEvent.click(await screen.findByRole('button', { name: `Сменить секрет ${CRM.url}` }));
    const step = screen.getByRole('group', { name: /новый секрет подписи/ });
    fireEvent.click(within(step).getByLabelText(/Отключить старый секрет сразу/));
    fireEvent.click(within(step).getByRole('button', { name: 'Да, выдать новый секрет' }));

    const panel = await screen.findByRole('region', { name: 'Выдан новый секрет подписи' });
    expect(rotate.result).toHaveBeenCalledTimes(1);
    expect(panel.textContent).toContain('Старый секрет больше не действует');
  });

  it('sends a test event and shows it in the open list of recent deliveries', async () => {
    const before = deliveriesMock([delivery('d1', 'practice.published', 'DELIVERED')]);
    const after = deliveriesMock([
      delivery('d2', 'webhook.test', 'PENDING'),
      delivery('d1', 'practice.published', 'DELIVERED'),
    ]);
    const send = sendTestMock({ delivery: delivery('d2', 'webhook.test', 'PENDING'), userErrors: [] });
    renderSection([listMock([CRM, PORTAL]), before, send, after]);
    expect(await screen.findByRole('button', { name: `Отправить тестовое событие ${CRM.url}` })).toBeTruthy();
    expect(screen.queryByRole('button', { name: `Отправить тестовое событие ${PORTAL.url}` })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: `Доставки ${CRM.url}` }));
    const table = await screen.findByRole('table', { name: `Последние доставки подписки ${CRM.url}` });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    const button = screen.getByRole('button', { name: `Отправить тестовое событие ${CRM.url}` }) as HTMLButtonElement;
    fireEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(true));

    const notice = await screen.findByText(/Тестовое событие webhook\.test для подписки/);
    expect(notice.getAttribute('role')).toBe('status');
    expect(send.result).toHaveBeenCalledTimes(1);
    expect(after.result).toHaveBeenCalledTimes(1);
    const [, first] = within(screen.getByRole('table', { name: /Последние доставки/ })).getAllByRole('row');
    expect(first!.textContent).toContain('webhook.test');
    expect(first!.textContent).toContain('В очереди');
    expect(button.disabled).toBe(false);
  });

  it('opens the recent deliveries with the queued test event when they were closed', async () => {
    const deliveries = deliveriesMock([delivery('d2', 'webhook.test', 'PENDING')]);
    renderSection([
      listMock([CRM]),
      sendTestMock({ delivery: delivery('d2', 'webhook.test', 'PENDING'), userErrors: [] }),
      deliveries,
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Отправить тестовое событие ${CRM.url}` }));
    const table = await screen.findByRole('table', { name: `Последние доставки подписки ${CRM.url}` });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('webhook.test');
    expect(deliveries.result).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: `Доставки ${CRM.url}` }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a refused test event in the row', async () => {
    renderSection([
      listMock([CRM]),
      sendTestMock({
        delivery: null,
        userErrors: [
          {
            __typename: 'UserError',
            code: 'CONFLICT',
            field: ['input', 'subscriptionId'],
            message: 'Подписка приостановлена.',
          },
        ],
      }),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Отправить тестовое событие ${CRM.url}` }));
    const alert = await within(crmRow()).findByRole('alert');
    expect(alert.textContent).toBe('Подписка приостановлена.');
    expect(screen.queryByRole('region', { name: /Последние доставки/ })).toBeNull();
    expect(screen.queryByText(/Тестовое событие webhook\.test/)).toBeNull();
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
