import 'reflect-metadata';
import autocannon from 'autocannon';
import pg from 'pg';
import { createOrm } from '../../server/src/db/orm.js';
import { toGlobalId } from '../../server/src/common/graphql/global-id.js';
import { recomputeAllRatings } from '../../server/src/modules/rating/rating.refresh.js';
import { benchDatabase } from './database.js';
import { GENERATED_AT, type Scale } from './generate.js';
import { startIssuer, startOtklik, startPostGraphile, type Service } from './processes.js';
import { fmt, median, table, writeReport } from './report.js';

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Load settings: the same for every target. Override with BENCH_CONNECTIONS / BENCH_SECONDS / BENCH_ROUNDS. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_SECONDS = 2;

interface Fixture {
  groupId: string;
  groupSlug: string;
  practiceId: string;
  /** The practice's organisation (with the id, the practice's key). */
  practiceOrganisationId: string;
  organisationId: string;
  organisationSlug: string;
  subject: string;
}

interface Operation {
  key: string;
  title: string;
  otklik: { query: string; variables: (f: Fixture) => Record<string, unknown> };
  peer: { query: string; variables: (f: Fixture) => Record<string, unknown> };
  raw: { sql: string; params: (f: Fixture) => unknown[] };
}

/** The four operations, each as Otklik's query, PostGraphile's query for the same data, and one SQL statement. */
const OPERATIONS: Operation[] = [
  {
    key: 'leaderboard',
    title: 'Group leaderboard, 50 organisations with rating components',
    otklik: {
      query: `query Leaderboard($group: ID!) { ratings(groupId: $group, first: 50) { edges { node {
        rank composite enoughData organisation { id name region }
        openness { score points sample } practiceQuality { score points sample }
        engagementDepth { score points sample } contribution { score points sample } } } } }`,
      variables: (f) => ({ group: toGlobalId('ThematicGroup', f.groupId) }),
    },
    peer: {
      query: `query Leaderboard($slug: String!, $group: UUID!) { thematicGroupBySlug(slug: $slug) {
        groupMembershipsByGroupId(first: 50, condition: { status: "ACTIVE" }) { nodes { organisationByOrganisationId {
          rowId name region
          ratingInputRecordByOrganisationId { opennessScore reviewsGiven12M practicesPublished12M }
          ratingQualitiesByOrganisationId(condition: { scopeId: $group }) { nodes {
            reviewTotal reviewCount practiceCount levelSum closedLoops } } } } } } }`,
      variables: (f) => ({ slug: f.groupSlug, group: f.groupId }),
    },
    raw: {
      sql: `select o.id, o.name, o.region, ri.openness_score, ri.reviews_given_12m, ri.practices_published_12m,
                   rq.review_total, rq.review_count, rq.practice_count, rq.level_sum, rq.closed_loops
              from group_membership gm join organisation o on o.id = gm.organisation_id
              left join rating_input ri on ri.organisation_id = o.id
              left join rating_quality rq on rq.organisation_id = o.id and rq.scope_id = gm.group_id
             where gm.group_id = $1 and gm.status = 'ACTIVE'`,
      params: (f) => [f.groupId],
    },
  },
  {
    key: 'practices',
    title: 'A page of 50 practices with organisation, methods, review count and mean score',
    otklik: {
      query: `query Practices { practices(first: 50) { edges { node {
        id title summary publishedAt participationLevel loopClosed organisation { id name }
        methods { key title } reviewSummary { count overall { mean } } } } } }`,
      variables: () => ({}),
    },
    peer: {
      query: `query Practices { allPractices(first: 50, condition: { status: "PUBLISHED" }, orderBy: PUBLISHED_AT_DESC) {
        nodes { rowId title summary publishedAt participationLevel loopClosed organisationByOrganisationId { rowId name }
          practiceMethodsByOrganisationIdAndPracticeId { nodes { feedbackMethodByMethodId { key titleRu titleEn } } }
          reviewCount reviewScore } } }`,
      variables: () => ({}),
    },
    raw: {
      sql: `select p.id, p.title, p.summary, p.published_at, p.participation_level, p.loop_closed, o.name,
                   p.review_count, p.review_score,
                   (select coalesce(json_agg(json_build_object('key', m.key, 'title', m.title_ru) order by pm.position), '[]')
                      from practice_method pm join feedback_method m on m.id = pm.method_id where pm.practice_id = p.id) as methods
              from practice p join organisation o on o.id = p.organisation_id
             where p.status = 'PUBLISHED' order by p.published_at desc, p.id desc limit 50`,
      params: () => [],
    },
  },
  {
    key: 'practice',
    title: 'One practice with its reviews and the first 20 comments',
    otklik: {
      query: `query Practice($id: ID!) { practice(id: $id) { id title summary organisation { name }
        reviews { id reviewerName submittedAt body organisation { name }
          scores { relevance depth loopClosure evidence replicability } }
        comments(first: 20) { edges { node { id authorName body createdAt } } } } }`,
      variables: (f) => ({ id: toGlobalId('Practice', f.practiceId) }),
    },
    peer: {
      query: `query Practice($id: UUID!, $org: UUID!) { practiceByRowIdAndOrganisationId(rowId: $id, organisationId: $org) { rowId title summary organisationByOrganisationId { name }
        reviewsByPracticeOrganisationIdAndPracticeId(condition: { status: "SUBMITTED" }) { nodes { rowId reviewerName submittedAt body
          organisationByOrganisationId { name } relevance depth loopClosure evidence replicability } }
        commentsByPracticeOrganisationIdAndPracticeId(first: 20, orderBy: CREATED_AT_ASC) { nodes { rowId authorName body createdAt } } } }`,
      variables: (f) => ({ id: f.practiceId, org: f.practiceOrganisationId }),
    },
    raw: {
      sql: `select p.id, p.title, p.summary, o.name,
                   (select coalesce(json_agg(json_build_object('id', r.id, 'reviewer', r.reviewer_name, 'at', r.submitted_at,
                             'body', r.body, 'organisation', ro.name, 'relevance', r.relevance, 'depth', r.depth,
                             'loop', r.loop_closure, 'evidence', r.evidence, 'replicability', r.replicability)), '[]')
                      from review r join organisation ro on ro.id = r.organisation_id
                     where r.practice_id = p.id and r.status = 'SUBMITTED') as reviews,
                   (select coalesce(json_agg(c), '[]') from (
                      select c.id, c.author_name, c.body, c.created_at from comment c
                       where c.practice_id = p.id and c.review_id is null and c.parent_id is null
                       order by c.created_at, c.id limit 20) c) as comments
              from practice p join organisation o on o.id = p.organisation_id where p.id = $1`,
      params: (f) => [f.practiceId],
    },
  },
  {
    key: 'compliance',
    title: "An organisation's openness compliance with sections",
    otklik: {
      query: `query Compliance($slug: String!) { organisation(slug: $slug) { id name compliance {
        score computedAt level { key } sections { key title score met applicable } } } }`,
      variables: (f) => ({ slug: f.organisationSlug }),
    },
    peer: {
      query: `query Compliance($slug: String!) { organisationBySlug(slug: $slug) { rowId name kind
        disclosuresByOrganisationId { nodes { standardId criterionKey status asOf evidenceNumber evidenceUrl } } }
        allOpennessStandards { nodes { rowId key version appliesTo definition } } }`,
      variables: (f) => ({ slug: f.organisationSlug }),
    },
    raw: {
      sql: `select o.id, o.name, o.kind,
                   (select coalesce(json_agg(json_build_object('standard', d.standard_id, 'key', d.criterion_key,
                             'status', d.status, 'asOf', d.as_of, 'number', d.evidence_number, 'url', d.evidence_url)), '[]')
                      from disclosure d where d.organisation_id = o.id) as disclosures,
                   (select json_agg(json_build_object('id', s.id, 'key', s.key, 'version', s.version,
                             'appliesTo', s.applies_to, 'definition', s.definition))
                      from openness_standard s where o.kind = any (s.applies_to)) as standards
              from organisation o where o.slug = $1`,
      params: (f) => [f.organisationSlug],
    },
  },
];

