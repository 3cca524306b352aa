import { Migration } from '@mikro-orm/migrations';

/**
 * An index for the default practice list, newest first: ordered by the timestamp its cursor encodes, a page
 * reads the first rows of the index instead of sorting every published practice.
 */
export class Migration20261129190000PracticeNewestIndex extends Migration {
  override name = 'Migration20261129190000PracticeNewestIndex';

  override up(): void {
    this.addSql(`
create index practice_newest_idx on practice (status, (coalesce(published_at, updated_at)) desc, id desc);
`);
  }
}
