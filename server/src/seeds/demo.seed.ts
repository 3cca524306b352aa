import pg from 'pg';
import type { Logger } from '../logger.js';
import { seedCatalogue } from './catalogue.seed.js';
import { seedDemoDisclosures } from './demo-disclosures.seed.js';
import { seedDemoOrganisations } from './demo-organisations.seed.js';
import { seedDemoPractices } from './demo-practices.seed.js';
import { setVars } from './seed-client.js';

/** Demo data sets in order; each loads once (recorded in seed_run), so later sets reach existing installations. */
const DEMO_SETS: Array<{ name: string; load: (client: pg.Client, seedsDir: string) => Promise<number> }> = [
  { name: 'demo-organisations', load: seedDemoOrganisations },
  { name: 'demo-practices', load: seedDemoPractices },
  { name: 'demo-disclosures', load: seedDemoDisclosures },
];

/** Loads the catalogue (always) and, when `demo`, the demo data sets not loaded yet; one transaction. */
export async function seedDatabase(
  ownerUrl: string,
  seedsDir: string,
  opts: { demo: boolean; logger: Logger },
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    await setVars(client, { 'app.subject': 'seed', 'app.platform_roles': 'PLATFORM_ADMIN' });
    await seedCatalogue(client, seedsDir);
    if (opts.demo) {
      for (const set of DEMO_SETS) {
        const { rowCount } = await client.query('insert into seed_run (name) values ($1) on conflict do nothing', [
          set.name,
        ]);
        if (!rowCount) continue;
        const count = await set.load(client, seedsDir);
        opts.logger.info({ set: set.name, count }, 'demo data loaded');
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
