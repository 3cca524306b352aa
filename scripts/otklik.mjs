#!/usr/bin/env node
// The two README commands: `npm start` (install, build, start the demo) and `npm test`.
// Plain Node, no dependencies: it runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PNPM_VERSION = '12.4.2';
const say = (line) => process.stderr.write(`otklik: ${line}\n`);

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  say(`Node ${process.versions.node} is too old: Otklik runs on Node 24 LTS.`);
  say('Install it with: npm i -g --prefix /usr/local node@24   (then open a new shell)');
  process.exit(1);
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}
const pnpm = pnpmCommand();

function run(args, opts = {}) {
  const [cmd, ...rest] = [...pnpm, ...args];
  const result = spawnSync(cmd, rest, { cwd: root, stdio: 'inherit', ...opts });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const stale = (sources, output) =>
  !existsSync(output) || sources.some((s) => newestMtime(s) > statSync(output).mtimeMs);

function install() {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker) || statSync(path.join(root, 'pnpm-lock.yaml')).mtimeMs > statSync(marker).mtimeMs) {
    say('Installing dependencies (pnpm install)…');
    run(['install', '--frozen-lockfile']);
  }
}

function build() {
  if (stale([path.join(root, 'server/src')], path.join(root, 'server/dist/main.js'))) {
    say('Building the API…');
    run(['--filter', '@otklik/server', 'build']);
  }
  if (stale([path.join(root, 'web/src'), path.join(root, 'schema')], path.join(root, 'web/dist/index.html'))) {
    say('Building the dashboard…');
    run(['--filter', '@otklik/web', 'build']);
  }
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const command = process.argv[2];
switch (command) {
  case 'start': {
    install();
    build();
    say('Starting…');
    // Tracing loads first (it does nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
    forward(
      spawn(process.execPath, ['--import', './server/dist/tracing.js', 'server/dist/main.js'], {
        cwd: root,
        stdio: 'inherit',
      }),
    );
    break;
  }
  case 'dev': {
    install();
    say('Development mode: API with reload on :4000, dashboard with hot reload on http://localhost:5173');
    const [cmd, ...rest] = pnpm;
    forward(
      spawn(cmd, [...rest, '--parallel', '--filter', '@otklik/server', '--filter', '@otklik/web', 'dev'], {
        cwd: root,
        stdio: 'inherit',
      }),
    );
    break;
  }
  case 'test': {
    install();
    run(['-r', '--workspace-concurrency=1', 'test']);
    break;
  }
  default:
    say('usage: node scripts/otklik.mjs start|dev|test');
    process.exit(2);
}
