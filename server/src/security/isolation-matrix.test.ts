import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../common/graphql/global-id.js';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  discloseMission,
  joinGroup,
  publishMissionStandard,
  submitReview,
  uuidOf,
  type OrganisationFixture,
} from '../test-support/factories.js';
import { startTestServer, type RequestOptions, type TestServer } from '../test-support/test-server.js';

/**
 * Tenant isolation, generated from the schema: every query and every mutation, with arguments built from
 * their types and pointed at a victim organisation's private objects, tried as anonymous, as another
 * organisation, as another organisation claiming the victim's header, and (mutations) as the victim's
 * lowest role. Responses must never carry the victim's private objects; mutations must leave the victim's
 * rows unchanged. New operations are covered without touching this file.
 */

const schema: GraphQLSchema = buildSchema(
  readFileSync(path.resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'),
);

let server: TestServer;
let victim: OrganisationFixture;
let outsider: OrganisationFixture;
let viewerToken: string;
/** Private strings of the victim: markers in private text, ids (raw and global) of private rows. */
const secrets = new Set<string>();
/** For ID arguments: the victim object to aim at, by the type an argument's name points to. */
const targets = new Map<string, string>();
const privateTargets: string[] = [];
const stats = { operations: 0, attempts: 0, leaks: 0 };

const marker = (label: string) => {
  const value = `SECRET${label}${Math.random().toString(36).slice(2, 10)}`;
  secrets.add(value);
  return value;
};

async function rememberPrivate(type: string, sql: string, params: unknown[]) {
  const rows = await server.db.query<{ id: string }>(sql, params);
  for (const row of rows) {
    secrets.add(row.id);
    secrets.add(toGlobalId(type, row.id));
    if (!targets.has(type)) targets.set(type, toGlobalId(type, row.id));
  }
  expect(rows.length, `${type}: the victim needs one`).toBeGreaterThan(0);
}

/** A value for an input type, aimed at the victim where it is an id. */
function valueFor(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, depth);
  if (isListType(type)) return [valueFor(type.ofType, name.replace(/s$/, ''), depth)];
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [f.name, valueFor(f.type, f.name, depth + 1)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': {
        const wanted = name.replace(/Ids?$/, '').toLowerCase();
        for (const [typename, id] of targets) if (typename.toLowerCase().endsWith(wanted)) return id;
        return targets.get('Practice');
      }
      case 'Int':
        return name === 'version' ? 1 : 3;
      case 'Float':
        return 0.5;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z';
      case 'Date':
        return '2026-01-01';
      case 'EmailAddress':
        return 'attacker@example.org';
      case 'URL':
        return 'https://attacker.example.org/x';
      default:
        if (/url$/i.test(name)) return 'https://attacker.example.org/x';
        if (/email/i.test(name)) return 'attacker@example.org';
        if (/asOf|date/i.test(name)) return '2026-01-01';
        if (/slug/i.test(name)) return 'attacker-slug';
        return 'Текст злоумышленника достаточной длины, чтобы пройти проверки длины поля. '.repeat(3);
    }
  }
  return null;
}

