import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  discloseMission,
  joinGroup,
  publishMissionStandard,
  REVIEW_BODY,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type Person, type RequestOptions, type TestServer } from '../../test-support/test-server.js';
import {
  eventually,
  startWebhookReceiver,
  verifyOtklikSignature,
  type WebhookReceiver,
} from '../../test-support/webhook-receiver.js';

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
  subscription { id url events description active pausedAt } signingSecret userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) {
  subscription { id url events description active } userErrors { code field message } } }`;
const DELETE = `mutation($input: WebhookSubscriptionRefInput!) { deleteWebhookSubscription(input: $input) {
  deletedSubscriptionId userErrors { code field } } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) {
  subscription { id secretRotatedAt previousSecretValidUntil } signingSecret userErrors { code field } } }`;
const REPLAY = `mutation($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) {
  delivery { id eventId eventType status replayOf payload } userErrors { code field } } }`;
const SEND_TEST = `mutation($input: WebhookSubscriptionRefInput!) { sendTestWebhook(input: $input) {
  delivery { id eventType status } userErrors { code field } } }`;
const DELIVERIES = `query($subscriptionId: ID, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
  webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id subscriptionId eventId eventType payload status attempts nextAttemptAt lastStatusCode lastError
      deliveredAt createdAt replayOf attemptLog { number attemptedAt durationMs statusCode error responseBody } } } } }`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  payload: Record<string, any>;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  replayOf: string | null;
  attemptLog: Array<{ number: number; statusCode: number | null; error: string | null; responseBody: string | null }>;
}

let server: TestServer;
let receiver: WebhookReceiver;
let group: GroupFixture;
let owner: OrganisationFixture;
let peer: OrganisationFixture;
let stranger: OrganisationFixture;
let peerReviewer: Person;

const as = (organisation: OrganisationFixture): RequestOptions => ({ token: organisation.admin.token });

async function subscribe(
  organisation: OrganisationFixture,
  path: string,
  events: string[],
  description?: string,
): Promise<{ id: string; secret: string }> {
  const result = await server.gql(
    CREATE,
    { input: { url: `${receiver.url}${path}`, events, description } },
    as(organisation),
  );
  expect(result.data?.createWebhookSubscription.userErrors).toEqual([]);
  return {
    id: result.data!.createWebhookSubscription.subscription.id,
    secret: result.data!.createWebhookSubscription.signingSecret,
  };
}

async function deliveries(
  organisation: OrganisationFixture,
  subscriptionId?: string,
  status?: string,
): Promise<Delivery[]> {
  const result = await server.gql(DELIVERIES, { subscriptionId, status, first: 50 }, as(organisation));
  expect(result.errors).toBeUndefined();
  return result.data!.webhookDeliveries.edges.map((e: { node: Delivery }) => e.node);
}

/** Waits until every delivery of the subscription is finished, and returns them oldest first. */
const settled = (organisation: OrganisationFixture, subscriptionId: string, count: number) =>
  eventually(async () => {
    const list = await deliveries(organisation, subscriptionId);
    return list.length >= count && list.every((d) => d.status !== 'PENDING') && list.reverse();
  }, `${count} finished deliveries`);

const body = (request: { body: string }) => JSON.parse(request.body) as Record<string, any>;

/** Waits until no delivery is pending anywhere (the worker is idle), so a snapshot of the tables holds still. */
const quiet = () =>
  eventually(
    async () => !(await server.db.query(`select 1 from webhook_delivery where status = 'PENDING'`)).length,
    'no pending deliveries',
  );

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // Retries in tenths of a second instead of minutes; the rules are those of production.
  server = await startTestServer({
    webhooks: { backoffBaseMs: 100, jitter: 0, maxAttempts: 4, timeoutMs: 2_000, pollMs: 50 },
  });
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  owner = await createOrganisation(server);
  peer = await createOrganisation(server);
  stranger = await createOrganisation(server);
  await joinGroup(server, owner, group);
  await joinGroup(server, peer, group);
  peerReviewer = await addMember(server, peer, 'REVIEWER');
}, 120_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

describe('webhook deliveries', () => {
  it('POSTs each event signed; the receiver verifies it as the integrator’s guide says', async () => {
    const { id, secret } = await subscribe(owner, '/signed', ['PRACTICE_PUBLISHED'], 'CRM фонда');
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const practice = await createPractice(server, owner, group, { content: { title: 'Совет родителей' } });
    const [request] = await receiver.waitFor('/signed', 1);

    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.headers['user-agent']).toBe('Otklik-Webhooks/1');
    expect(request!.headers['otklik-event']).toBe('practice.published');
    const signatureHeader = request!.headers['otklik-signature'] as string;
    expect(signatureHeader).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    expect(verifyOtklikSignature(signatureHeader, request!.body, secret)).toBe(true);
    // The verification has teeth: another secret, a changed body or an old timestamp fail.
    expect(verifyOtklikSignature(signatureHeader, request!.body, `${secret}x`)).toBe(false);
    expect(verifyOtklikSignature(signatureHeader, request!.body.replace('Совет', 'Сонет'), secret)).toBe(false);
    expect(verifyOtklikSignature(signatureHeader, request!.body, secret, Math.floor(Date.now() / 1000) + 600)).toBe(
      false,
    );

    const event = body(request!);
    expect(Object.keys(event)).toEqual(['id', 'type', 'occurredAt', 'organisation', 'data']);
    expect(event).toMatchObject({
      type: 'practice.published',
      organisation: { id: owner.id },
      data: { practice: { id: practice.id, title: 'Совет родителей', revisionNumber: 1, group: { id: group.id } } },
    });
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    expect(new Date(event.data.practice.publishedAt).toISOString()).toBe(event.data.practice.publishedAt);

    const [delivery] = await settled(owner, id, 1);
    expect(request!.headers['otklik-delivery']).toBe(delivery!.id);
    expect(delivery).toMatchObject({
      eventId: event.id,
      eventType: 'practice.published',
      payload: event,
      status: 'DELIVERED',
      attempts: 1,
      nextAttemptAt: null,
      lastStatusCode: 200,
      lastError: null,
      replayOf: null,
      attemptLog: [{ number: 1, statusCode: 200, error: null, responseBody: 'ok' }],
    });
    expect(delivery!.deliveredAt).not.toBeNull();
    // The secret is shown once: nothing reads it back.
    const listed = await server.gql(`{ webhookSubscriptions { id url events description active } }`, {}, as(owner));
    expect(listed.data?.webhookSubscriptions).toEqual([
      { id, url: `${receiver.url}/signed`, events: ['PRACTICE_PUBLISHED'], description: 'CRM фонда', active: true },
    ]);
    expect(JSON.stringify(await deliveries(owner))).not.toContain(secret);
  });

  it('retries a failing receiver with backoff until it answers 2xx; the log shows every attempt', async () => {
    const { id, secret } = await subscribe(owner, '/flaky', ['PRACTICE_PUBLISHED']);
    receiver.answer('/flaky', 500, 500);
    await createPractice(server, owner, group);
    const requests = await receiver.waitFor('/flaky', 3);
    expect(requests.map((r) => r.answered)).toEqual([500, 500, 200]);
    // The same delivery and the same bytes each time, each signed anew.
    expect(new Set(requests.map((r) => r.headers['otklik-delivery'])).size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const r of requests)
      expect(verifyOtklikSignature(r.headers['otklik-signature'] as string, r.body, secret)).toBe(true);

    const [delivery] = await settled(owner, id, 1);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatusCode: 200, lastError: null });
    expect(delivery!.attemptLog.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [1, 500, 'the receiver answered HTTP 500'],
      [2, 500, 'the receiver answered HTTP 500'],
      [3, 200, null],
    ]);
    expect(delivery!.attemptLog[0]!.responseBody).toBe('answer 500');
  });

  it('gives up after the last attempt: FAILED, with each answer in the log', async () => {
    const { id } = await subscribe(owner, '/down', ['PRACTICE_PUBLISHED']);
    receiver.answer('/down', 503, 500, { status: 302, headers: { location: '/elsewhere' } }, 404);
    await createPractice(server, owner, group);
    const [delivery] = await settled(owner, id, 1);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 4, lastStatusCode: 404, nextAttemptAt: null });
    expect(delivery!.attemptLog.map((a) => a.statusCode)).toEqual([503, 500, 302, 404]);
    // A redirect is an answer, not followed.
    expect(receiver.at('/elsewhere')).toEqual([]);
  });

  it('delivers the events of one subscription in order, holding a later one while an earlier one is retried', async () => {
    const { id } = await subscribe(owner, '/ordered', ['PRACTICE_PUBLISHED']);
    const first = await createPractice(server, owner, group, { draft: true, content: { title: 'Первая' } });
    const second = await createPractice(server, owner, group, { draft: true, content: { title: 'Вторая' } });
    // The first takes a while to fail, twice: the second is queued meanwhile and must wait for it.
    receiver.answer('/ordered', { status: 500, delayMs: 300 }, 500);
    const publish = (p: { id: string; version: number }) =>
      server.gql(
        `mutation($input: PracticeVersionInput!) { publishPractice(input: $input) { userErrors { code } } }`,
        { input: { practiceId: p.id, version: p.version } },
        as(owner),
      );
    expect((await publish(first)).data?.publishPractice.userErrors).toEqual([]);
    expect((await publish(second)).data?.publishPractice.userErrors).toEqual([]);

    const requests = await receiver.waitFor('/ordered', 4);
    expect(requests.map((r) => [body(r).data.practice.title, r.answered])).toEqual([
      ['Первая', 500],
      ['Первая', 500],
      ['Первая', 200],
      ['Вторая', 200],
    ]);
    const [one, two] = await settled(owner, id, 2);
    expect(one!.payload.data.practice.id).toBe(first.id);
    // The second really was waiting: queued before the first was delivered.
    const [times] = await server.db.query<{ queued: Date; delivered: Date }>(
      `select (select created_at from webhook_delivery where id = $1) as queued,
              (select delivered_at from webhook_delivery where id = $2) as delivered`,
      [uuidOf(two!.id), uuidOf(one!.id)],
    );
    expect(times!.queued.getTime()).toBeLessThan(times!.delivered.getTime());
  });

  it('records each event from the real flows, for the organisation concerned, and only real changes', async () => {
    const events = await subscribe(owner, '/events', ['REVIEW_SUBMITTED', 'RATING_CHANGED', 'DISCLOSURE_VERIFIED']);
    const peerHook = await subscribe(peer, '/peer', ['REVIEW_SUBMITTED', 'PRACTICE_PUBLISHED']);
    const practice = await createPractice(server, owner, group);

    // A draft review is nothing; submitting it is review.submitted for the organisation reviewed.
    const draft = await server.gql(
      `mutation($input: CreateReviewInput!) { createReview(input: $input) { review { id version } userErrors { code } } }`,
      {
        input: {
          practiceId: practice.id,
          scores: { relevance: 4, depth: 5, loopClosure: 3, evidence: 4, replicability: 5 },
          confidence: 4,
          body: REVIEW_BODY,
        },
      },
      { token: peerReviewer.token },
    );
    const review = draft.data!.createReview.review as { id: string; version: number };
    expect(await server.db.query(`select 1 from webhook_delivery where event_type = 'review.submitted'`)).toEqual([]);
    const submitted = await server.gql(
      `mutation($input: UpdateReviewInput!) { updateReview(input: $input) { userErrors { code } } }`,
      { input: { reviewId: review.id, version: review.version, submit: true } },
      { token: peerReviewer.token },
    );
    expect(submitted.data?.updateReview.userErrors).toEqual([]);

    // A claim is nothing; its verification is disclosure.verified.
    await publishMissionStandard(server, 'webhook-standard');
    const claim = await discloseMission(server, owner, 'webhook-standard', 'https://owner.example.org/mission');
    const moderator = await server.person({ realmRoles: ['MODERATOR'] });
    const verified = await server.gql(
      `mutation($input: DecideDisclosureInput!) { verifyDisclosure(input: $input) { userErrors { code } } }`,
      { input: { disclosureId: claim.id, version: claim.version } },
      { token: moderator.token },
    );
    expect(verified.data?.verifyDisclosure.userErrors).toEqual([]);

    // A rating read refreshes the inputs these changes queued: rating.changed, with what changed.
    const ratingRead = `query($slug: String!) { organisation(slug: $slug) { rating { composite } } }`;
    await server.gql(ratingRead, { slug: owner.slug });
    const received = await eventually(async () => {
      const list = receiver.at('/events').map(body);
      return new Set(list.map((e) => e.type)).size === 3 && list;
    }, 'three event types');
    const byType = (type: string) => received.filter((e) => e.type === type);

    expect(byType('review.submitted')).toHaveLength(1);
    expect(byType('review.submitted')[0]).toMatchObject({
      organisation: { id: owner.id },
      data: {
        review: {
          id: review.id,
          practice: { id: practice.id },
          revisionNumber: 1,
          organisation: { id: peer.id },
          scores: { relevance: 4, depth: 5, loopClosure: 3, evidence: 4, replicability: 5 },
          confidence: 4,
        },
      },
    });
    expect(byType('disclosure.verified')).toEqual([
      expect.objectContaining({
        organisation: { id: owner.id },
        data: {
          disclosure: expect.objectContaining({
            id: claim.id,
            standard: expect.objectContaining({ key: 'webhook-standard', version: 1 }),
            criterionKey: 'mission',
            asOf: '2026-01-01',
            evidenceUrl: 'https://owner.example.org/mission',
          }),
        },
      }),
    ]);
    const changed = byType('rating.changed').flatMap((e) => e.data.rating.changedComponents as string[]);
    expect(byType('rating.changed')[0]!.data.rating.organisation).toEqual({ id: owner.id });
    expect(new Set(changed)).toEqual(new Set(['openness', 'practiceQuality', 'engagementDepth', 'contribution']));
    // The reviewing organisation hears nothing of its own review.
    expect(receiver.at('/peer').map((r) => body(r).type)).not.toContain('review.submitted');

    // Refreshing inputs that did not change emits nothing.
    await settled(owner, events.id, received.length);
    const before = (await deliveries(owner, events.id)).length;
    await server.db.query('insert into rating_outbox (organisation_id) values ($1), ($1)', [uuidOf(owner.id)]);
    await server.gql(ratingRead, { slug: owner.slug });
    expect(await server.db.query('select 1 from rating_outbox')).toEqual([]);
    expect((await deliveries(owner, events.id)).length).toBe(before);
    expect(peerHook.id).toBeTruthy();
  });

  it('replays a delivery: the same event id and bytes, linked to the original; a pending one is refused', async () => {
    const { id, secret } = await subscribe(owner, '/replay', ['PRACTICE_PUBLISHED']);
    await createPractice(server, owner, group);
    const [original] = await settled(owner, id, 1);
    const replayed = await server.gql(REPLAY, { input: { deliveryId: original!.id } }, as(owner));
    expect(replayed.data?.replayWebhookDelivery.userErrors).toEqual([]);
    const replay = replayed.data!.replayWebhookDelivery.delivery;
    expect(replay).toMatchObject({
      eventId: original!.eventId,
      eventType: 'practice.published',
      status: 'PENDING',
      replayOf: original!.id,
      payload: original!.payload,
    });
    const [first, second] = await receiver.waitFor('/replay', 2);
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['otklik-delivery']).toBe(replay.id);
    expect(verifyOtklikSignature(second!.headers['otklik-signature'] as string, second!.body, secret)).toBe(true);
    const [, again] = await settled(owner, id, 2);
    expect(again).toMatchObject({ id: replay.id, status: 'DELIVERED', replayOf: original!.id });

    // While a delivery is still being attempted it cannot be replayed.
    receiver.answer('/replay', 'hang');
    await createPractice(server, owner, group);
    await receiver.waitFor('/replay', 3);
    const [pending] = await deliveries(owner, id, 'PENDING');
    const refused = await server.gql(REPLAY, { input: { deliveryId: pending!.id } }, as(owner));
    expect(refused.data?.replayWebhookDelivery).toEqual({
      delivery: null,
      userErrors: [{ code: 'CONFLICT', field: ['input', 'deliveryId'] }],
    });
    // The silent receiver timed out; the retry went through.
    const [, , last] = await settled(owner, id, 3);
    expect(last!.attemptLog.map((a) => [a.statusCode, a.error])).toEqual([
      [null, 'no complete response within 2000 ms'],
      [200, null],
    ]);
  });

  it('pausing stops new events for the subscription; resuming brings them back', async () => {
    const { id } = await subscribe(owner, '/paused', ['PRACTICE_PUBLISHED']);
    const paused = await server.gql(UPDATE, { input: { subscriptionId: id, active: false } }, as(owner));
    expect(paused.data?.updateWebhookSubscription.subscription).toMatchObject({ active: false });
    await createPractice(server, owner, group, { content: { title: 'Пока на паузе' } });
    expect(await deliveries(owner, id)).toEqual([]);
    const test = await server.gql(SEND_TEST, { input: { subscriptionId: id } }, as(owner));
    expect(test.data?.sendTestWebhook.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'subscriptionId'] }]);

    const resumed = await server.gql(UPDATE, { input: { subscriptionId: id, active: true } }, as(owner));
    expect(resumed.data?.updateWebhookSubscription.subscription).toMatchObject({ active: true });
    await createPractice(server, owner, group, { content: { title: 'После паузы' } });
    const [request] = await receiver.waitFor('/paused', 1);
    expect(body(request!).data.practice.title).toBe('После паузы');
    expect(receiver.at('/paused')).toHaveLength(1);
    const audit = await server.db.query<{ action: string }>(
      `select action from audit_event where object_id = $1 order by created_at`,
      [uuidOf(id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'webhookSubscription.created',
      'webhookSubscription.paused',
      'webhookSubscription.resumed',
    ]);
  });

  it('rotates the secret: both sign for a day unless the old one is expired at once', async () => {
    const { id, secret: first } = await subscribe(owner, '/rotate', ['PRACTICE_PUBLISHED']);
    const rotated = await server.gql(ROTATE, { input: { subscriptionId: id } }, as(owner));
    const second = rotated.data!.rotateWebhookSecret.signingSecret as string;
    expect(rotated.data?.rotateWebhookSecret.userErrors).toEqual([]);
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    const validUntil = new Date(rotated.data!.rotateWebhookSecret.subscription.previousSecretValidUntil).getTime();
    const rotatedAt = new Date(rotated.data!.rotateWebhookSecret.subscription.secretRotatedAt).getTime();
    expect(validUntil - rotatedAt).toBe(24 * 60 * 60_000);

    expect(
      (await server.gql(SEND_TEST, { input: { subscriptionId: id } }, as(owner))).data?.sendTestWebhook,
    ).toMatchObject({
      delivery: { eventType: 'webhook.test', status: 'PENDING' },
      userErrors: [],
    });
    const [test] = await receiver.waitFor('/rotate', 1);
    expect(body(test!)).toMatchObject({
      type: 'webhook.test',
      organisation: { id: owner.id },
      data: { subscription: { id } },
    });
    expect(test!.headers['otklik-event']).toBe('webhook.test');
    const header = test!.headers['otklik-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyOtklikSignature(header, test!.body, second)).toBe(true);
    expect(verifyOtklikSignature(header, test!.body, first)).toBe(true);

    const cut = await server.gql(ROTATE, { input: { subscriptionId: id, expirePreviousNow: true } }, as(owner));
    const third = cut.data!.rotateWebhookSecret.signingSecret as string;
    expect(cut.data!.rotateWebhookSecret.subscription.previousSecretValidUntil).toBeNull();
    await server.gql(SEND_TEST, { input: { subscriptionId: id } }, as(owner));
    const [, next] = await receiver.waitFor('/rotate', 2);
    const nextHeader = next!.headers['otklik-signature'] as string;
    expect(nextHeader.match(/v1=/g)).toHaveLength(1);
    expect(verifyOtklikSignature(nextHeader, next!.body, third)).toBe(true);
    expect(verifyOtklikSignature(nextHeader, next!.body, second)).toBe(false);
  });
});

describe('webhook subscriptions', () => {
  /** The webhook tables and the activity log, for "nothing changed". */
  const snapshot = () =>
    Promise.all(
      ['webhook_subscription', 'webhook_delivery', 'audit_event'].map(async (table) => {
        const [row] = await server.db.query<{ sum: string }>(
          `select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${table} t`,
        );
        return `${table} ${row!.sum}`;
      }),
    );

  it('lets another organisation neither see nor change them, nor their deliveries; nor the owner’s other roles', async () => {
    const { id, secret } = await subscribe(owner, '/private', ['PRACTICE_PUBLISHED'], 'Только для своих');
    await createPractice(server, owner, group);
    const [delivery] = await settled(owner, id, 1);
    const editor = await addMember(server, owner, 'EDITOR');
    await quiet();
    const before = await snapshot();

    const outsider = as(stranger);
    expect((await server.gql(`{ webhookSubscriptions { id } }`, {}, outsider)).data?.webhookSubscriptions).toEqual([]);
    expect(
      (await server.gql(`query($id: ID!) { webhookSubscription(id: $id) { id } }`, { id }, outsider)).data,
    ).toEqual({
      webhookSubscription: null,
    });
    expect((await server.gql(DELIVERIES, { subscriptionId: id }, outsider)).data?.webhookDeliveries.totalCount).toBe(0);
    expect((await server.gql(DELIVERIES, {}, outsider)).data?.webhookDeliveries.totalCount).toBe(0);
    const attempts = [
      server.gql(UPDATE, { input: { subscriptionId: id, url: 'https://attacker.example.org/' } }, outsider),
      server.gql(DELETE, { input: { subscriptionId: id } }, outsider),
      server.gql(ROTATE, { input: { subscriptionId: id } }, outsider),
      server.gql(SEND_TEST, { input: { subscriptionId: id } }, outsider),
      server.gql(REPLAY, { input: { deliveryId: delivery!.id } }, outsider),
    ];
    for (const result of await Promise.all(attempts)) {
      const [payload] = Object.values(result.data ?? {}) as Array<{ userErrors: Array<{ code: string }> }>;
      expect(payload!.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
      expect(JSON.stringify(result)).not.toContain(secret);
    }
    // Acting for the owner without being its member is refused for the whole request.
    const claiming = await server.gql(`{ webhookSubscriptions { id } }`, {}, { ...outsider, organisation: owner.id });
    expect(claiming.status).toBe(403);

    // The owner's EDITOR and the anonymous are refused too.
    const byEditor = await server.gql(`{ webhookSubscriptions { id } }`, {}, { token: editor.token });
    expect(byEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const editorDelete = await server.gql(DELETE, { input: { subscriptionId: id } }, { token: editor.token });
    expect(editorDelete.data?.deleteWebhookSubscription.userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    const anonymous = await server.gql(`{ webhookDeliveries { totalCount } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);

    // Row-level security refuses what the resolvers might miss: as the API's own role, with another
    // organisation's or a non-ADMIN's settings, the rows (and the secret) are not there.
    const rows = async (organisationId: string, subject: string) => {
      const client = new pg.Client({ connectionString: server.db.appUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.organisation_id', $1, true), set_config('app.subject', $2, true)`, [
          uuidOf(organisationId),
          subject,
        ]);
        const counts = await client.query<{ subscriptions: number; deliveries: number; attempts: number }>(
          `select (select count(*)::int from webhook_subscription) as subscriptions,
                  (select count(*)::int from webhook_delivery) as deliveries,
                  (select count(*)::int from webhook_delivery_attempt) as attempts`,
        );
        const forged = await client
          .query(
            `insert into webhook_delivery (organisation_id, subscription_id, event_id, event_type, payload)
             values ($1, $2, gen_random_uuid(), 'practice.published', '{}')`,
            [uuidOf(owner.id), uuidOf(id)],
          )
          .then(
            () => 'inserted',
            (error: Error) => error.message,
          );
        return { ...counts.rows[0], forged };
      } finally {
        await client.query('rollback');
        await client.end();
      }
    };
    const strangerView = await rows(stranger.id, stranger.admin.user.id);
    expect(strangerView).toMatchObject({ subscriptions: 0, deliveries: 0, attempts: 0 });
    expect(strangerView.forged).toMatch(/row-level security/);
    const editorView = await rows(owner.id, editor.user.id);
    expect(editorView).toMatchObject({ subscriptions: 0, deliveries: 0, attempts: 0 });
    const adminView = await rows(owner.id, owner.admin.user.id);
    expect(adminView.subscriptions).toBeGreaterThan(0);
    expect(adminView.deliveries).toBeGreaterThan(0);
  });

  it('refuses bad input with typed errors in the request’s language, changing nothing', async () => {
    const limited = await createOrganisation(server);
    for (let i = 0; i < 10; i++) await subscribe(limited, `/limit/${i}`, ['RATING_CHANGED']);
    const [mine] = (await server.gql(`{ webhookSubscriptions { id } }`, {}, as(limited))).data!.webhookSubscriptions;
    await quiet();
    const before = await snapshot();
    const create = (input: Record<string, unknown>, locale: 'ru' | 'en' = 'en') =>
      server.gql(CREATE, { input: { events: ['PRACTICE_PUBLISHED'], ...input } }, { ...as(owner), locale });
    const refusal = async (input: Record<string, unknown>) =>
      (await create(input)).data?.createWebhookSubscription.userErrors.map((e: { code: string; field: string[] }) => [
        e.code,
        e.field?.join('.') ?? null,
      ]);

    expect(await refusal({ url: 'not a url' })).toEqual([['BAD_USER_INPUT', 'input.url']]);
    expect(await refusal({ url: '   ' })).toEqual([['BAD_USER_INPUT', 'input.url']]);
    expect(await refusal({ url: 'ftp://example.org/hook' })).toEqual([['BAD_USER_INPUT', 'input.url']]);
    expect(await refusal({ url: 'http://example.org/hook' })).toEqual([['BAD_USER_INPUT', 'input.url']]);
    expect(await refusal({ url: 'https://crm:secret@example.org/hook' })).toEqual([['BAD_USER_INPUT', 'input.url']]);
    expect(await refusal({ url: `https://example.org/${'a'.repeat(2040)}` })).toEqual([
      ['BAD_USER_INPUT', 'input.url'],
    ]);
    expect(await refusal({ url: 'https://example.org/hook', events: [] })).toEqual([
      ['BAD_USER_INPUT', 'input.events'],
    ]);
    expect(await refusal({ url: 'https://example.org/hook', description: 'д'.repeat(501) })).toEqual([
      ['BAD_USER_INPUT', 'input.description'],
    ]);
    // Every problem at once.
    expect(await refusal({ url: 'ftp://x', events: [], description: 'д'.repeat(501) })).toEqual([
      ['BAD_USER_INPUT', 'input.url'],
      ['BAD_USER_INPUT', 'input.events'],
      ['BAD_USER_INPUT', 'input.description'],
    ]);
    expect(await refusal({ url: `${receiver.url}/signed` })).toEqual([['CONFLICT', 'input.url']]);
    const inRussian = await create({ url: 'http://example.org/hook' }, 'ru');
    expect(inRussian.data?.createWebhookSubscription.userErrors[0].message).toMatch(/^Нужен адрес https:\/\//);
    const inEnglish = await create({ url: 'http://example.org/hook' }, 'en');
    expect(inEnglish.data?.createWebhookSubscription.userErrors[0].message).toMatch(/^Use an https:\/\/ URL/);

    const eleventh = await server.gql(
      CREATE,
      { input: { url: 'https://example.org/eleventh', events: ['RATING_CHANGED'] } },
      as(limited),
    );
    expect(eleventh.data?.createWebhookSubscription).toMatchObject({
      subscription: null,
      signingSecret: null,
      userErrors: [{ code: 'CONFLICT', field: null, message: 'An organisation has at most 10 webhook subscriptions' }],
    });

    const update = async (input: Record<string, unknown>) =>
      (await server.gql(UPDATE, { input: { subscriptionId: mine.id, ...input } }, as(limited))).data
        ?.updateWebhookSubscription;
    expect((await update({ url: 'javascript:alert(1)' })).userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'url'] },
    ]);
    expect((await update({ events: [] })).userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'events'] },
    ]);
    expect((await update({ url: `${receiver.url}/limit/1` })).userErrors).toMatchObject([
      { code: 'CONFLICT', field: ['input', 'url'] },
    ]);
    const malformed = await server.gql(UPDATE, { input: { subscriptionId: 'nonsense', active: false } }, as(limited));
    expect(malformed.data?.updateWebhookSubscription.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'subscriptionId'] },
    ]);
    const wrongType = await server.gql(REPLAY, { input: { deliveryId: mine.id } }, as(limited));
    expect(wrongType.data?.replayWebhookDelivery.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'deliveryId'] },
    ]);
    const badCursor = await server.gql(DELIVERIES, { after: 'nonsense' }, as(limited));
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A secret shown once is never kept for idempotent replays: such a request is refused whole.
    const idempotent = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${owner.admin.token}`,
        'idempotency-key': 'webhook-create-1',
      },
      body: JSON.stringify({
        query: CREATE,
        variables: { input: { url: 'https://example.org/x', events: ['RATING_CHANGED'] } },
      }),
    });
    expect(idempotent.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('changes, lists page by page, logs every change and deletes with the deliveries', async () => {
    const { id } = await subscribe(owner, '/lifecycle', ['PRACTICE_PUBLISHED']);
    const changed = await server.gql(
      UPDATE,
      {
        input: {
          subscriptionId: id,
          url: `${receiver.url}/lifecycle-v2`,
          events: ['RATING_CHANGED', 'PRACTICE_PUBLISHED', 'PRACTICE_PUBLISHED'],
          description: '  Региональный портал  ',
        },
      },
      as(owner),
    );
    expect(changed.data?.updateWebhookSubscription).toEqual({
      subscription: {
        id,
        url: `${receiver.url}/lifecycle-v2`,
        events: ['PRACTICE_PUBLISHED', 'RATING_CHANGED'],
        description: 'Региональный портал',
        active: true,
      },
      userErrors: [],
    });
    for (let i = 0; i < 3; i++) await server.gql(SEND_TEST, { input: { subscriptionId: id } }, as(owner));
    await receiver.waitFor('/lifecycle-v2', 3);
    await settled(owner, id, 3);
    const first = await server.gql(DELIVERIES, { subscriptionId: id, first: 2 }, as(owner));
    const page = first.data!.webhookDeliveries;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await server.gql(
      DELIVERIES,
      { subscriptionId: id, first: 2, after: page.pageInfo.endCursor },
      as(owner),
    );
    const ids = [...page.edges, ...rest.data!.webhookDeliveries.edges].map((e: { node: { id: string } }) => e.node.id);
    const sent = receiver.at('/lifecycle-v2').map((r) => r.headers['otklik-delivery']);
    expect(ids).toEqual([...sent].reverse());

    const deleted = await server.gql(DELETE, { input: { subscriptionId: id } }, as(owner));
    expect(deleted.data?.deleteWebhookSubscription).toEqual({ deletedSubscriptionId: id, userErrors: [] });
    expect(await server.db.query('select 1 from webhook_delivery where subscription_id = $1', [uuidOf(id)])).toEqual(
      [],
    );
    const audit = await server.db.query<{ action: string }>(
      `select action from audit_event where object_id = $1 or summary->>'subscriptionId' = $1 order by created_at`,
      [uuidOf(id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'webhookSubscription.created',
      'webhookSubscription.updated',
      'webhookDelivery.testQueued',
      'webhookDelivery.testQueued',
      'webhookDelivery.testQueued',
      'webhookSubscription.deleted',
    ]);
    expect(
      await server.db.query(`select 1 from audit_event where action like 'webhook%' and summary::text like '%whsec_%'`),
    ).toEqual([]);
  });
});
