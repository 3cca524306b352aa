import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackMethod } from '../../modules/feedback-method/feedback-method.entity.js';
import { Organisation } from '../../modules/organisation/organisation.entity.js';
import { Practice } from '../../modules/practice/practice.entity.js';
import { ThematicGroup } from '../../modules/thematic-group/thematic-group.entity.js';
import { GroupMembership } from '../../modules/thematic-group/group-membership.entity.js';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { detachedEntities } from './detached.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey', 'interview']);
  const group = await createGroup(server);
  const org = await createOrganisation(server);
  await joinGroup(server, org, group);
  await createPractice(server, org, group, { content: { methodKeys: ['survey', 'interview'] } });
});
afterAll(() => server?.close());

/** Every property's value, own or not, as a plain object (getters included). */
const valuesOf = (entity: object, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, (entity as Record<string, unknown>)[name]]));

describe('detached entities', () => {
  it.each([
    ['practice', Practice],
    ['feedback_method', FeedbackMethod],
    ['group_membership', GroupMembership],
    ['organisation', Organisation],
    ['thematic_group', ThematicGroup],
  ] as const)('read from %s, equal what the ORM maps, without entering its identity map', async (table, entity) => {
    const em = server.orm.em.fork();
    const rows = await em.execute<Array<Record<string, unknown>>>(`select * from ${table}`);
    expect(rows.length).toBeGreaterThan(0);
    const names = em
      .getMetadata()
      .get(entity as never)
      .props.filter((prop) => prop.kind === 'scalar' && prop.persist !== false)
      .map((prop) => prop.name as string);
    const detached = detachedEntities(em, entity as never, rows) as object[];
    const mapped = rows.map((row) => em.fork().map(entity as never, row) as object);
    expect(detached.map((e) => valuesOf(e, names))).toEqual(mapped.map((e) => valuesOf(e, names)));
    expect(detached.every((e) => e instanceof entity)).toBe(true);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    // Dates stay dates, JSON stays parsed.
    const practice = detached[0] as Partial<Practice>;
    if (entity === Practice) {
      expect(practice.createdAt).toBeInstanceOf(Date);
      expect(typeof practice.content).toBe('object');
    }
  });
});