interface Measure {
  rps: number;
  /** CPU milliseconds the serving process spent per request (none for raw SQL). */
  cpuMs?: number;
  p50: number;
  p99: number;
  errors: number;
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Checks an operation answers with data and no errors before it is timed. */
async function check(target: string, url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const result = await graphql(url, query, variables, token);
  if (result.errors || !result.data) throw new Error(`${target}: ${JSON.stringify(result).slice(0, 800)}`);
  return JSON.stringify(result.data).length;
}

function cannon(url: string, body: string, token: string | undefined, seconds: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        headers: {
          'content-type': 'application/json',
          'accept-language': 'ru',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
  });
}

function safeRss(service: Service): number {
  try {
    return service.memory().rss;
  } catch {
    return 0;
  }
}

async function withCpu(service: Service, run: () => Promise<Measure>): Promise<Measure> {
  const before = service.cpuSeconds();
  const measure = await run();
  return { ...measure, cpuMs: ((service.cpuSeconds() - before) * 1000) / (measure.rps * SECONDS) };
}

/** The same number of concurrent callers, each running the statement back to back on its own connection. */
async function rawLoad(pool: pg.Pool, sql: string, params: unknown[], seconds: number): Promise<Measure> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const started = performance.now();
          await client.query(sql, params);
          latencies.push(performance.now() - started);
        }
      } finally {
        client.release();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors: 0 };
}

