import type pg from 'pg';
import { z } from 'zod';
import { slug } from './catalogue.seed.js';
import { setVars } from './seed-client.js';
import { readSeedFile } from './seed-file.js';
import { loadDevUsers } from './users.seed.js';
import { standardSchema } from '../modules/openness/standard.definition.js';

const date = z.coerce.date().transform((d) => d.toISOString().slice(0, 10));

const disclosuresFile = z.object({
  asOf: date,
  verifier: z.string(),
  organisations: z.array(
    z.object({
      organisation: slug,
      standard: slug,
      verified: z.array(z.string()).default([]),
      claimed: z.array(z.string()).default([]),
      numbers: z.record(z.string(), z.number()).default({}),
      asOf: z.record(z.string(), date).default({}),
    }),
  ),
});

const STAND_TEXT = 'Размещено на информационном стенде в холле первого этажа';

/** Demo disclosures against the seeded standards, verified by the demo moderator unless only claimed. */
export async function seedDemoDisclosures(client: pg.Client, seedsDir: string): Promise<number> {
  const file = await readSeedFile(seedsDir, 'disclosures.yaml', disclosuresFile);
  const { users } = await loadDevUsers(seedsDir);
  const verifier = users.find((u) => u.username === file.verifier);
  if (!verifier) throw new Error(`disclosures.yaml: unknown verifier ${file.verifier}`);
  let count = 0;
  for (const entry of file.organisations) {
    const { rows: orgs } = await client.query<{ id: string; website: string | null }>(
      'select id, website from organisation where slug = $1',
      [entry.organisation],
    );
    const { rows: standards } = await client.query<{ id: string; definition: unknown }>(
      'select id, definition from openness_standard where key = $1 order by version desc limit 1',
      [entry.standard],
    );
    const organisation = orgs[0];
    const standardRow = standards[0];
    if (!organisation || !standardRow)
      throw new Error(`disclosures.yaml: unknown organisation ${entry.organisation} or standard ${entry.standard}`);
    const standard = standardSchema.parse(standardRow.definition);
    const criteria = new Map(standard.sections.flatMap((s) => s.criteria.map((c) => [c.key, c] as const)));
    await setVars(client, { 'app.organisation_id': organisation.id });
    for (const [status, keys] of [
      ['VERIFIED', entry.verified],
      ['CLAIMED', entry.claimed],
    ] as const) {
      for (const key of keys) {
        const criterion = criteria.get(key);
        if (!criterion)
          throw new Error(`disclosures.yaml: ${entry.organisation}: unknown criterion ${key} of ${entry.standard}`);
        const site = organisation.website ?? 'https://example.org';
        const numeric = ['NUMBER', 'COUNT', 'SHARE'].includes(criterion.evidence);
        await client.query(
          `insert into disclosure (organisation_id, standard_id, criterion_key, status, evidence_url, evidence_text, evidence_number,
                                   as_of, submitted_by, decided_by, decided_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'seed', $9, $10)`,
          [
            organisation.id,
            standardRow.id,
            key,
            status,
            criterion.evidence === 'URL' || criterion.evidence === 'DOCUMENT' ? `${site}/openness/${key}` : null,
            criterion.evidence === 'TEXT' ? STAND_TEXT : null,
            numeric ? (entry.numbers[key] ?? 1) : null,
            entry.asOf[key] ?? file.asOf,
            status === 'VERIFIED' ? verifier.id : null,
            status === 'VERIFIED' ? new Date() : null,
          ],
        );
        count += 1;
      }
    }
  }
  return count;
}
