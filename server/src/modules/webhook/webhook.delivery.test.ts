import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { createOrganisation, uuidOf, type OrganisationFixture } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.js';
import { DEFAULT_DELIVERY_OPTIONS, deliverDueWebhooks, type DeliveryOptions } from './webhook.delivery.js';
import { defaultTargets, STRICT_TARGETS } from './webhook-target.js';
import { startWebhookWorker } from './webhook.worker.js';

/**
 * The delivery rules driven step by step with a clock the test moves: no background worker, no waiting for
 * time to pass. Events are queued with sendTestWebhook (each one a delivery, in order).
 */

let server: TestServer;
let receiver: WebhookReceiver;
let organisation: OrganisationFixture;
let clock: Date;
const logger = createLogger('silent');

const options = (overrides: Partial<DeliveryOptions> = {}): DeliveryOptions => ({
  ...DEFAULT_DELIVERY_OPTIONS,
  now: () => clock,
  jitter: 0,
  timeoutMs: 500,
  targets: defaultTargets(false),
  ...overrides,
});
const run = (overrides: Partial<DeliveryOptions> = {}) =>
  deliverDueWebhooks(server.orm.em.fork(), options(overrides), logger);
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

async function subscribe(path: string): Promise<string> {
  const result = await server.gql(
    `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
      subscription { id } userErrors { code } } }`,
    { input: { url: `${receiver.url}${path}`, events: ['RATING_CHANGED'] } },
    { token: organisation.admin.token },
  );
  expect(result.data?.createWebhookSubscription.userErrors).toEqual([]);
  return result.data!.createWebhookSubscription.subscription.id;
}

async function queueTest(subscriptionId: string): Promise<string> {
  const result = await server.gql(
    `mutation($input: WebhookSubscriptionRefInput!) { sendTestWebhook(input: $input) { delivery { id } userErrors { code } } }`,
    { input: { subscriptionId } },
    { token: organisation.admin.token },
  );
  expect(result.data?.sendTestWebhook.userErrors).toEqual([]);
  return result.data!.sendTestWebhook.delivery.id;
}

const row = async (deliveryId: string) => {
  const [found] = await server.db.query<{ status: string; attempts: number; next_attempt_at: Date; lease_id: string }>(
    'select status, attempts, next_attempt_at, lease_id from webhook_delivery where id = $1',
    [uuidOf(deliveryId)],
  );
  return found!;
};
const attempts = (deliveryId: string) =>
  server.db.query<{ number: number; status_code: number | null; error: string | null }>(
    'select number, status_code, error from webhook_delivery_attempt where delivery_id = $1 order by number',
    [uuidOf(deliveryId)],
  );
const remove = (subscriptionId: string) =>
  server.gql(
    `mutation($input: WebhookSubscriptionRefInput!) { deleteWebhookSubscription(input: $input) { userErrors { code } } }`,
    { input: { subscriptionId } },
    { token: organisation.admin.token },
  );
const setActive = (subscriptionId: string, active: boolean) =>
  server.gql(
    `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { userErrors { code } } }`,
    { input: { subscriptionId, active } },
    { token: organisation.admin.token },
  );

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startTestServer();
  organisation = await createOrganisation(server);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