/** SQL statements one request causes, from pg_stat_statements (BEGIN/COMMIT and set_config included). */
async function statementsPerRequest(owner: pg.Client, run: () => Promise<unknown>): Promise<number | undefined> {
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    try {
      await owner.query('select pg_stat_statements_reset()');
    } catch {
      return undefined;
    }
    await run();
    const [row] = (
      await owner.query<{ calls: string }>(
        `select coalesce(sum(calls), 0) as calls from pg_stat_statements
          where dbid = (select oid from pg_database where datname = current_database())
            and userid <> (select oid from pg_roles where rolname = current_user)`,
      )
    ).rows;
    counts.push(Number(row!.calls));
  }
  return Math.min(...counts);
}

type Target = 'otklik' | 'otklikNoRls' | 'peer' | 'otklikAnon' | 'otklikAnonUncached' | 'peerAnon' | 'raw';

/**
 * Otklik's API (production mode, its own process) against PostGraphile v5 (its own process) and one
 * hand-written statement through pg, on the same database, for four read operations: authenticated
 * and anonymous, runs alternating, after a warm-up.
 */
export async function benchApi(scale: Scale): Promise<void> {
  const db = await benchDatabase(scale, { statementStatistics: true });
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const services: Service[] = [];
  const issuer = await startIssuer('otklik', 'otklik-api');
  const rawPool = new pg.Pool({ connectionString: db.appUrl, max: CONNECTIONS });
  try {
    const [version] = (await owner.query<{ v: string }>('select version() as v')).rows;
    const statistics = await owner
      .query('create extension if not exists pg_stat_statements')
      .then(() => true)
      .catch(() => false);
    if (!statistics) say('pg_stat_statements is not loaded: statements per operation are not counted');

    say('computing rating inputs once (full recompute with recount)');
    const orm = await createOrm({ url: db.appUrl });
    await recomputeAllRatings(orm.em.fork(), GENERATED_AT, { recount: true });
    await orm.close(true);

    // The busiest organisation acts: most practices; a member (ADMIN) with a subject of its own.
    const [org] = (
      await owner.query<{ id: string; slug: string }>(
        `select o.id, o.slug from organisation o join practice p on p.organisation_id = o.id
          group by o.id order by count(*) desc, o.id limit 1`,
      )
    ).rows;
    const subject = 'bench-member';
    await owner.query(
      `insert into member (organisation_id, subject, display_name, role) values ($1, $2, 'Участник бенчмарка', 'ADMIN')
       on conflict (organisation_id, subject) do nothing`,
      [org!.id, subject],
    );
    const [group] = (
      await owner.query<{ id: string; slug: string }>(
        `select id, slug from thematic_group where slug = 'bench-group-1'`,
      )
    ).rows;
    const [practice] = (
      await owner.query<{ id: string; organisation_id: string }>(
        `select p.id, p.organisation_id from practice p where p.status = 'PUBLISHED' order by p.review_count desc, p.id limit 1`,
      )
    ).rows;
    const fixture: Fixture = {
      groupId: group!.id,
      groupSlug: group!.slug,
      practiceId: practice!.id,
      practiceOrganisationId: practice!.organisation_id,
      organisationId: org!.id,
      organisationSlug: org!.slug,
      subject,
    };
    const token = issuer.token(subject, 'Участник бенчмарка');

    // A role like the application's but with BYPASSRLS: the same server with row-level security off.
    await owner.query(`do $$ begin
        if not exists (select from pg_roles where rolname = 'otklik_bench_norls') then
          create role otklik_bench_norls login bypassrls password 'otklik-bench-norls'; end if; end $$`);
    await owner.query(`grant otklik_bench_app to otklik_bench_norls`);
    const noRls = new URL(db.appUrl);
    noRls.username = 'otklik_bench_norls';
    noRls.password = 'otklik-bench-norls';

    const common = { DATABASE_URL: db.ownerUrl, KEYCLOAK_URL: issuer.url, APP_DATABASE_URL: db.appUrl };
    say('starting Otklik (row-level security on), Otklik (off), Otklik (no response cache) and PostGraphile');
    const otklik = await startOtklik('Otklik', common);
    services.push(otklik);
    const otklikNoRls = await startOtklik('Otklik without RLS', { ...common, APP_DATABASE_URL: noRls.toString() });
    services.push(otklikNoRls);
    const otklikUncached = await startOtklik('Otklik without response cache', {
      ...common,
      RESPONSE_CACHE_ENTRIES: '0',
    });
    services.push(otklikUncached);
    const peer = await startPostGraphile({
      DATABASE_URL: db.appUrl,
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      SUBJECT_ORGANISATIONS: JSON.stringify({ [subject]: org!.id }),
    });
    services.push(peer);

    const results = new Map<string, Record<Target, Measure[]>>();
    const statements = new Map<string, Partial<Record<Target, number>>>();
    const sizes = new Map<string, Partial<Record<Target, number>>>();
    let peakRss = 0;
    const sampler = setInterval(() => {
      // A crashed process is reported by the run that follows (assertAlive), not from this timer.
      if (otklik.pid) peakRss = Math.max(peakRss, safeRss(otklik));
    }, 200);

    // BENCH_OPERATIONS=practices,leaderboard: only these operations (profiling one at a time).
    const only = process.env.BENCH_OPERATIONS?.split(',');
    const operations = OPERATIONS.filter((op) => !only || only.includes(op.key));
    for (const op of operations) {
      const ov = op.otklik.variables(fixture);
      const pv = op.peer.variables(fixture);
      const otklikBody = JSON.stringify({ query: op.otklik.query, variables: ov });
      const peerBody = JSON.stringify({ query: op.peer.query, variables: pv });
      const params = op.raw.params(fixture);
      sizes.set(op.key, {
        otklik: await check('Otklik', otklik.url, op.otklik.query, ov, token),
        otklikAnon: await check('Otklik anonymous', otklik.url, op.otklik.query, ov),
        otklikNoRls: await check('Otklik without RLS', otklikNoRls.url, op.otklik.query, ov, token),
        peer: await check('PostGraphile', peer.url, op.peer.query, pv, token),
        peerAnon: await check('PostGraphile anonymous', peer.url, op.peer.query, pv),
      });
      if (statistics) {
        statements.set(op.key, {
          otklik: await statementsPerRequest(owner, () => graphql(otklik.url, op.otklik.query, ov, token)),
          otklikAnon: await statementsPerRequest(owner, () => graphql(otklik.url, op.otklik.query, ov)),
          otklikAnonUncached: await statementsPerRequest(owner, () => graphql(otklikUncached.url, op.otklik.query, ov)),
          peer: await statementsPerRequest(owner, () => graphql(peer.url, op.peer.query, pv, token)),
          peerAnon: await statementsPerRequest(owner, () => graphql(peer.url, op.peer.query, pv)),
          raw: await statementsPerRequest(owner, () => rawPool.query(op.raw.sql, params)),
        });
      }
      const runs: Record<Target, () => Promise<Measure>> = {
        otklik: () => withCpu(otklik, () => cannon(otklik.url, otklikBody, token, SECONDS)),
        peer: () => withCpu(peer, () => cannon(peer.url, peerBody, token, SECONDS)),
        otklikNoRls: () => withCpu(otklikNoRls, () => cannon(otklikNoRls.url, otklikBody, token, SECONDS)),
        otklikAnon: () => withCpu(otklik, () => cannon(otklik.url, otklikBody, undefined, SECONDS)),
        otklikAnonUncached: () =>
          withCpu(otklikUncached, () => cannon(otklikUncached.url, otklikBody, undefined, SECONDS)),
        peerAnon: () => withCpu(peer, () => cannon(peer.url, peerBody, undefined, SECONDS)),
        raw: () => rawLoad(rawPool, op.raw.sql, params, SECONDS),
      };
      say(`${op.key}: warming up`);
      await Promise.all([
        cannon(otklik.url, otklikBody, token, WARMUP_SECONDS),
        cannon(otklikNoRls.url, otklikBody, token, WARMUP_SECONDS),
        cannon(peer.url, peerBody, token, WARMUP_SECONDS),
      ]);
      await cannon(otklik.url, otklikBody, undefined, WARMUP_SECONDS);
      await cannon(otklikUncached.url, otklikBody, undefined, WARMUP_SECONDS);
      await cannon(peer.url, peerBody, undefined, WARMUP_SECONDS);
      const measured = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as Measure[]])) as Record<
        Target,
        Measure[]
      >;
      // BENCH_TARGETS=otklik,peer: only these targets (a CPU profile of signed-in requests alone).
      const targets = process.env.BENCH_TARGETS?.split(',');
      const order = (Object.keys(runs) as Target[]).filter((t) => !targets || targets.includes(t));
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order each round so no target always runs on a warmer or cooler machine.
        for (const target of round % 2 ? [...order].reverse() : order) {
          const m = await runs[target]();
          measured[target].push(m);
          say(
            `${op.key} round ${round + 1}: ${target} ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50)} ms, p99 ${fmt(m.p99)} ms` +
              (m.cpuMs === undefined ? '' : `, ${fmt(m.cpuMs)} CPU ms/request`),
          );
        }
      }
      results.set(op.key, measured);
    }
    clearInterval(sampler);
    const peak = Math.max(peakRss, otklik.memory().peak);

    const summary = (ms: Measure[]): Measure => ({
      rps: median(ms.map((m) => m.rps)),
      p50: median(ms.map((m) => m.p50)),
      p99: median(ms.map((m) => m.p99)),
      cpuMs: ms[0]?.cpuMs === undefined ? undefined : median(ms.map((m) => m.cpuMs!)),
      errors: ms.reduce((sum, m) => sum + m.errors, 0),
    });
    const rows: Array<Array<string | number>> = [];
    const goals: Array<Array<string | number>> = [];
    let failed = false;
    for (const op of operations) {
      const r = results.get(op.key)!;
      const s = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, summary(v)])) as Record<Target, Measure>;
      const st = statements.get(op.key) ?? {};
      const label: Record<Target, string> = {
        otklik: 'Otklik, signed in',
        otklikNoRls: 'Otklik, signed in, RLS off',
        peer: 'PostGraphile, signed in',
        otklikAnon: 'Otklik, anonymous (response cache)',
        otklikAnonUncached: 'Otklik, anonymous, response cache off',
        peerAnon: 'PostGraphile, anonymous',
        raw: 'Raw SQL (one statement)',
      };
      for (const target of Object.keys(label) as Target[]) {
        rows.push([
          op.key,
          label[target],
          fmt(s[target].rps, 0),
          fmt(s[target].p50, 1),
          fmt(s[target].p99, 1),
          s[target].cpuMs === undefined ? '' : fmt(s[target].cpuMs!, 1),
          st[target] ?? '',
          s[target].errors,
        ]);
      }
      const vsPeer = s.otklik.rps / s.peer.rps;
      const anonVsPeer = s.otklikAnon.rps / s.peerAnon.rps;
      const p99Bound = 2 * s.raw.p99 + 5;
      const rlsLoss = 1 - s.otklik.rps / s.otklikNoRls.rps;
      const ok = (pass: boolean) => {
        if (!pass) failed = true;
        return pass ? 'met' : '**not met**';
      };
      goals.push(
        [op.key, 'signed in: Otklik / PostGraphile req/s ≥ 1.0', fmt(vsPeer, 2), ok(vsPeer >= 1)],
        [
          op.key,
          `signed in: p99 ≤ 2 × raw p99 + 5 ms (${fmt(p99Bound)} ms)`,
          fmt(s.otklik.p99),
          ok(s.otklik.p99 <= p99Bound),
        ],
        [op.key, 'anonymous: Otklik / PostGraphile req/s ≥ 2.0', fmt(anonVsPeer, 2), ok(anonVsPeer >= 2)],
        [op.key, 'RLS on vs off: ≤ 10% fewer req/s', `${fmt(rlsLoss * 100)}%`, ok(rlsLoss <= 0.1)],
        [op.key, 'Otklik / raw SQL req/s (signed in)', fmt(s.otklik.rps / s.raw.rps, 2), ''],
      );
      if (Object.values(s).some((m) => m.errors)) failed = true;
    }
    goals.push([
      'all',
      'peak RSS of the API under load ≤ 300 MB',
      `${fmt(peak, 0)} MiB`,
      peak <= 300 ? 'met' : '**not met**',
    ]);
    if (peak > 300) failed = true;

    const counts = (
      await owner.query<Record<string, string>>(
        `select (select count(*) from organisation) as organisations, (select count(*) from practice) as practices,
                (select count(*) from review) as reviews, (select count(*) from comment) as comments`,
      )
    ).rows[0]!;
    const body = `Dataset (${scale.name}): ${counts.organisations} organisations, ${counts.practices} practices,
${counts.reviews} reviews, ${counts.comments} comments. Load: autocannon on loopback, ${CONNECTIONS} connections,
${SECONDS} s per run, ${ROUNDS} rounds alternating the order of targets, after a ${WARMUP_SECONDS} s warm-up; figures are
medians of the rounds. Otklik runs in production mode (its own process, tokens checked against a Keycloak-shaped
issuer); PostGraphile 5.1 (amber preset) runs as its own process as the same database role, under the same
row-level security, with the same session variables from the same token. Raw SQL is one hand-written statement
per operation through pg with the same number of connections. Statements are counted by pg_stat_statements for
one request (BEGIN, COMMIT and set_config included).

PostGraphile answers with stored rows only: the leaderboard's ranks and composite scores and the compliance
sections and scores are left to its client, which Otklik computes.

${table(['Operation', 'Target', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/request', 'SQL statements', 'errors'], rows)}

## Goals

${table(['Operation', 'Goal', 'Measured', ''], goals)}
`;
    // A run restricted to some operations or targets (profiling) does not replace the full report.
    const partial = Boolean(process.env.BENCH_OPERATIONS || process.env.BENCH_TARGETS);
    await writeReport(
      `api-${scale.name}${partial ? '-partial' : ''}`,
      `API benchmark (${scale.name})`,
      body,
      version!.v.split(',')[0]!,
    );
    if (failed) process.exitCode = 1;
  } finally {
    for (const service of services) await service.stop();
    await rawPool.end();
    await issuer.stop();
    await owner.end();
    await db.stop();
  }
}
