import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';

const REVIEW_FIELDS = `id status revisionNumber edition version reviewerName confidence body
  scores { relevance depth loopClosure evidence replicability } organisation { slug }`;
const CREATE = `mutation($input: CreateReviewInput!) { createReview(input: $input) { review { ${REVIEW_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateReviewInput!) { updateReview(input: $input) { review { ${REVIEW_FIELDS} } userErrors { code field message } } }`;
const RESPOND = `mutation($input: RespondToReviewInput!) { respondToReview(input: $input) { response { body authorName } userErrors { code field message } } }`;
const BODY = 'Практика хорошо показывает, как получатели услуг участвуют в принятии решений. '.repeat(4);
const scores = { relevance: 5, depth: 4, loopClosure: 4, evidence: 3, replicability: 4 };

let server: TestServer;
let group: GroupFixture;
let owner: OrganisationFixture;
let peer: OrganisationFixture;
let peerReviewer: Person;

const reviewRows = (practiceId: string) =>
  server.db.query('select organisation_id, status, edition, body from review where practice_id = $1', [
    uuidOf(practiceId),
  ]);

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  owner = await createOrganisation(server);
  peer = await createOrganisation(server);
  await joinGroup(server, owner, group);
  await joinGroup(server, peer, group);
  peerReviewer = await addMember(server, peer, 'REVIEWER');
});
afterAll(() => server?.close());

