import type { EntityManager } from '@mikro-orm/postgresql';
import { InvariantError } from '../../common/errors/domain-error.js';
import { compliancesOf } from './rating.improve.js';

/** How many queued events one transaction takes from the outbox. */
const BATCH = 500;

export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Organisations whose compliance is computed at once: bounds the memory of a full recompute. */
const SCORE_CHUNK = 1_000;

/**
 * Openness scores (compliance with the standard for each organisation's kind, from VERIFIED disclosures only)
 * as of `now`; null where no standard applies. Three statements per thousand organisations.
 */
export async function opennessScores(
  em: EntityManager,
  organisationIds: readonly string[],
  now: Date,
): Promise<Map<string, number | null>> {
  const scores = new Map<string, number | null>();
  for (let start = 0; start < organisationIds.length; start += SCORE_CHUNK) {
    await scoreChunk(em, organisationIds.slice(start, start + SCORE_CHUNK), now, scores);
  }
  return scores;
}

async function scoreChunk(
  em: EntityManager,
  organisationIds: readonly string[],
  now: Date,
  scores: Map<string, number | null>,
): Promise<void> {
  const compliances = await compliancesOf(em, organisationIds, now);
  for (const id of organisationIds) {
    const score = compliances.get(id)?.result.score ?? null;
    if (score !== null && !Number.isFinite(score))
      throw new InvariantError(`openness score of ${id} is not a number: ${score}`);
    scores.set(id, score);
  }
}

/** Inside a transaction holding the organisations' locks: stores their rating inputs recomputed from committed data. */
async function refreshLocked(
  em: EntityManager,
  organisationIds: string[],
  now: Date,
  outboxIds: string[],
  beforeWrite?: () => Promise<void>,
) {
  const scores = await opennessScores(em, organisationIds, now);
  await beforeWrite?.();
  await em.execute('select rating_refresh(?::uuid[], ?::numeric[], ?, ?::bigint[])', [
    uuidArray(organisationIds),
    `{${organisationIds.map((id) => scores.get(id) ?? 'NULL').join(',')}}`,
    now,
    `{${outboxIds.join(',')}}`,
  ]);
}

/**
 * Inside a request's read transaction, its connection (a batch becomes a savepoint, committed with the
 * read): another connection per request could exhaust the pool while every request waits for a second
 * one. Elsewhere (workers, the command line) a fork, so each batch commits on its own.
 */
const ownConnection = (em: EntityManager) => (em.isInTransaction() ? em : em.fork());

/**
 * Works through the rating outbox: each batch in its own transaction takes the queued events
 * (skipping those another worker holds), locks their organisations, recomputes them and removes the events.
 * A constant number of statements per batch, whatever the amount of data behind the organisations.
 * Returns how many events it processed. `beforeWrite` runs between reading and writing (tests interleave there).
 */
export async function drainRatingOutbox(
  em: EntityManager,
  now: Date,
  beforeWrite?: () => Promise<void>,
  lockTimeout?: string,
): Promise<number> {
  let processed = 0;
  for (;;) {
    const taken = await ownConnection(em).transactional(async (tx) => {
      if (lockTimeout) await tx.execute(`select set_config('lock_timeout', ?, true)`, [lockTimeout]);
      const events = await tx.execute<Array<{ id: string; organisation_id: string }>>(
        'select id, organisation_id from rating_outbox_claim(?)',
        [BATCH],
      );
      if (!events.length) return 0;
      const organisations = [...new Set(events.map((e) => e.organisation_id))].sort();
      await tx.execute('select rating_lock(?::uuid[])', [uuidArray(organisations)]);
      await refreshLocked(
        tx,
        organisations,
        now,
        events.map((e) => e.id),
        beforeWrite,
      );
      return events.length;
    });
    processed += taken;
    if (taken < BATCH) return processed;
  }
}

/**
 * Before a rating read: waits for events other workers hold (their transactions commit or roll back) and
 * drains what is still queued, until nothing is left, so the read sees every committed change.
 */
export async function drainForRead(em: EntityManager, now: Date): Promise<void> {
  try {
    // One statement when nothing is queued (the usual case on a read). Otherwise drain, and wait again
    // for events another worker claimed meanwhile (a drain skips those), draining what they leave.
    for (let round = 0; round < 3; round += 1) {
      // In its own (sub)transaction: a lock timeout here must not abort the read's transaction.
      const [pending] = await ownConnection(em).transactional((tx) =>
        tx.execute<Array<{ left: boolean }>>('select rating_outbox_wait() as left'),
      );
      if (!pending?.left) return;
      await drainRatingOutbox(em, now, undefined, '1s');
    }
  } catch {
    // A full recompute holding the locks for longer than a second, or a refresh failing (the worker logs
    // it and keeps the events): the read goes on with the stored inputs rather than failing.
  }
}

/**
 * Recomputes every organisation's rating inputs from the source tables, excluding per-organisation
 * refreshes meanwhile: for the time-dependent inputs (12-month window, expiring disclosures) and by hand.
 * Practices' review counts and totals are kept by a trigger in each review's transaction; `recount`
 * rebuilds them from the reviews first (drift repair: a pass over every review).
 */
export async function recomputeAllRatings(
  em: EntityManager,
  now: Date,
  { recount = false }: { recount?: boolean } = {},
): Promise<number> {
  return em.fork().transactional(async (tx) => {
    // A pass over every review: longer than the API's per-statement timeout allows at scale.
    await tx.execute(`set local statement_timeout = '15min'`);
    await tx.execute('select rating_lock_all()');
    if (recount) await tx.execute('select rating_recount_practices()');
    const rows = await tx.execute<Array<{ id: string }>>('select id from organisation order by id');
    const ids = rows.map((r) => r.id);
    const queued = await tx.execute<Array<{ id: string }>>('select id from rating_outbox_claim(?)', [1_000_000]);
    await refreshLocked(
      tx,
      ids,
      now,
      queued.map((q) => q.id),
    );
    return ids.length;
  });
}
