import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from './test-support/api-process.js';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.js';

/**
 * The API keeps no state of its own between requests: two API processes on one database serve the same
 * data, and what is written through one is read, and pushed to subscribers, through the other (signals
 * cross processes through PostgreSQL LISTEN/NOTIFY).
 */

const processes: ApiProcess[] = [];
let db: TestDatabase;

async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const api = await startApiProcess(db, env);
  processes.push(api);
  return api;
}

const gql = async (api: ApiProcess, query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
};

let first: ApiProcess;
let second: ApiProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'otklik-stateless-'));
  first = await startApi({ DATA_DIR: dataDir });
  // The second process trusts the first one's identity provider, as both would trust one Keycloak.
  second = await startApi({ DATA_DIR: dataDir, KEYCLOAK_URL: first.url, SEED_DEMO_DATA: 'false' });
}, 150_000);

afterAll(async () => {
  await Promise.all(
    processes.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null) return resolve();
          p.child.once('exit', () => resolve());
          p.child.kill('SIGTERM');
        }),
    ),
  );
  await db?.drop();
});

const token = async (username: string) => {
  const response = await fetch(`${first.url}/realms/otklik/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'otklik-web',
      username,
      password: 'otklik-demo',
      scope: 'openid profile email',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
};

describe('two API processes on one database', () => {
  it('read what the other wrote, and push its notifications to their own subscribers', async () => {
    const admin = await token('semya.admin');
    const description = `Описание, записанное через первый процесс ${Date.now()}`;
    // The second process has the anonymous answer in its response cache before the write.
    const DESCRIPTION = `{ organisation(slug: "fond-semya") { description } }`;
    await gql(second, DESCRIPTION);
    expect((await gql(second, DESCRIPTION)).data?.organisation.description).not.toBe(description);
    const updated = await gql(
      first,
      `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { userErrors { code } } }`,
      { input: { description } },
      admin,
    );
    expect(updated.data?.updateOrganisation.userErrors).toEqual([]);
    // PostgreSQL's notification of the commit empties the second process's cache (within milliseconds).
    let seen: string | undefined;
    for (let waited = 0; seen !== description && waited < 5_000; waited += 50) {
      seen = (await gql(second, DESCRIPTION)).data?.organisation.description;
      if (seen !== description) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toBe(description);

    // semya.editor publishes a practice through the second process; tsentr-dobro will review it through the first.
    const editor = await token('semya.editor');
    const group = await gql(second, `{ thematicGroup(slug: "semyi-v-tzhs") { id } }`);
    const created = await gql(
      second,
      `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { practice { id version } userErrors { message } } }`,
      {
        input: {
          groupId: group.data?.thematicGroup.id,
          content: {
            title: 'Совет родителей при центре',
            summary: 'Родители вместе с центром решают, как меняются занятия.',
            problem: 'Семьи не могли повлиять на расписание.',
            beneficiarySegment: { description: 'Родители', size: 40 },
            participationLevel: 'COLLABORATION_CODESIGN',
            methodKeys: ['survey'],
            loopClosure: { returnedWhat: 'Решения совета', returnedHow: 'Рассылка', closed: true },
            indicators: [{ tier: 'OUTPUT', name: 'Встречи', unit: 'шт.', value: 6 }],
          },
        },
      },
      editor,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(created.data?.createPractice.userErrors).toEqual([]);
    const published = await gql(
      second,
      `mutation($input: PracticeVersionInput!) { publishPractice(input: $input) { practice { id } userErrors { message } } }`,
      {
        input: {
          practiceId: created.data?.createPractice.practice.id,
          version: created.data?.createPractice.practice.version,
        },
      },
      editor,
    );
    expect(published.data?.publishPractice.userErrors).toEqual([]);
    const target = published.data?.publishPractice.practice as { id: string };

    // Its author listens on the second process.
    const received: string[] = [];
    const clients = await Promise.all(
      ['semya.editor'].map(async (username) =>
        createClient({
          url: `${second.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${await token(username)}` },
          retryAttempts: 0,
        }),
      ),
    );
    try {
      for (const client of clients) {
        client.subscribe<{ notificationReceived: { kind: string } }>(
          { query: 'subscription { notificationReceived { kind } }' },
          {
            next: (value) => value.data && received.push(value.data.notificationReceived.kind),
            error: () => {},
            complete: () => {},
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const review = await gql(
        first,
        `mutation($input: CreateReviewInput!) { createReview(input: $input) { userErrors { code message } } }`,
        {
          input: {
            practiceId: target.id,
            scores: { relevance: 4, depth: 4, loopClosure: 4, evidence: 4, replicability: 4 },
            confidence: 4,
            body: 'Практика подробно описывает, как участники влияют на решения и как им сообщают об итогах. '.repeat(
              3,
            ),
            submit: true,
          },
        },
        await token('dobro.reviewer'),
      );
      expect(review.data?.createReview.userErrors).toEqual([]);
      await expect.poll(() => received, { timeout: 10_000 }).toContain('REVIEW_ON_MY_PRACTICE');
      const summary = await gql(
        second,
        `query($id: ID!) { node(id: $id) { ... on Practice { reviewSummary { count } } } }`,
        { id: target.id },
      );
      expect(summary.data?.node.reviewSummary.count).toBeGreaterThan(0);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  }, 60_000);
});