/** Every scalar under a type, objects and connections followed to a bounded depth (within the depth limit). */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isAbstractType(type)) {
    const fragments = schema
      .getPossibleTypes(type)
      .map((t) => `... on ${t.name} { ${scalars(t, `${t.name}_`) || '__typename'} }`)
      .join(' ');
    return `{ __typename ${fragments} }`;
  }
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (depth > 1) {
      const inner = selection(named, depth - 1);
      if (inner && inner !== '{  }') parts.push(`${field.name} ${inner}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** Scalar fields, aliased by type inside fragments on abstract types (their types may differ). */
const scalars = (type: GraphQLObjectType, alias: string) =>
  Object.values(type.getFields())
    .filter((f) => {
      const named = getNamedType(f.type);
      return (isScalarType(named) || isEnumType(named)) && !f.args.some((a) => isNonNullType(a.type));
    })
    .map((f) => `${alias}${f.name}: ${f.name}`)
    .join(' ');

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args as GraphQLArgument[]) {
    variables[arg.name] = valueFor(arg.type, arg.name);
    declared.push(`$${arg.name}: ${arg.type.toString()}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const named = getNamedType(field.type);
  const select = selection(named, 4);
  const query = `${kind} Probe${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${
    passed.length ? `(${passed.join(', ')})` : ''
  } ${select} }`;
  return { query, variables };
}

/** The victim's own rows, table by table (derived rating tables aside): what no one else may change. */
async function victimRows(): Promise<Record<string, string>> {
  const tables = await server.db.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'organisation_id'
        and table_name not like 'rating%' and table_name <> 'idempotency_key'
      order by table_name`,
  );
  const id = uuidOf(victim.id);
  const sums: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await server.db.query<{ sum: string }>(
      `select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
         from ${table_name} t where organisation_id = $1`,
      [id],
    );
    sums[table_name] = row!.sum;
  }
  const [organisation] = await server.db.query<{ sum: string }>(
    `select md5(t::text) as sum from organisation t where id = $1`,
    [id],
  );
  sums.organisation = organisation!.sum;
  const [notifications] = await server.db.query<{ sum: string }>(
    `select count(*) || ':' || md5(coalesce(string_agg(n::text, '|' order by n::text), '')) as sum
       from notification n where recipient_subject in (select subject from member where organisation_id = $1)`,
    [id],
  );
  sums.notification = notifications!.sum;
  return sums;
}

const leaked = (text: string) => [...secrets].filter((s) => text.includes(s));

/** A probe the server could not even run proves nothing: every generated operation must be valid. */
const INVALID = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY']);
const invalid = (result: { errors?: Array<{ message: string; extensions?: { code?: string } }> }) =>
  result.errors?.find((e) => INVALID.has(String(e.extensions?.code)))?.message;

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  const admin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
  const shared = await createGroup(server, {}, admin);
  const moderated = await createGroup(server, { joinPolicy: 'MODERATED' }, admin);
  victim = await createOrganisation(server);
  outsider = await createOrganisation(server);
  const peer = await createOrganisation(server);
  await joinGroup(server, victim, shared);
  await joinGroup(server, peer, shared);
  viewerToken = (await addMember(server, victim, 'VIEWER')).token;
  const as = { token: victim.admin.token };

  // A pending membership, a draft practice, a published one with a peer's review (a notification for the victim).
  const pending = await server.gql(
    `mutation($groupId: ID!) { requestGroupMembership(groupId: $groupId) { userErrors { code } } }`,
    { groupId: moderated.id },
    as,
  );
  expect(pending.data?.requestGroupMembership.userErrors).toEqual([]);
  await createPractice(server, victim, shared, { draft: true, content: { title: marker('Draft') } });
  // A webhook subscription (its URL, description and secret private), and a delivery queued by the publication below.
  const webhook = await server.gql(
    `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
      signingSecret userErrors { code } } }`,
    {
      input: {
        url: `https://victim.example.org/${marker('WebhookUrl')}`,
        events: ['PRACTICE_PUBLISHED'],
        description: marker('WebhookDescription'),
      },
    },
    as,
  );
  expect(webhook.data?.createWebhookSubscription.userErrors).toEqual([]);
  secrets.add(webhook.data?.createWebhookSubscription.signingSecret);
  const published = await createPractice(server, victim, shared);
  const peerReviewer = await addMember(server, peer, 'REVIEWER');
  await submitReview(server, peerReviewer.token, published.id);
  // A draft review by the victim of the peer's practice.
  const peerPractice = await createPractice(server, peer, shared);
  const victimReviewer = await addMember(server, victim, 'REVIEWER');
  const draftReview = await server.gql(
    `mutation($input: CreateReviewInput!) { createReview(input: $input) { userErrors { code } } }`,
    { input: { practiceId: peerPractice.id, body: `${marker('Review')} `.padEnd(300, 'т'), submit: false } },
    { token: victimReviewer.token },
  );
  expect(draftReview.data?.createReview.userErrors).toEqual([]);
  // An unverified disclosure, and a pending invitation.
  await publishMissionStandard(server, 'matrix');
  await discloseMission(server, victim, 'matrix', `https://victim.example.org/${marker('Disclosure')}`);
  const invited = await server.gql(
    `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { code } } }`,
    { input: { email: `${marker('Invite').toLowerCase()}@example.org`, role: 'EDITOR' } },
    as,
  );
  expect(invited.data?.inviteMember.userErrors).toEqual([]);

  const apiClient = await server.gql(
    `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret userErrors { code } } }`,
    { input: { name: marker('ApiClient'), role: 'VIEWER' } },
    as,
  );
  expect(apiClient.data?.createApiClient.userErrors).toEqual([]);
  secrets.add(apiClient.data?.createApiClient.clientSecret);

  const v = uuidOf(victim.id);
  await rememberPrivate('Practice', `select id from practice where organisation_id = $1 and status = 'DRAFT'`, [v]);
  await rememberPrivate('Review', `select id from review where organisation_id = $1 and status = 'DRAFT'`, [v]);
  await rememberPrivate('Disclosure', `select id from disclosure where organisation_id = $1 and status = 'CLAIMED'`, [
    v,
  ]);
  await rememberPrivate(
    'GroupMembership',
    `select id from group_membership where organisation_id = $1 and status = 'PENDING'`,
    [v],
  );
  await rememberPrivate('Invitation', `select id from invitation where organisation_id = $1`, [v]);
  await rememberPrivate('AuditEvent', `select id from audit_event where organisation_id = $1`, [v]);
  await rememberPrivate(
    'Notification',
    `select id from notification where recipient_subject in (select subject from member where organisation_id = $1)`,
    [v],
  );
  await rememberPrivate('Member', `select id from member where organisation_id = $1`, [v]);
  await rememberPrivate('ApiClient', `select id from service_account where organisation_id = $1`, [v]);
  await rememberPrivate('WebhookSubscription', `select id from webhook_subscription where organisation_id = $1`, [v]);
  await rememberPrivate('WebhookDelivery', `select id from webhook_delivery where organisation_id = $1`, [v]);
  for (const row of await server.db.query<{ client_id: string }>(
    'select client_id from service_account where organisation_id = $1',
    [v],
  ))
    secrets.add(row.client_id);
  privateTargets.push(...targets.values());
  targets.set('Organisation', victim.id);
  // The group where the victim waits for approval: joining it leaves an outsider outside.
  targets.set('ThematicGroup', moderated.id);
});
afterAll(() => {
  // The counts the closing note quotes.
  process.stdout.write(
    `isolation matrix: ${stats.operations} operations, ${stats.attempts} attempts, ${stats.leaks} leaks\n`,
  );
  return server?.close();
});

