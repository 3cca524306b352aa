import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
} from '../../test-support/factories.js';
import { openSocket } from '../../test-support/socket.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
const clients: Client[] = [];

function subscribe(token: string | undefined) {
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}`, 'accept-language': 'ru' } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  const received: Array<{ kind: string; text: string }> = [];
  const errors: unknown[] = [];
  client.subscribe<{ notificationReceived: { kind: string; text: string } }>(
    { query: 'subscription { notificationReceived { kind text } }' },
    {
      next: (value) => value.data && received.push(value.data.notificationReceived),
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  return { received, errors, client };
}

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server?.close();
});

describe('notifications over WebSocket', () => {
  it('pushes a new notification to its recipient only', async () => {
    const group = await createGroup(server);
    const owner = await createOrganisation(server);
    const peer = await createOrganisation(server);
    await joinGroup(server, owner, group);
    await joinGroup(server, peer, group);
    const practice = await createPractice(server, owner, group);
    const ownerSocket = subscribe(owner.admin.token);
    const peerSocket = subscribe(peer.admin.token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const body = 'Хорошо описано, как совет влияет на решения центра и как результаты возвращаются семьям. '.repeat(3);
    const review = await server.gql(
      `mutation($input: CreateReviewInput!) { createReview(input: $input) { userErrors { code } } }`,
      {
        input: {
          practiceId: practice.id,
          scores: { relevance: 4, depth: 4, loopClosure: 4, evidence: 4, replicability: 4 },
          confidence: 4,
          body,
          submit: true,
        },
      },
      { token: peer.admin.token },
    );
    expect(review.data?.createReview.userErrors).toEqual([]);
    await expect
      .poll(() => ownerSocket.received, { timeout: 5000 })
      .toEqual([
        {
          kind: 'REVIEW_ON_MY_PRACTICE',
          text: `${peer.admin.user.name} оставил(а) рецензию на практику «Совет получателей услуг»`,
        },
      ]);
    expect(peerSocket.received).toEqual([]);
  });

  it('serves only subscriptions over the socket: queries and mutations go over HTTP, with its limits', async () => {
    const organisation = await createOrganisation(server);
    const client = createClient({
      url: server.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${organisation.admin.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: '{ ratingParameters { priorReviews } }' },
        { next: (value) => resolve(value), error: (error) => resolve(error), complete: () => {} },
      );
    });
    expect(JSON.stringify(outcome)).toContain('BAD_REQUEST');
    expect(JSON.stringify(outcome)).not.toContain('priorReviews":3');
  });

  it('refuses a connection without a valid token', async () => {
    const anonymous = subscribe(undefined);
    const forged = subscribe('not-a-token');
    await expect.poll(() => anonymous.errors.length + forged.errors.length, { timeout: 5000 }).toBe(2);
    expect(anonymous.received).toEqual([]);
  });
});

describe('the life of a WebSocket connection', () => {
  it('ends when its token expires: closed with 4403, for the client to reconnect with a fresh token', async () => {
    const shortLived = await startTestServer({ accessTokenTtlSeconds: 2 });
    try {
      const person = await shortLived.person();
      const socket = openSocket(shortLived, person.token);
      await socket.connected;
      expect(socket.isClosed()).toBe(false);
      expect(await socket.closed).toEqual({ code: 4403, reason: 'Token expired' });
      await socket.client.dispose();
    } finally {
      await shortLived.close();
    }
  });
});
