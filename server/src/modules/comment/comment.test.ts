import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  submitReview,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';

const FIELDS = 'id body status hiddenReason depth parentId version authorName isViewer viewerCanEdit edits { body }';
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { ${FIELDS} } userErrors { code field message } } }`;
const EDIT = `mutation($input: EditCommentInput!) { editComment(input: $input) { comment { ${FIELDS} } userErrors { code field } } }`;
const REPORT = `mutation($input: ReportCommentInput!) { reportComment(input: $input) { comment { status } userErrors { code field } } }`;
const HIDE = `mutation($input: ModerateCommentInput!) { hideComment(input: $input) { comment { status hiddenReason } userErrors { code field } } }`;
const RESTORE = `mutation($input: ModerateCommentInput!) { restoreComment(input: $input) { comment { status } userErrors { code } } }`;
const THREAD = `query($id: ID!) { practice(id: $id) { comments(first: 100) { totalCount edges { node { ${FIELDS} } } } } }`;
const NOTIFICATIONS = `{ unreadNotificationCount notifications { edges { node { id kind text link read } } } }`;

let clock = new Date('2026-11-29T10:00:00Z');
let server: TestServer;
let group: GroupFixture;
let owner: OrganisationFixture;
let practiceId: string;
let moderator: Person;

/** Posts a comment a second after the previous one, so threads have a definite order. */
const post = (token: string, input: Record<string, unknown>) => {
  clock = new Date(clock.getTime() + 1000);
  return server.gql(POST, { input: { practiceId, ...input } }, { token });
};

beforeAll(async () => {
  server = await startTestServer({
    now: () => clock,
    settings: { commentReportThreshold: 3, commentEditWindowMinutes: 15 },
  });
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  owner = await createOrganisation(server);
  await joinGroup(server, owner, group);
  practiceId = (await createPractice(server, owner, group)).id;
  moderator = await server.person({ realmRoles: ['MODERATOR'] });
});
afterAll(() => server?.close());

describe('threads', () => {
  it('posts, replies up to the depth limit, and notifies the author of a reply', async () => {
    const other = await createOrganisation(server);
    const top = await post(owner.admin.token, { body: 'Как вы набирали участников совета?' });
    expect(top.data?.postComment.comment).toMatchObject({ depth: 0, parentId: null, isViewer: true });
    let parent = top.data?.postComment.comment.id;
    for (const depth of [1, 2, 3]) {
      const reply = await post(other.admin.token, { parentId: parent, body: `Ответ уровня ${depth}` });
      expect(reply.data?.postComment.comment).toMatchObject({ depth, parentId: parent });
      parent = reply.data?.postComment.comment.id;
    }
    const thread = await server.gql(THREAD, { id: practiceId });
    expect(thread.data?.practice.comments.edges.map((e: any) => e.node.depth)).toEqual([0, 1, 2, 3]);
    const tooDeep = await post(other.admin.token, { parentId: parent, body: 'Слишком глубоко' });
    expect(tooDeep.data?.postComment.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'parentId'] },
    ]);

    const inbox = await server.gql(NOTIFICATIONS, {}, { token: owner.admin.token });
    expect(inbox.data?.unreadNotificationCount).toBe(1);
    const [notification] = inbox.data?.notifications.edges.map((e: any) => e.node) ?? [];
    expect(notification).toMatchObject({ kind: 'REPLY_TO_MY_COMMENT', read: false, link: `/practices/${practiceId}` });
    await server.gql(
      `mutation($id: ID!) { markNotificationRead(id: $id) { userErrors { code } } }`,
      { id: notification.id },
      { token: owner.admin.token },
    );
    expect((await server.gql(NOTIFICATIONS, {}, { token: owner.admin.token })).data?.unreadNotificationCount).toBe(0);
    const stolen = await server.gql(
      `mutation($id: ID!) { markNotificationRead(id: $id) { userErrors { code } } }`,
      { id: notification.id },
      { token: other.admin.token },
    );
    expect(stolen.data?.markNotificationRead.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('records the organisations of the practice, review and comment it answers; the database refuses a wrong one', async () => {
    const reviewer = await createOrganisation(server);
    await joinGroup(server, reviewer, group);
    await submitReview(server, reviewer.admin.token, practiceId);
    const [review] = await server.db.query(`select id from review where practice_id = $1 and organisation_id = $2`, [
      uuidOf(practiceId),
      uuidOf(reviewer.id),
    ]);
    const commenter = await createOrganisation(server);
    const onReview = await post(commenter.admin.token, {
      reviewId: toGlobalId('Review', review!.id),
      body: 'Сколько человек ответили на опрос?',
    });
    const reply = await post(owner.admin.token, {
      parentId: onReview.data?.postComment.comment.id,
      body: 'Ответили сорок два человека.',
    });
    await server.gql(
      REPORT,
      { input: { commentId: onReview.data?.postComment.comment.id, reason: 'OFF_TOPIC' } },
      { token: reviewer.admin.token },
    );
    const rows = await server.db.query(
      `select organisation_id, practice_organisation_id, review_organisation_id, parent_organisation_id
         from comment where id = any($1) order by depth`,
      [[onReview, reply].map((r) => uuidOf(r.data?.postComment.comment.id))],
    );
    const [ownerId, reviewerId, commenterId] = [owner, reviewer, commenter].map((o) => uuidOf(o.id));
    expect(rows).toEqual([
      {
        organisation_id: commenterId,
        practice_organisation_id: ownerId,
        review_organisation_id: reviewerId,
        parent_organisation_id: null,
      },
      {
        organisation_id: ownerId,
        practice_organisation_id: ownerId,
        review_organisation_id: reviewerId,
        parent_organisation_id: commenterId,
      },
    ]);
    const reports = await server.db.query(`select organisation_id from comment_report where comment_id = $1`, [
      uuidOf(onReview.data?.postComment.comment.id),
    ]);
    expect(reports).toEqual([{ organisation_id: commenterId }]);

    await expect(
      server.db.query(
        `insert into comment (organisation_id, practice_id, practice_organisation_id, author_subject, author_name, body)
         values ($1, $2, $1, 'sql', 'SQL', 'Не та организация')`,
        [commenterId, uuidOf(practiceId)],
      ),
    ).rejects.toMatchObject({ code: '23503', constraint: 'comment_practice_fkey' });
  });

  it('refuses empty text, a draft practice, and people not acting for an organisation', async () => {
    const empty = await post(owner.admin.token, { body: '   ' });
    expect(empty.data?.postComment.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'body'] }]);
    const draft = await createPractice(server, owner, group, { draft: true });
    const onDraft = await server.gql(
      POST,
      { input: { practiceId: draft.id, body: 'Черновик' } },
      { token: (await createOrganisation(server)).admin.token },
    );
    expect(onDraft.data?.postComment.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const loner = await server.person();
    const alone = await post(loner.token, { body: 'Без организации' });
    expect(alone.data?.postComment.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  it('loses none and duplicates none of 100 concurrent posts', async () => {
    const target = (await createPractice(server, owner, group)).id;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        server.gql(POST, { input: { practiceId: target, body: `Комментарий ${i}` } }, { token: owner.admin.token }),
      ),
    );
    expect(results.every((r) => r.data?.postComment.userErrors.length === 0)).toBe(true);
    const rows = await server.db.query('select body from comment where practice_id = $1', [uuidOf(target)]);
    expect(new Set(rows.map((r) => r.body)).size).toBe(100);
    expect(rows).toHaveLength(100);
  });
});

describe('editing', () => {
  it('lets the author edit within the window, keeping the earlier text; never after it, never someone else', async () => {
    clock = new Date('2026-11-29T10:00:00Z');
    const created = await post(owner.admin.token, { body: 'Первая версия' });
    const comment = created.data?.postComment.comment;
    clock = new Date('2026-11-29T10:10:00Z');
    const edited = await server.gql(
      EDIT,
      { input: { commentId: comment.id, version: comment.version, body: 'Вторая версия' } },
      { token: owner.admin.token },
    );
    expect(edited.data?.editComment.comment).toMatchObject({
      body: 'Вторая версия',
      edits: [{ body: 'Первая версия' }],
    });
    const other = await createOrganisation(server);
    const foreign = await server.gql(
      EDIT,
      { input: { commentId: comment.id, version: 2, body: 'Чужая правка' } },
      { token: other.admin.token },
    );
    expect(foreign.data?.editComment.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    clock = new Date('2026-11-29T10:16:00Z');
    const late = await server.gql(
      EDIT,
      { input: { commentId: comment.id, version: 2, body: 'Поздно' } },
      { token: owner.admin.token },
    );
    expect(late.data?.editComment.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect(await server.db.query('select body from comment where id = $1', [uuidOf(comment.id)])).toEqual([
      { body: 'Вторая версия' },
    ]);
  });
});

describe('reports and moderation', () => {
  it('hides a comment reported by three organisations, shows others a placeholder, and tells the author', async () => {
    const author = await createOrganisation(server);
    const created = await post(author.admin.token, { body: 'Купите наши курсы!' });
    const commentId = created.data?.postComment.comment.id;
    const own = await server.gql(REPORT, { input: { commentId, reason: 'SPAM' } }, { token: author.admin.token });
    expect(own.data?.reportComment.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT' }]);
    const reporters = [
      await createOrganisation(server),
      await createOrganisation(server),
      await createOrganisation(server),
    ];
    const colleague = await addMember(server, reporters[0]!, 'VIEWER');
    const statuses = [];
    for (const token of [
      reporters[0]!.admin.token,
      colleague.token,
      reporters[1]!.admin.token,
      reporters[2]!.admin.token,
    ]) {
      statuses.push(
        (await server.gql(REPORT, { input: { commentId, reason: 'SPAM' } }, { token })).data?.reportComment.comment
          .status,
      );
    }
    expect(statuses).toEqual(['VISIBLE', 'VISIBLE', 'VISIBLE', 'HIDDEN']);
    const twice = await server.gql(
      REPORT,
      { input: { commentId, reason: 'OFFENSIVE' } },
      { token: reporters[1]!.admin.token },
    );
    expect(twice.data?.reportComment.userErrors).toMatchObject([{ code: 'CONFLICT' }]);

    const node = `query($id: ID!) { node(id: $id) { ... on Comment { body status hiddenReason } } }`;
    expect((await server.gql(node, { id: commentId })).data?.node).toEqual({
      body: null,
      status: 'HIDDEN',
      hiddenReason: null,
    });
    expect((await server.gql(node, { id: commentId }, { token: author.admin.token })).data?.node).toEqual({
      body: 'Купите наши курсы!',
      status: 'HIDDEN',
      hiddenReason: 'REPORTS',
    });
    const inbox = await server.gql(NOTIFICATIONS, {}, { token: author.admin.token });
    expect(inbox.data?.notifications.edges.map((e: any) => e.node.kind)).toEqual(['COMMENT_HIDDEN']);

    const queue = await server.gql(
      `{ commentsForModeration { edges { node { id reportCount } } } }`,
      {},
      { token: moderator.token },
    );
    expect(queue.data?.commentsForModeration.edges).toContainEqual({ node: { id: commentId, reportCount: 4 } });
    const notModerator = await server.gql(
      `{ commentsForModeration { totalCount } }`,
      {},
      { token: author.admin.token },
    );
    expect(notModerator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const restored = await server.gql(
      RESTORE,
      { input: { commentId, reason: 'Проверено: не спам' } },
      { token: moderator.token },
    );
    expect(restored.data?.restoreComment.comment.status).toBe('VISIBLE');
  });

  it('counts only reports of organisations, and cannot be forced from the application role', async () => {
    const author = await createOrganisation(server);
    const commentId = (await post(author.admin.token, { body: 'Обычный комментарий' })).data?.postComment.comment.id;
    for (let i = 0; i < 3; i += 1) {
      const loner = await server.person();
      const result = await server.gql(REPORT, { input: { commentId, reason: 'SPAM' } }, { token: loner.token });
      expect(result.data?.reportComment.comment.status).toBe('VISIBLE');
    }
    const app = new pg.Pool({ connectionString: server.db.appUrl, max: 1 });
    try {
      const forced = await app.query('select comment_hide_if_reported($1) as hidden', [uuidOf(commentId)]);
      expect(forced.rows[0].hidden).toBeNull();
      await expect(app.query('select comment_hide_if_reported($1, 0)', [uuidOf(commentId)])).rejects.toThrow(
        /does not exist/,
      );
    } finally {
      await app.end();
    }
    expect(await server.db.query('select status from comment where id = $1', [uuidOf(commentId)])).toEqual([
      { status: 'VISIBLE' },
    ]);
  });

  it('never moves a comment to another author or thread, whoever writes the SQL', async () => {
    const commentId = (await post(owner.admin.token, { body: 'Неизменный' })).data?.postComment.comment.id;
    await expect(
      server.db.query(`update comment set author_subject = 'someone-else' where id = $1`, [uuidOf(commentId)]),
    ).rejects.toThrow(/cannot change/);
    await expect(server.db.query(`update comment set depth = 2 where id = $1`, [uuidOf(commentId)])).rejects.toThrow(
      /cannot change/,
    );
  });

  it('refuses NUL characters in any text as bad input', async () => {
    const result = await post(owner.admin.token, { body: 'до\u0000после' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets only moderators hide and restore, with a reason; comments are never deleted', async () => {
    const author = await createOrganisation(server);
    const commentId = (await post(author.admin.token, { body: 'Резкий комментарий' })).data?.postComment.comment.id;
    const byOwner = await server.gql(
      HIDE,
      { input: { commentId, reason: 'Не нравится' } },
      { token: owner.admin.token },
    );
    expect(byOwner.data?.hideComment.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const noReason = await server.gql(HIDE, { input: { commentId, reason: '' } }, { token: moderator.token });
    expect(noReason.data?.hideComment.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'reason'] },
    ]);
    const hidden = await server.gql(
      HIDE,
      { input: { commentId, reason: 'Оскорбительный тон' } },
      { token: moderator.token },
    );
    expect(hidden.data?.hideComment.comment).toEqual({ status: 'HIDDEN', hiddenReason: 'Оскорбительный тон' });

    const app = new pg.Pool({ connectionString: server.db.appUrl, max: 1 });
    const client = await app.connect();
    try {
      await client.query('begin');
      await client.query(
        `select set_config('app.subject', $1, true), set_config('app.platform_roles', 'PLATFORM_ADMIN,MODERATOR', true)`,
        [author.admin.user.id],
      );
      const deleted = await client.query('delete from comment where id = $1', [uuidOf(commentId)]);
      expect(deleted.rowCount).toBe(0);
      await client.query('rollback');
    } finally {
      client.release();
      await app.end();
    }
  });
});
