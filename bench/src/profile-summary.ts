/**
 * Summarises a V8 CPU profile (`BENCH_CPU_PROF=<dir> pnpm bench api …` writes one per process) as
 * markdown: where the busy time went by package (self time) and the heaviest frames including their
 * callees. Usage: pnpm --filter @otklik/bench run profile <absolute path of file.cpuprofile> [frames]
 */
import { readFileSync } from 'node:fs';
import { fmt, table } from './report.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, limitArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary <file.cpuprofile> [frames]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const limit = Number(limitArg ?? 25);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

/** Self time per node, in microseconds. */
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const IDLE = new Set(['(idle)', '(program)', '(root)']);
const packageOf = (url: string): string => {
  if (!url) return '(native / V8)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 'node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const src = /\/(server|bench)\/(src|dist)\//.exec(url);
  return src ? `otklik ${src[1]}` : url;
};
const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;

let busy = 0;
const byPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of self) {
  const node = nodes.get(id)!;
  if (IDLE.has(node.callFrame.functionName)) continue;
  busy += time;
  const name =
    node.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(node.callFrame.url);
  byPackage.set(name, (byPackage.get(name) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = nodes.get(at)!;
    if (IDLE.has(frame.callFrame.functionName) || !frame.callFrame.url) continue;
    const key = frameName(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}

const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, time]) => [name, fmt(time / 1000, 0), `${fmt((time / busy) * 100)}%`]);

process.stdout.write(`Busy time: ${fmt(busy / 1e6, 1)} s (idle excluded).

${table(['Package (self time)', 'ms', 'share of busy'], top(byPackage, 15))}

${table(['Frame (including callees)', 'ms', 'share of busy'], top(inclusive, limit))}
`);
