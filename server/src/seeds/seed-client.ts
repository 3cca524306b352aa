import type pg from 'pg';

/** Sets row-level-security variables for the rest of the seed transaction (the owner may be subject to FORCE RLS). */
export async function setVars(client: pg.Client, vars: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(vars)) {
    await client.query('select set_config($1, $2, true)', [name, value]);
  }
}

/** Ids by slug (or key) from a table, for resolving references in seed files. */
export async function idsBy(
  client: pg.Client,
  table: 'organisation' | 'thematic_group' | 'feedback_method',
  column: 'slug' | 'key',
) {
  const { rows } = await client.query<{ id: string; ref: string }>(`select id, ${column} as ref from ${table}`);
  return new Map(rows.map((r) => [r.ref, r.id]));
}
