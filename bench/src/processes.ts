import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import path from 'node:path';
import { freePort } from '../../server/src/test-support/free-port.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Service {
  name: string;
  url: string;
  pid: number;
  /** Resident set size now and its peak since start, in MiB (Linux /proc). */
  memory(): { rss: number; peak: number };
  /** CPU seconds (user + system) the process has used so far (Linux /proc). */
  cpuSeconds(): number;
  /** Throws with the end of the process's output when it has exited (a crash under load). */
  assertAlive(): void;
  stop(): Promise<void>;
}

const mib = (status: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;

/** Starts a Node process and waits until it prints "Ready.". */
async function startNode(
  name: string,
  cwd: string,
  args: string[],
  env: Record<string, string>,
  port: number,
): Promise<Service> {
  // BENCH_CPU_PROF=<dir>: V8 CPU profiles of the processes, written when they stop (evidence for the report).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...args], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  for (let waited = 0; !output.includes('Ready.'); waited += 200) {
    if (child.exitCode !== null || waited > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid!;
  const assertAlive = () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`);
    }
  };
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    pid,
    assertAlive,
    memory() {
      assertAlive();
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return { rss: mib(status, 'VmRSS'), peak: mib(status, 'VmHWM') };
    },
    cpuSeconds() {
      assertAlive();
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name: clock ticks (100 per second).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The heap settings the image gives the API (the Dockerfile's NODE_OPTIONS), read from it so they cannot drift. */
export const API_NODE_OPTIONS =
  /NODE_OPTIONS="([^"]*)"/.exec(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))?.[1] ?? '';

let built = false;

/** Compiles the server as the production image does (`tsc`, no loader hooks at run time), once per run. */
function buildServer() {
  if (built) return;
  process.stderr.write('bench: building the server (tsc)\n');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: path.join(ROOT, 'server'),
    stdio: 'inherit',
  });
  built = true;
}

/** Otklik's API in production mode, as deployed: built output, its own process and pool, a Keycloak-shaped issuer. */
export async function startOtklik(name: string, env: Record<string, string>): Promise<Service> {
  buildServer();
  const port = await freePort();
  return startNode(
    name,
    path.join(ROOT, 'server'),
    ['dist/main.js'],
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      // The benchmark drives one client address at tens of thousands of requests a minute.
      RATE_LIMIT_IP_PER_MINUTE: '0',
      RATE_LIMIT_ORGANISATION_PER_MINUTE: '0',
      // The heap the image gives the API (Dockerfile NODE_OPTIONS); BENCH_API_NODE_OPTIONS overrides it.
      NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS ?? API_NODE_OPTIONS,
      ...env,
    },
    port,
  );
}

export async function startPostGraphile(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  return startNode(
    'PostGraphile',
    path.join(ROOT, 'bench'),
    ['--import', '@swc-node/register/esm-register', 'src/postgraphile-server.ts'],
    env,
    port,
  );
}

export interface Issuer {
  url: string;
  publicKeyPem: string;
  /** A signed access token shaped as Keycloak issues them. */
  token(subject: string, name: string): string;
  stop(): Promise<void>;
}

/**
 * A stand-in for Keycloak's realm endpoints the API reads (only the JWKS), with a key pair of its
 * own: production mode verifies tokens against `${KEYCLOAK_URL}/realms/<realm>`, never the
 * development identity provider.
 */
export async function startIssuer(realm: string, audience: string): Promise<Issuer> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: Server = createHttpServer((req, res) => {
    if (req.url === `/realms/${realm}/protocol/openid-connect/certs`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    url,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    token(subject, name) {
      const now = Math.floor(Date.now() / 1000);
      const head = b64({ alg: 'RS256', typ: 'JWT', kid });
      const body = b64({
        iss: `${url}/realms/${realm}`,
        aud: [audience],
        sub: subject,
        typ: 'Bearer',
        azp: 'otklik-web',
        iat: now,
        exp: now + 4 * 3600,
        name,
        preferred_username: name,
        email_verified: false,
        realm_access: { roles: [] },
      });
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey, 'base64url');
      return `${head}.${body}.${signature}`;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
