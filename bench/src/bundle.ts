import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, table, writeReport } from './report.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'web', 'dist');
const GOAL_KB = 250;

/**
 * The dashboard's initial JavaScript: what index.html loads before any route (its module script and
 * modulepreloads), gzip-compressed as a server would send it; route pages and charts load later.
 */
export async function benchBundle(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    process.stderr.write('bench: building the dashboard…\n');
    const build = spawnSync('pnpm', ['--filter', '@otklik/web', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the dashboard did not build');
  }
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const rows: Array<[string, number, number]> = [];
  for (const asset of initial) {
    const bytes = await readFile(path.join(DIST, asset.replace(/^\//, '')));
    rows.push([path.basename(asset), bytes.length / 1024, gzipSync(bytes, { level: 9 }).length / 1024]);
  }
  const lazy = (await readdir(path.join(DIST, 'assets'))).filter(
    (f) => f.endsWith('.js') && !rows.some(([name]) => name === f),
  );
  const totalGzip = rows.reduce((sum, [, , gz]) => sum + gz, 0);
  const body = `${table(
    ['Initial asset', 'Size (KB)', 'gzip (KB)'],
    [
      ...rows.map(([name, raw, gz]) => [name, fmt(raw), fmt(gz)]),
      ['**Total**', fmt(rows.reduce((s, [, raw]) => s + raw, 0)), `**${fmt(totalGzip)}**`],
    ],
  )}

**Initial JavaScript: ${fmt(totalGzip)} KB gzip** (goal ≤ ${GOAL_KB} KB); ${lazy.length} more chunks load with their pages
(route pages, the editor, the charts).`;
  await writeReport('bundle', 'Dashboard bundle', body, 'built by Vite');
  if (totalGzip > GOAL_KB) process.exitCode = 1;
}
