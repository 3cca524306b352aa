import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../common/errors/format-error.js';
import { createOrm } from '../db/orm.js';
import { createLogger } from '../logger.js';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  submitReview,
  uuidOf,
  type OrganisationFixture,
} from '../test-support/factories.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let practice: { id: string };
const commenters: OrganisationFixture[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  const group = await createGroup(server);
  const owner = await createOrganisation(server);
  await joinGroup(server, owner, group);
  practice = await createPractice(server, owner, group);
  for (let i = 0; i < 4; i++) {
    const org = await createOrganisation(server);
    await joinGroup(server, org, group);
    commenters.push(org);
  }
});
afterAll(() => server?.close());

describe('concurrency', () => {
  it('keeps every one of 100 concurrent comments, once', async () => {
    const bodies = Array.from({ length: 100 }, (_, i) => `Комментарий номер ${i} к практике`);
    const results = await Promise.all(
      bodies.map((body, i) =>
        server.gql(
          `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } userErrors { code } } }`,
          { input: { practiceId: practice.id, body } },
          { token: commenters[i % commenters.length]!.admin.token },
        ),
      ),
    );
    expect(results.map((r) => r.errors ?? r.data?.postComment.userErrors).filter((e) => e?.length)).toEqual([]);
    const ids = new Set(results.map((r) => r.data?.postComment.comment.id));
    expect(ids.size).toBe(100);
    const stored = await server.db.query<{ body: string }>('select body from comment where practice_id = $1', [
      uuidOf(practice.id),
    ]);
    expect(stored.map((c) => c.body).sort()).toEqual([...bodies].sort());
  });
});

describe('concurrent reviews', () => {
  it('counts every one of 10 reviews of one practice submitted at once, without deadlock', async () => {
    const group = await createGroup(server);
    const owner = await createOrganisation(server);
    await joinGroup(server, owner, group);
    const target = await createPractice(server, owner, group);
    const reviewers: OrganisationFixture[] = [];
    for (let i = 0; i < 10; i++) {
      const reviewer = await createOrganisation(server);
      await joinGroup(server, reviewer, group);
      reviewers.push(reviewer);
    }
    await Promise.all(reviewers.map((r, i) => submitReview(server, r.admin.token, target.id, 1 + (i % 5))));
    const [practice] = await server.db.query<{ review_count: number; review_total: string }>(
      'select review_count, review_total::text from practice where id = $1',
      [uuidOf(target.id)],
    );
    // scores 1..5 twice: each review's mean is its score
    expect(practice).toEqual({ review_count: 10, review_total: expect.stringMatching(/^30(\.0+)?$/) });
  });
});

describe('statement timeout', () => {
  it('cancels a statement past the timeout and answers TIMEOUT in the request’s language', async () => {
    const orm = await createOrm({ url: server.db.appUrl, statementTimeoutMs: 200, poolMax: 1 });
    try {
      const error = await orm.em
        .fork()
        .execute('select pg_sleep(2)')
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((error as { code?: string }).code).toBe('57014');
      const formatted = formatError({ message: 'x' }, error, {
        locale: 'ru',
        logger: createLogger('silent'),
        exposeDetails: false,
      });
      expect(formatted.extensions).toEqual({ code: 'TIMEOUT' });
      expect(formatted.message).toMatch(/База данных не успела ответить/);
      // the connection serves the next statement
      expect(await orm.em.fork().execute('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await orm.close(true);
    }
  });
});
