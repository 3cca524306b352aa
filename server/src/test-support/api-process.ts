import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port.js';
import { APP_PASSWORD, APP_ROLE } from './global-setup.js';
import type { TestDatabase } from './test-database.js';

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** The real server (src/main.ts) as its own process on a test database, once it says it is ready. */
export async function startApiProcess(
  db: TestDatabase,
  env: Record<string, string> | ((port: number) => Record<string, string>) = {},
  /** Modules to load before the server, as `node --import` does (e.g. src/tracing.ts). */
  preload: string[] = [],
): Promise<ApiProcess> {
  const port = await freePort();
  const extra = typeof env === 'function' ? env(port) : env;
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', ...preload.flatMap((m) => ['--import', m]), 'src/main.ts'],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        DATABASE_URL: db.ownerUrl,
        APP_DB_ROLE: APP_ROLE,
        APP_DB_PASSWORD: APP_PASSWORD,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (let waited = 0; !output.includes('Ready.'); waited += 200) {
    if (child.exitCode !== null || waited > 90_000) throw new Error(`the API process did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url: `http://127.0.0.1:${port}`, port, child, output: () => output, exited };
}