describe('reviewing a practice', () => {
  it('submits a rubric review of the current revision; the practice shows it with means and counts', async () => {
    const practice = await createPractice(server, owner, group);
    const result = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    expect(result.data?.createReview).toMatchObject({
      review: { status: 'SUBMITTED', revisionNumber: 1, edition: 1, scores, organisation: { slug: peer.slug } },
      userErrors: [],
    });
    const view = await server.gql(
      `query($id: ID!) { practice(id: $id) { viewerCanReview reviews { revisionNumber status }
        reviewSummary { count overall { mean count } criteria { criterion mean count } } } }`,
      { id: practice.id },
      { token: peerReviewer.token },
    );
    expect(view.data?.practice).toMatchObject({
      viewerCanReview: false,
      reviews: [{ revisionNumber: 1, status: 'SUBMITTED' }],
      reviewSummary: { count: 1, overall: { mean: 4, count: 1 } },
    });
    expect(view.data?.practice.reviewSummary.criteria[0]).toEqual({ criterion: 'RELEVANCE', mean: 5, count: 1 });
    const sorted = await server.gql(`{ practices(sort: MOST_REVIEWED, first: 1) { edges { node { id } } } }`);
    expect(sorted.data?.practices.edges[0].node.id).toBe(practice.id);
    const inbox = await server.gql(
      `{ notifications { edges { node { kind text } } } }`,
      {},
      { token: owner.admin.token, locale: 'ru' },
    );
    expect(inbox.data?.notifications.edges[0].node).toEqual({
      kind: 'REVIEW_ON_MY_PRACTICE',
      text: `${peerReviewer.user.name} оставил(а) рецензию на практику «Совет получателей услуг»`,
    });
  });

  it('keeps a draft review private to the reviewing organisation until it is submitted', async () => {
    const practice = await createPractice(server, owner, group);
    const draft = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores: { relevance: 3 } } },
      { token: peerReviewer.token },
    );
    const review = draft.data?.createReview.review;
    expect(review.status).toBe('DRAFT');
    const asOwner = await server.gql(
      `query($id: ID!) { practice(id: $id) { reviews { id } } node(id: "${review.id}") { id } }`,
      { id: practice.id },
      { token: owner.admin.token },
    );
    expect(asOwner.data).toEqual({ practice: { reviews: [] }, node: null });
    const submitted = await server.gql(
      UPDATE,
      { input: { reviewId: review.id, version: review.version, scores, confidence: 3, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    expect(submitted.data?.updateReview.review).toMatchObject({ status: 'SUBMITTED', edition: 1 });
    const later = await server.gql(
      `query($id: ID!) { practice(id: $id) { reviews { id } } }`,
      { id: practice.id },
      { token: owner.admin.token },
    );
    expect(later.data?.practice.reviews).toEqual([{ id: review.id }]);
  });

  it('lets the reviewer revise until the author responds, keeping history; the author responds once', async () => {
    const practice = await createPractice(server, owner, group);
    const created = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    const review = created.data?.createReview.review;
    const revised = await server.gql(
      UPDATE,
      { input: { reviewId: review.id, version: review.version, scores: { evidence: 2 } } },
      { token: peerReviewer.token },
    );
    expect(revised.data?.updateReview.review).toMatchObject({ edition: 2, scores: { evidence: 2 } });
    const history = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Review { editions { number scores { evidence } } } } }`,
      { id: review.id },
    );
    expect(history.data?.node.editions).toEqual([
      { number: 2, scores: { evidence: 2 } },
      { number: 1, scores: { evidence: 3 } },
    ]);

    const responded = await server.gql(
      RESPOND,
      { input: { reviewId: review.id, body: 'Спасибо, учтём при следующей редакции.' } },
      { token: owner.admin.token },
    );
    expect(responded.errors).toBeUndefined();
    expect(responded.data?.respondToReview.userErrors).toEqual([]);
    const twice = await server.gql(
      RESPOND,
      { input: { reviewId: review.id, body: 'И ещё раз спасибо за рецензию.' } },
      { token: owner.admin.token },
    );
    expect(twice.data?.respondToReview.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const tooLate = await server.gql(
      UPDATE,
      { input: { reviewId: review.id, version: revised.data?.updateReview.review.version, scores: { evidence: 5 } } },
      { token: peerReviewer.token },
    );
    expect(tooLate.data?.updateReview.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
  });

  it('orders BEST_RATED by the mean review score', async () => {
    const low = await createPractice(server, owner, group, { content: { title: 'Оценённая ниже' } });
    const high = await createPractice(server, owner, group, { content: { title: 'Оценённая выше' } });
    const low5 = { relevance: 2, depth: 2, loopClosure: 2, evidence: 2, replicability: 2 };
    await server.gql(
      CREATE,
      { input: { practiceId: low.id, scores: low5, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    await server.gql(
      CREATE,
      {
        input: {
          practiceId: high.id,
          scores: { ...low5, relevance: 5, depth: 5 },
          confidence: 4,
          body: BODY,
          submit: true,
        },
      },
      { token: peerReviewer.token },
    );
    const result = await server.gql(`{ practices(sort: BEST_RATED, first: 50) { edges { node { id } } } }`);
    const order = result.data?.practices.edges.map((e: any) => e.node.id);
    expect(order.indexOf(high.id)).toBeLessThan(order.indexOf(low.id));
    const unreviewed = await createPractice(server, owner, group);
    const again = await server.gql(`{ practices(sort: BEST_RATED, first: 50) { edges { node { id } } } }`);
    expect(again.data?.practices.edges.at(-1).node.id).toBe(unreviewed.id);
  });

  it('allows a new review when the practice publishes a new revision', async () => {
    const practice = await createPractice(server, owner, group);
    await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    await server.gql(
      `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { userErrors { code } } }`,
      {
        input: {
          practiceId: practice.id,
          version: practice.version,
          content: { summary: 'Новая редакция после рецензии.' },
        },
      },
      { token: owner.admin.token },
    );
    const second = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 5, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    expect(second.data?.createReview.review.revisionNumber).toBe(2);
  });
});

describe('what a review is about', () => {
  it('never changes, and a submitted review never returns to draft, whoever writes the SQL', async () => {
    const practice = await createPractice(server, owner, group);
    const created = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    const id = uuidOf(created.data?.createReview.review.id);
    await expect(server.db.query(`update review set status = 'DRAFT' where id = $1`, [id])).rejects.toThrow(
      /cannot return to draft/,
    );
    await expect(
      server.db.query(`update review set reviewer_subject = 'someone-else' where id = $1`, [id]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      server.db.query(`update review set organisation_id = practice_organisation_id where id = $1`, [id]),
    ).rejects.toThrow();
  });
});

describe('bad input and conflicts of interest change nothing', () => {
  it('refuses scores outside 1–5, a short text, one’s own practice, outsiders and a second review', async () => {
    const practice = await createPractice(server, owner, group);
    const bad = await server.gql(
      CREATE,
      {
        input: {
          practiceId: practice.id,
          scores: { ...scores, depth: 0, evidence: 6 },
          confidence: 9,
          body: 'Коротко.',
          submit: true,
        },
      },
      { token: peerReviewer.token },
    );
    expect(bad.data?.createReview.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual([
      'input.body',
      'input.confidence',
      'input.scores.depth',
      'input.scores.evidence',
    ]);
    const own = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: owner.admin.token },
    );
    expect(own.data?.createReview.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const outsider = await createOrganisation(server);
    const notInGroup = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: outsider.admin.token },
    );
    expect(notInGroup.data?.createReview.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const viewer = await addMember(server, peer, 'VIEWER');
    const byViewer = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: viewer.token },
    );
    expect(byViewer.data?.createReview.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await reviewRows(practice.id)).toEqual([]);
    await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    const second = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peer.admin.token },
    );
    expect(second.data?.createReview.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect(await reviewRows(practice.id)).toHaveLength(1);
  });

  it('stores exactly one of 50 concurrent submissions from the same organisation; the rest get CONFLICT', async () => {
    const practice = await createPractice(server, owner, group);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.gql(
          CREATE,
          { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
          { token: peerReviewer.token },
        ),
      ),
    );
    const codes = results.map((r) => r.data?.createReview.userErrors[0]?.code ?? (r.errors ? 'ERROR' : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(49);
    expect(await reviewRows(practice.id)).toHaveLength(1);
  });
});

describe('another organisation', () => {
  it('cannot edit a review it did not write, nor respond to reviews of a practice it does not own', async () => {
    const practice = await createPractice(server, owner, group);
    const created = await server.gql(
      CREATE,
      { input: { practiceId: practice.id, scores, confidence: 4, body: BODY, submit: true } },
      { token: peerReviewer.token },
    );
    const review = created.data?.createReview.review;
    const attacker = await createOrganisation(server);
    await joinGroup(server, attacker, group);
    const edit = await server.gql(
      UPDATE,
      { input: { reviewId: review.id, version: review.version, scores: { relevance: 1 } } },
      { token: attacker.admin.token },
    );
    expect(edit.data?.updateReview.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const respond = await server.gql(
      RESPOND,
      { input: { reviewId: review.id, body: 'Ответ не от автора практики.' } },
      { token: attacker.admin.token },
    );
    expect(respond.data?.respondToReview.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await reviewRows(practice.id)).toEqual([
      { organisation_id: uuidOf(peer.id), status: 'SUBMITTED', edition: 1, body: BODY.trim() },
    ]);
    expect(await server.db.query('select 1 from review_response where review_id = $1', [uuidOf(review.id)])).toEqual(
      [],
    );
  });
});
