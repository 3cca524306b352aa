import type pg from 'pg';
import { z } from 'zod';
import { InputErrors } from '../common/errors/domain-error.js';
import type { PracticeContentInput } from '../modules/practice/dto/practice.input.js';
import { IndicatorTier, ParticipationLevel, PracticeStatus } from '../modules/practice/practice.enums.js';
import {
  mergeContent,
  validateForPublish,
  validateShape,
  type PracticeDraft,
} from '../modules/practice/practice.validators.js';
import { slug } from './catalogue.seed.js';
import { idsBy, setVars } from './seed-client.js';
import { readSeedFile } from './seed-file.js';
import { loadDevUsers } from './users.seed.js';

const content = z.object({
  title: z.string().optional(),
  summary: z.string().optional(),
  problem: z.string().optional(),
  beneficiarySegment: z
    .object({ description: z.string().optional(), size: z.number().int().optional(), reach: z.string().optional() })
    .optional(),
  participationLevel: z.enum(ParticipationLevel).optional(),
  methods: z.array(z.string()).optional(),
  loopClosure: z
    .object({
      returnedWhat: z.string().optional(),
      returnedHow: z.string().optional(),
      turnaroundDays: z.number().int().optional(),
      closed: z.boolean().optional(),
    })
    .optional(),
  indicators: z
    .array(
      z.object({
        tier: z.enum(IndicatorTier),
        name: z.string(),
        unit: z.string(),
        baseline: z.number().optional(),
        value: z.number(),
        period: z.coerce.string().optional(),
        source: z.string().optional(),
      }),
    )
    .optional(),
  evidenceLinks: z.array(z.object({ title: z.string(), url: z.string() })).optional(),
  resources: z.string().optional(),
  replicationAdvice: z.string().optional(),
  tags: z.array(z.coerce.string()).optional(),
});

const practicesFile = z.object({
  practices: z.array(
    z.object({
      key: slug,
      organisation: slug,
      group: slug,
      status: z.enum(PracticeStatus),
      author: z.string(),
      publishedAt: z.coerce.date().optional(),
      content,
      revisions: z.array(z.object({ content: content.partial() })).default([]),
    }),
  ),
});

const toInput = ({ methods, ...rest }: z.infer<typeof content>): PracticeContentInput => ({
  ...rest,
  methodKeys: methods,
});
const EMPTY: PracticeDraft = { title: '', summary: '', data: {}, methodKeys: [] };

/** Checks a seed practice with the same rules as the API; a bad one fails with its key and fields. */
function checked(key: string, draft: PracticeDraft, publish: boolean): PracticeDraft {
  const errors = new InputErrors();
  validateShape(draft, errors);
  if (publish) validateForPublish(draft, errors);
  if (errors.errors.length) {
    throw new Error(
      `practices.yaml: ${key}: ${errors.errors.map((e) => `${e.field?.slice(2).join('.')}: ${e.localized.en}`).join('; ')}`,
    );
  }
  return draft;
}

const DAY = 86_400_000;

/** Demo practices with their published revisions, methods and dates. */
export async function seedDemoPractices(client: pg.Client, seedsDir: string): Promise<number> {
  const { practices } = await readSeedFile(seedsDir, 'practices.yaml', practicesFile);
  const { users } = await loadDevUsers(seedsDir);
  const subjects = new Map(users.map((u) => [u.username, u.id]));
  const organisations = await idsBy(client, 'organisation', 'slug');
  const groups = await idsBy(client, 'thematic_group', 'slug');
  const methods = await idsBy(client, 'feedback_method', 'key');
  for (const p of practices) {
    const ref = (map: Map<string, string>, name: string, what: string) => {
      const id = map.get(name);
      if (!id) throw new Error(`practices.yaml: ${p.key} names unknown ${what} ${name}`);
      return id;
    };
    const organisationId = ref(organisations, p.organisation, 'organisation');
    const groupId = ref(groups, p.group, 'group');
    const author = ref(subjects, p.author, 'user');
    const published = p.status !== PracticeStatus.DRAFT;
    const final = checked(p.key, mergeContent(EMPTY, toInput(p.content)), published);
    const methodIds = final.methodKeys.map((k) => ref(methods, k, 'method'));
    const revisions = published
      ? [...p.revisions.map((r) => checked(p.key, mergeContent(final, toInput(r.content)), true)), final]
      : [];
    const publishedAt = published ? (p.publishedAt ?? new Date()) : null;
    const revisionDate = (i: number) => new Date(publishedAt!.getTime() + i * 20 * DAY);
    await setVars(client, { 'app.organisation_id': organisationId });
    const { rows } = await client.query<{ id: string }>(
      `insert into practice (organisation_id, group_id, status, version, revision_number, title, summary, content, created_by,
                             created_at, updated_at, published_at, archived_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, now()), coalesce($11, now()), $10, $12) returning id`,
      [
        organisationId,
        groupId,
        p.status,
        Math.max(1, revisions.length),
        revisions.length,
        final.title,
        final.summary,
        JSON.stringify(final.data),
        author,
        publishedAt,
        revisions.length ? revisionDate(revisions.length - 1) : null,
        p.status === PracticeStatus.ARCHIVED ? revisionDate(revisions.length) : null,
      ],
    );
    const practiceId = rows[0]!.id;
    for (const [position, methodId] of methodIds.entries()) {
      await client.query(
        'insert into practice_method (practice_id, organisation_id, method_id, position) values ($1, $2, $3, $4)',
        [practiceId, organisationId, methodId, position],
      );
    }
    for (const [i, revision] of revisions.entries()) {
      await client.query(
        `insert into practice_revision (organisation_id, practice_id, number, title, summary, content, method_keys, created_by, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          organisationId,
          practiceId,
          i + 1,
          revision.title,
          revision.summary,
          JSON.stringify(revision.data),
          revision.methodKeys,
          author,
          revisionDate(i),
        ],
      );
    }
  }
  return practices.length;
}
