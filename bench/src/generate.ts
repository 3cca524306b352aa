import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Sizes of a synthetic dataset. */
export interface Scale {
  name: string;
  organisations: number;
  practices: number;
  reviews: number;
  comments: number;
}

export const SCALES: Record<string, Scale> = {
  small: { name: 'small', organisations: 500, practices: 5_000, reviews: 50_000, comments: 100_000 },
  full: { name: 'full', organisations: 10_000, practices: 100_000, reviews: 1_000_000, comments: 2_000_000 },
};

export const GROUPS = 12;
/** Bump when the generator changes, so stored datasets are rebuilt. */
export const DATASET_VERSION = 2;
/** One fixed moment the data is generated around, so every run produces the same rows. */
export const GENERATED_AT = new Date('2026-11-01T00:00:00Z');

/** mulberry32: a small, fast, seeded PRNG; the same seed always yields the same dataset. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () => ((next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const daysBefore = (maxDays: number) => new Date(GENERATED_AT.getTime() - next() * maxDays * 86_400_000);
  return { next, int, pick, uuid, daysBefore };
}

type Cell = string | number | boolean | Date | null;

const csvCell = (value: Cell): string => {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Streams rows into a table with COPY … FROM STDIN (CSV), in chunks, never row by row. */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: string[],
  rows: Iterable<Cell[]>,
) {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
  async function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += `${row.map(csvCell).join(',')}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), stream);
}

const KINDS = [
  ...Array<string>(12).fill('NGO'),
  ...Array<string>(5).fill('STATE_INSTITUTION'),
  ...Array<string>(2).fill('MUNICIPAL_INSTITUTION'),
  'OTHER',
];
const REGIONS = [
  'Москва',
  'Санкт-Петербург',
  'Новосибирская область',
  'Свердловская область',
  'Республика Татарстан',
  'Краснодарский край',
  'Пермский край',
  'Самарская область',
  'Нижегородская область',
  'Ростовская область',
];
const LEVELS = [
  'CONSULTATION_FEEDBACK',
  'RESEARCH',
  'COLLABORATION_CODESIGN',
  'GOVERNANCE_PARTICIPATION',
  'DISTRIBUTED_DECISION_MAKING',
];
const TOPICS = ['семьи', 'подростки', 'пожилые', 'инвалидность', 'волонтёры', 'опрос', 'совет', 'сопровождение'];

export interface Criterion {
  standardId: string;
  key: string;
  evidence: string;
  appliesTo: string[];
}

export interface Dataset {
  organisations: Array<{ id: string; kind: string; groups: string[] }>;
  groups: string[];
  /** Published practices with their owner index, group and first revision. */
  published: Array<{ id: string; owner: number; group: string; revision: string }>;
}

/**
 * Loads a deterministic dataset of the given scale with triggers off (session_replication_role = replica,
 * so the owner connection must be a superuser); derived data (review counts, rating inputs) is left for
 * the application's full recompute to build.
 */
export async function loadDataset(client: pg.Client, scale: Scale, criteria: Criterion[], seed = 20261129) {
  const rand = prng(seed);
  await client.query('set session_replication_role = replica');

  const groups = Array.from({ length: GROUPS }, () => rand.uuid());
  await copyRows(
    client,
    'thematic_group',
    ['id', 'slug', 'title_ru', 'title_en', 'description_ru', 'description_en', 'join_policy'],
    groups.map((id, i) => [
      id,
      `bench-group-${i + 1}`,
      `Группа ${i + 1}`,
      `Group ${i + 1}`,
      'Синтетическая',
      'Synthetic',
      'OPEN',
    ]),
  );

  const organisations = Array.from({ length: scale.organisations }, () => {
    const own = new Set<string>();
    const count = rand.int(1, 3);
    while (own.size < count) own.add(rand.pick(groups));
    return { id: rand.uuid(), kind: rand.pick(KINDS), region: rand.pick(REGIONS), groups: [...own] };
  });
  await copyRows(
    client,
    'organisation',
    ['id', 'slug', 'name', 'kind', 'region'],
    organisations.map((o, i) => [o.id, `bench-org-${i + 1}`, `Организация ${i + 1}`, o.kind, o.region]),
  );
  await copyRows(
    client,
    'group_membership',
    ['id', 'organisation_id', 'group_id', 'status', 'decided_at'],
    (function* () {
      for (const o of organisations) for (const g of o.groups) yield [rand.uuid(), o.id, g, 'ACTIVE', GENERATED_AT];
    })(),
  );

  const published: Dataset['published'] = [];
  const practiceRows: Cell[][] = [];
  const revisionRows: Cell[][] = [];
  for (let i = 0; i < scale.practices; i++) {
    const owner = Math.floor(rand.next() ** 1.3 * organisations.length);
    const org = organisations[owner]!;
    const group = rand.pick(org.groups);
    const roll = rand.next();
    const status = roll < 0.85 ? 'PUBLISHED' : roll < 0.95 ? 'DRAFT' : 'ARCHIVED';
    const topic = rand.pick(TOPICS);
    const content = JSON.stringify({
      problem: `Как услышать: ${topic}`,
      participationLevel: rand.pick(LEVELS),
      loopClosure: { returnedWhat: 'Итоги', returnedHow: 'Рассылка', closed: rand.next() < 0.6 },
      tags: [topic],
    });
    const id = rand.uuid();
    const publishedAt = status === 'DRAFT' ? null : rand.daysBefore(730);
    const title = `Практика ${i + 1}: ${topic}`;
    const summary = `Вовлечение получателей услуг (${topic})`;
    practiceRows.push([
      id,
      org.id,
      group,
      status,
      status === 'DRAFT' ? 0 : 1,
      title,
      summary,
      content,
      'bench',
      publishedAt,
    ]);
    if (status !== 'DRAFT') {
      const revision = rand.uuid();
      revisionRows.push([revision, org.id, id, 1, title, summary, content, '{}', 'bench']);
      if (status === 'PUBLISHED') published.push({ id, owner, group, revision });
    }
  }
  await copyRows(
    client,
    'practice',
    [
      'id',
      'organisation_id',
      'group_id',
      'status',
      'revision_number',
      'title',
      'summary',
      'content',
      'created_by',
      'published_at',
    ],
    practiceRows,
  );
  await copyRows(
    client,
    'practice_revision',
    ['id', 'organisation_id', 'practice_id', 'number', 'title', 'summary', 'content', 'method_keys', 'created_by'],
    revisionRows,
  );

  // Reviews: round k gives every published practice one more review, from a different organisation each round.
  const O = organisations.length;
  const stride = 7919;
  const reviewers = (owner: number, round: number) => (owner + 1 + round * stride) % O;
  await copyRows(
    client,
    'review',
    [
      'id',
      'organisation_id',
      'practice_id',
      'practice_organisation_id',
      'group_id',
      'revision_id',
      'revision_number',
      'reviewer_subject',
      'reviewer_name',
      'status',
      'relevance',
      'depth',
      'loop_closure',
      'evidence',
      'replicability',
      'confidence',
      'body',
      'edition',
      'submitted_at',
    ],
    (function* () {
      for (let r = 0; r < scale.reviews; r++) {
        const practice = published[r % published.length]!;
        const round = Math.floor(r / published.length);
        const reviewer = reviewers(practice.owner, round);
        if (reviewer === practice.owner) continue;
        const submitted = rand.next() < 0.95;
        const score = () => Math.min(5, Math.max(1, Math.round(3.6 + (rand.next() - 0.5) * 3)));
        yield [
          rand.uuid(),
          organisations[reviewer]!.id,
          practice.id,
          organisations[practice.owner]!.id,
          practice.group,
          practice.revision,
          1,
          'bench',
          'Рецензент',
          submitted ? 'SUBMITTED' : 'DRAFT',
          score(),
          score(),
          score(),
          score(),
          score(),
          rand.int(1, 5),
          'Рецензия по существу',
          submitted ? 1 : 0,
          submitted ? rand.daysBefore(720) : null,
        ];
      }
    })(),
  );

  await copyRows(
    client,
    'comment',
    [
      'id',
      'organisation_id',
      'practice_id',
      'practice_organisation_id',
      'depth',
      'author_subject',
      'author_name',
      'body',
      'created_at',
    ],
    (function* () {
      for (let c = 0; c < scale.comments; c++) {
        const on = published[c % published.length]!;
        yield [
          rand.uuid(),
          organisations[rand.int(0, O - 1)]!.id,
          on.id,
          organisations[on.owner]!.id,
          0,
          'bench',
          'Участник обсуждения',
          `Комментарий ${c + 1}`,
          rand.daysBefore(700),
        ];
      }
    })(),
  );

  await copyRows(
    client,
    'disclosure',
    [
      'id',
      'organisation_id',
      'standard_id',
      'criterion_key',
      'status',
      'evidence_url',
      'evidence_number',
      'as_of',
      'submitted_by',
    ],
    (function* () {
      for (const o of organisations) {
        for (const c of criteria) {
          if (!c.appliesTo.includes(o.kind)) continue;
          const roll = rand.next();
          if (roll > 0.7) continue;
          const numeric = ['NUMBER', 'COUNT', 'SHARE'].includes(c.evidence);
          const value = c.evidence === 'SHARE' ? rand.int(40, 100) / 100 : rand.int(1, 500);
          yield [
            rand.uuid(),
            o.id,
            c.standardId,
            c.key,
            roll < 0.55 ? 'VERIFIED' : 'CLAIMED',
            numeric ? null : `https://bench.example.org/${c.key}`,
            numeric ? value : null,
            rand.daysBefore(300).toISOString().slice(0, 10),
            'bench',
          ];
        }
      }
    })(),
  );
  await client.query('set session_replication_role = origin');
  await client.query('analyze');
  return { organisations, groups, published } satisfies Dataset;
}