const actors = (): Array<[string, RequestOptions]> => [
  ['anonymous', {}],
  ['another organisation', { token: outsider.admin.token }],
  ['another organisation claiming the victim', { token: outsider.admin.token, organisation: victim.id }],
];

describe('tenant isolation matrix', () => {
  it('never shows a victim’s private object to anyone outside it, through any query', async () => {
    const fields = Object.values(schema.getQueryType()!.getFields());
    expect(fields.length).toBeGreaterThan(15);
    const problems: string[] = [];
    const seenByVictim = new Set<string>();
    for (const field of fields) {
      const { query, variables } = operation('query', field);
      stats.operations += 1;
      for (const found of leaked(JSON.stringify(await server.gql(query, variables, { token: victim.admin.token }))))
        seenByVictim.add(found);
      for (const [who, options] of actors()) {
        stats.attempts += 1;
        const result = await server.gql(query, variables, options);
        const found = leaked(JSON.stringify(result));
        if (found.length) problems.push(`${field.name} as ${who}: ${found.join(', ')}`);
        if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL'))
          problems.push(`${field.name} as ${who}: internal error ${result.errors[0]?.message}`);
        if (invalid(result)) problems.push(`${field.name}: probe invalid: ${invalid(result)}`);
      }
    }
    // node(id) with every private id, explicitly
    for (const id of privateTargets) {
      for (const [who, options] of actors()) {
        stats.attempts += 1;
        const result = await server.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, options);
        if (result.data?.node) problems.push(`node(${id}) as ${who}`);
      }
    }
    stats.leaks += problems.length;
    expect(problems).toEqual([]);
    // The same probes as the victim's ADMIN do reach its private objects: the matrix has teeth. (Invitations
    // show only their e-mail's owner; the draft review sits under another organisation's practice, deeper.)
    const markers = [...secrets].filter((s) => /^SECRET(Draft|Disclosure|ApiClient|Webhook)/.test(s));
    expect(markers.filter((m) => !seenByVictim.has(m))).toEqual([]);
    expect(seenByVictim.size).toBeGreaterThan(markers.length);
  });

  it('lets no one outside the victim, nor its lowest role, change the victim’s rows through any mutation', async () => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    expect(fields.length).toBeGreaterThan(25);
    const problems: string[] = [];
    const all: Array<[string, RequestOptions]> = [...actors(), ['the victim’s VIEWER', { token: viewerToken }]];
    for (const field of fields) {
      const { query, variables } = operation('mutation', field);
      stats.operations += 1;
      for (const [who, options] of all) {
        stats.attempts += 1;
        const before = await victimRows();
        const result = await server.gql(query, variables, options);
        const after = await victimRows();
        // Whatever the outsider did to itself (a membership request, say) is undone: it stays an outsider.
        await server.db.query('delete from group_membership where organisation_id = $1', [uuidOf(outsider.id)]);
        const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
        if (changed.length) problems.push(`${field.name} as ${who} changed ${changed.join(', ')}`);
        const found = leaked(JSON.stringify(result));
        if (found.length) problems.push(`${field.name} as ${who} returned ${found.join(', ')}`);
        if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL'))
          problems.push(`${field.name} as ${who}: internal error ${result.errors[0]?.message}`);
        if (invalid(result)) problems.push(`${field.name}: probe invalid: ${invalid(result)}`);
      }
    }
    stats.leaks += problems.length;
    expect(problems).toEqual([]);
  });
});
