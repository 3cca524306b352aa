import { Migration } from '@mikro-orm/migrations';

/** Which seed data sets have been loaded, so each demo set loads once even when later ones are added. */
export class Migration20261129030000SeedRuns extends Migration {
  override name = 'Migration20261129030000SeedRuns';

  override up(): void {
    this.addSql(`
create table seed_run (
  name text primary key,
  applied_at timestamptz not null default now()
);
insert into seed_run (name) select 'demo-organisations' where exists (select 1 from organisation);
`);
  }
}
