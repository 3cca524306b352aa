import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  practiceContent,
  type GroupFixture,
  type OrganisationFixture,
} from '../test-support/factories.js';
import type { GraphQLResult } from '../test-support/test-server.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * A corpus of XSS and injection payloads sent to the text fields people fill in: each is either stored
 * exactly as text (and read back unchanged) or refused with a user-fixable code; never an internal error,
 * never executed against the database. How the dashboard renders them inert is the browser test's part.
 */
export const HOSTILE_PAYLOADS: Record<string, string> = {
  scriptTag: '<script>window.__xss = 1</script>',
  imgOnerror: '"><img src=x onerror="window.__xss = 1">',
  svgOnload: '<svg onload="window.__xss = 1"></svg>',
  javascriptUrl: 'javascript:window.__xss = 1',
  markdownLink: '[нажмите](javascript:window.__xss=1) и ![x](data:text/html;base64,PHNjcmlwdD4=)',
  htmlInMarkdown: '<iframe src="javascript:window.__xss=1"></iframe>\n\n**жирный** <b onclick="x()">b</b>',
  sqlQuote: "'; drop table organisation; --",
  sqlBoolean: "' or '1'='1",
  sqlComment: 'Семья */ union select password from pg_shadow /*',
  bidiOverride: 'Фонд \u202eнадёжный\u202c и \u2066изолят\u2069',
  template: '{{constructor.constructor("window.__xss=1")()}} ${7*7}',
  nul: 'до\u0000после',
  oneMegabyte: 'а'.repeat(1_000_000),
  longAscii: 'a'.repeat(1_000_000),
};

const REFUSED = new Set(['BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE']);

let server: TestServer;
let owner: OrganisationFixture;
let commenter: OrganisationFixture;
let group: GroupFixture;
let published: { id: string };
const tried = { payloads: 0, attempts: 0, stored: 0, refused: 0 };

/** Stored exactly, or refused with a user-fixable code. */
function judge(
  result: GraphQLResult,
  userErrors: Array<{ code: string }> | undefined,
  readBack: () => Promise<string[]>,
  payload: string,
) {
  tried.attempts += 1;
  const topLevel = result.errors?.[0]?.extensions?.code;
  if (topLevel) {
    expect(REFUSED.has(String(topLevel)), `top-level ${topLevel}: ${result.errors?.[0]?.message}`).toBe(true);
    tried.refused += 1;
    return Promise.resolve();
  }
  if (userErrors?.length) {
    expect(userErrors.every((e) => e.code === 'BAD_USER_INPUT')).toBe(true);
    tried.refused += 1;
    return Promise.resolve();
  }
  tried.stored += 1;
  return readBack().then((values) => {
    for (const value of values) expect(value).toBe(payload.trim());
  });
}

/** Sends a request as JSON even when it is larger than the body limit (fetch, not the helper's parser). */
async function gql(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult<any>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  owner = await createOrganisation(server);
  commenter = await createOrganisation(server);
  await joinGroup(server, owner, group);
  await joinGroup(server, commenter, group);
  published = await createPractice(server, owner, group);
});
afterAll(() => {
  process.stdout.write(
    `hostile input: ${tried.payloads} payloads, ${tried.attempts} attempts, ${tried.stored} stored as text, ${tried.refused} refused\n`,
  );
  return server?.close();
});

describe('hostile input', () => {
  it.each(Object.entries(HOSTILE_PAYLOADS))('%s: stored as text or refused, everywhere', async (_name, payload) => {
    tried.payloads += 1;
    const token = owner.admin.token;

    const organisation = await gql(
      `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { slug } userErrors { code } } }`,
      { input: { name: payload, description: payload } },
      token,
    );
    await judge(
      organisation,
      organisation.data?.updateOrganisation.userErrors,
      async () => {
        const read = await server.gql(`query($slug: String!) { organisation(slug: $slug) { name description } }`, {
          slug: owner.slug,
        });
        return [read.data?.organisation.name, read.data?.organisation.description];
      },
      payload,
    );

    const practice = await gql(
      `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { practice { id } userErrors { code } } }`,
      {
        input: { groupId: group.id, content: practiceContent({ title: payload, summary: payload, problem: payload }) },
      },
      token,
    );
    await judge(
      practice,
      practice.data?.createPractice.userErrors,
      async () => {
        const read = await server.gql(
          `query($id: ID!) { node(id: $id) { ... on Practice { title summary content { problem } } } }`,
          { id: practice.data?.createPractice.practice.id },
          { token },
        );
        return [read.data?.node.title, read.data?.node.summary, read.data?.node.content.problem];
      },
      payload,
    );

    const comment = await gql(
      `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id body } userErrors { code } } }`,
      { input: { practiceId: published.id, body: payload } },
      commenter.admin.token,
    );
    await judge(
      comment,
      comment.data?.postComment.userErrors,
      async () => {
        const read = await server.gql(`query($id: ID!) { node(id: $id) { ... on Comment { body } } }`, {
          id: comment.data?.postComment.comment.id,
        });
        return [read.data?.node.body];
      },
      payload,
    );

    const review = await gql(
      `mutation($input: CreateReviewInput!) { createReview(input: $input) { review { id body } userErrors { code } } }`,
      { input: { practiceId: published.id, body: payload, submit: false } },
      commenter.admin.token,
    );
    await judge(
      review,
      review.data?.createReview.userErrors,
      async () => [review.data?.createReview.review.body],
      payload,
    );
    if (review.data?.createReview.review) {
      // one review per organisation and revision: make room for the next payload's
      await server.db.query('delete from review_edition where review_id in (select id from review where status = $1)', [
        'DRAFT',
      ]);
      await server.db.query(`delete from review where status = 'DRAFT'`);
    }

    const [tables] = await server.db.query<{ n: string }>(`select count(*) as n from organisation`);
    expect(Number(tables!.n)).toBeGreaterThanOrEqual(2);
  });

  it('refuses links that are not http(s) wherever a link is asked for', async () => {
    for (const url of [
      'javascript:window.__xss=1',
      'data:text/html,<script>x</script>',
      'file:///etc/passwd',
      ' vbscript:x',
    ]) {
      const website = await server.gql(
        `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { userErrors { code field } } }`,
        { input: { website: url } },
        { token: owner.admin.token },
      );
      expect(website.data?.updateOrganisation.userErrors).toEqual([
        { code: 'BAD_USER_INPUT', field: ['input', 'website'] },
      ]);
      const evidence = await server.gql(
        `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { userErrors { code field } } }`,
        {
          input: {
            groupId: group.id,
            content: practiceContent({ evidenceLinks: [{ title: 'Отчёт', url }] }),
          },
        },
        { token: owner.admin.token },
      );
      expect(evidence.data?.createPractice.userErrors).toEqual([
        { code: 'BAD_USER_INPUT', field: ['input', 'content', 'evidenceLinks', '0', 'url'] },
      ]);
    }
  });
});