describe('webhook delivery rules', () => {
  it('backs off 30 s, 60 s, 120 s… between attempts and marks the delivery FAILED after the eighth', async () => {
    receiver.answer('/down', ...Array<number>(8).fill(500));
    const delivery = await queueTest(await subscribe('/down'));
    clock = new Date(Date.now() + 1_000);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await run(), `attempt ${attempt}`).toBe(1);
      const after = await row(delivery);
      expect(after.attempts).toBe(attempt);
      if (attempt === 8) {
        expect(after.status).toBe('FAILED');
        break;
      }
      expect(after.status).toBe('PENDING');
      const wait = after.next_attempt_at.getTime() - clock.getTime();
      waits.push(wait / 1000);
      // Not a moment before it is due.
      advance(wait - 1);
      expect(await run()).toBe(0);
      advance(1);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    expect((await attempts(delivery)).map((a) => a.status_code)).toEqual(Array(8).fill(500));
    advance(24 * 60 * 60_000);
    expect(await run()).toBe(0);
    expect(receiver.at('/down')).toHaveLength(8);
  });

  it('holds later deliveries of a subscription behind an earlier pending one, not those of other subscriptions', async () => {
    const blocked = await subscribe('/first');
    const other = await subscribe('/other');
    receiver.answer('/first', 500, 500);
    const one = await queueTest(blocked);
    const two = await queueTest(blocked);
    const three = await queueTest(other);
    clock = new Date(Date.now() + 1_000);

    expect(await run()).toBe(2); // /first's first delivery fails; /other's goes through
    expect((await row(three)).status).toBe('DELIVERED');
    expect((await row(two)).attempts).toBe(0);
    advance(30_000);
    expect(await run()).toBe(1); // only the earlier one is retried
    expect((await row(two)).attempts).toBe(0);
    advance(60_000);
    expect(await run()).toBe(2); // delivered at last, and the one behind it follows at once
    expect([(await row(one)).status, (await row(two)).status]).toEqual(['DELIVERED', 'DELIVERED']);
    const order = receiver.at('/first').map((r) => [r.headers['otklik-delivery'], r.answered]);
    expect(order).toEqual([
      [one, 500],
      [one, 500],
      [one, 200],
      [two, 200],
    ]);
  });

  it('keeps a paused subscription’s queued deliveries until it is resumed', async () => {
    const subscription = await subscribe('/pause');
    const delivery = await queueTest(subscription);
    expect((await setActive(subscription, false)).data?.updateWebhookSubscription.userErrors).toEqual([]);
    clock = new Date(Date.now() + 1_000);
    expect(await run()).toBe(0);
    expect((await row(delivery)).status).toBe('PENDING');
    await setActive(subscription, true);
    expect(await run()).toBe(1);
    expect((await row(delivery)).status).toBe('DELIVERED');
  });

  it('records why an attempt got no answer: silence, a refused connection, a forbidden destination', async () => {
    receiver.answer('/silent', 'hang');
    const hanging = await subscribe('/silent');
    const silent = await queueTest(hanging);
    clock = new Date(Date.now() + 1_000);
    expect(await run()).toBe(1);
    expect(await attempts(silent)).toEqual([
      { number: 1, status_code: null, error: 'no complete response within 500 ms' },
    ]);

    const closed = await subscribe('/closed');
    await server.db.query(`update webhook_subscription set url = 'http://127.0.0.1:9/closed' where id = $1`, [
      uuidOf(closed),
    ]);
    const refused = await queueTest(closed);
    expect(await run()).toBe(1);
    expect((await attempts(refused))[0]!.error).toMatch(/ECONNREFUSED/);

    // A production worker never connects to this computer, whatever the subscription says.
    const forbidden = await subscribe('/local');
    const local = await queueTest(forbidden);
    expect(await run({ targets: STRICT_TARGETS })).toBe(1);
    expect((await attempts(local))[0]!.error).toMatch(/^destination not allowed/);
    expect(receiver.at('/local')).toEqual([]);
    // Their retries would come due in the next tests.
    for (const subscription of [hanging, closed, forbidden]) await remove(subscription);
  });

  it('a lease that ran out is taken over; the late result of the first worker is ignored', async () => {
    const delivery = await queueTest(await subscribe('/lease'));
    clock = new Date(Date.now() + 1_000);
    const [claimed] = await server.db.query<{ id: string; lease_id: string }>(
      `select id, lease_id from webhook_claim($1, 10, $2)`,
      [clock, new Date(clock.getTime() + 60_000)],
    );
    expect(claimed!.id).toBe(uuidOf(delivery));
    expect(await run()).toBe(0); // leased to the other worker
    advance(60_000);
    expect(await run()).toBe(1);
    const [late] = await server.db.query<{ recorded: boolean }>(
      `select webhook_record_attempt($1, $2, now(), 5, 500, null, null, 'RETRY', now()) as recorded`,
      [claimed!.id, claimed!.lease_id],
    );
    expect(late!.recorded).toBe(false);
    expect(await row(delivery)).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  });

  it('a worker that stops mid-attempt gives the delivery back, uncounted', async () => {
    receiver.answer('/stopping', 'hang');
    const delivery = await queueTest(await subscribe('/stopping'));
    const worker = startWebhookWorker({
      orm: server.orm,
      url: server.db.appUrl,
      logger,
      targets: defaultTargets(false),
      timeoutMs: 60_000,
    });
    await receiver.waitFor('/stopping', 1);
    await worker.stop();
    expect(await row(delivery)).toMatchObject({ status: 'PENDING', attempts: 0, lease_id: null });
    clock = new Date(Date.now() + 1_000);
    expect(await run()).toBe(1);
    expect((await row(delivery)).status).toBe('DELIVERED');
  });
});
