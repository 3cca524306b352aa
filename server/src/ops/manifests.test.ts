import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../config.js';

// The deployment files are not run here (no container engine, no cluster): these tests read them and
// hold them to what the server needs — probes, ports, users, configuration, secrets, pinned images.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const json = <T>(file: string) => JSON.parse(read(file)) as T;

type Env = Record<string, string>;
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Env }; [key: string]: any };

/** Names whose values are secret: they may only be references, never written in a manifest. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|DATABASE_URL/i;
/** Sample values for references, to check that the configuration they complete is valid. */
const SAMPLE_SECRETS: Env = {
  DATABASE_URL: 'postgres://otklik:sample-password@db.example.org:5432/otklik',
  SMTP_URL: 'smtps://user:sample-password@mail.example.org',
};
const SAMPLE_SECRET = 'sample0123456789abcdef0123456789';

/** Every variable config.ts reads (the keys of its schema). */
const CONFIG_NAMES = new Set([...read('server/src/config.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!));
const DEFAULTS = loadConfig({});
const rootPackage = json<{ packageManager: string; engines: { node: string } }>('package.json');
const serverPackage = json<{ main: string }>('server/package.json');
const realm = json<{
  realm: string;
  clients: Array<{ clientId: string; redirectUris?: string[]; bearerOnly?: boolean }>;
}>('ops/keycloak/otklik-realm.json');

/** `name:tag` with an explicit version: not `latest`, no variable left, a digit in the tag. */
function isPinned(image: string): boolean {
  const colon = image.lastIndexOf(':');
  if (colon <= image.lastIndexOf('/')) return false;
  const tag = image.slice(colon + 1);
  return tag !== 'latest' && /\d/.test(tag) && !/[${}]/.test(image);
}

// --- Dockerfile --------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions with their continuation lines joined and comments dropped. */
function dockerInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (!current && (line.trim().startsWith('#') || !line.trim())) continue;
    current += ` ${line.trim()}`;
    if (current.endsWith('\\')) {
      current = current.slice(0, -1);
      continue;
    }
    const [keyword = '', ...rest] = current.trim().split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
    current = '';
  }
  return instructions;
}

interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
  args: Env;
}

function dockerStages(text: string): { stages: Stage[]; globalArgs: Env } {
  const globalArgs: Env = {};
  const stages: Stage[] = [];
  const argDefault = (args: string, into: Env) => {
    const [name = '', value = ''] = args.split('=');
    into[name] = value;
  };
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      const resolved = image.replace(/\$\{(\w+)\}/g, (_, arg: string) => globalArgs[arg] ?? '');
      stages.push({ image: resolved, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [], args: {} });
    } else if (!stages.length) {
      if (instruction.keyword === 'ARG') argDefault(instruction.args, globalArgs);
    } else {
      const stage = stages.at(-1)!;
      stage.instructions.push(instruction);
      if (instruction.keyword === 'ARG') argDefault(instruction.args, stage.args);
    }
  }
  return { stages, globalArgs };
}

const dockerfile = dockerStages(read('Dockerfile'));
const runtime = dockerfile.stages.at(-1)!;
const runtimeArgs = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const allRuns = dockerfile.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args));

// --- compose ---------------------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Env;
  healthcheck?: { test: string[]; interval?: string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  stop_grace_period?: string;
  read_only?: boolean;
}

const compose = parse(read('ops/compose.yaml')) as { services: Record<string, ComposeService> };
const services = Object.entries(compose.services);
const api = compose.services.api!;
const INTERPOLATION = /\$\{([A-Z0-9_]+)(:?[?-])?[^}]*\}/g;
const envExample = new Set([...read('ops/.env.example').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));

/** A compose value with each `${VAR…}` replaced by a sample, as `docker compose` would with ops/.env. */
const interpolate = (value: string) => value.replace(INTERPOLATION, () => SAMPLE_SECRET);

function seconds(duration: string): number {
  const match = /^(\d+)(ms|s|m)$/.exec(duration);
  if (!match) throw new Error(`unreadable duration ${duration}`);
  return Number(match[1]) / ({ ms: 1000, s: 1, m: 1 / 60 } as Record<string, number>)[match[2]!]!;
}

// --- Kubernetes ----------------------------------------------------------------------------------

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

const k8sFiles = yamlFiles('ops/k8s');
const k8s: K8sObject[] = k8sFiles.flatMap((file) =>
  parseAllDocuments(read(file)).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0]!.message}`);
    return document.toJS() as K8sObject;
  }),
);
const one = (kind: string) => {
  const objects = k8s.filter((o) => o.kind === kind);
  if (objects.length !== 1) throw new Error(`expected one ${kind} in ops/k8s, found ${objects.length}`);
  return objects[0]!;
};
const deployment = one('Deployment');
const job = one('Job');
const configMap = one('ConfigMap');
const podSpec = deployment.spec.template.spec;
const apiContainer = podSpec.containers[0];
const podLabels = deployment.spec.template.metadata.labels as Env;
const workloads = [deployment, job];
const containersOf = (workload: K8sObject) => [
  ...workload.spec.template.spec.containers,
  ...(workload.spec.template.spec.initContainers ?? []),
];
const selects = (selector: Env, labels: Env) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** The environment a container gets: its ConfigMap, then sample values for its secret references. */
function containerEnv(container: any): Env {
  const env: Env = {};
  for (const source of container.envFrom ?? []) {
    const referenced = k8s.find((o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef?.name);
    if (!referenced) throw new Error(`${container.name}: no ConfigMap ${source.configMapRef?.name}`);
    Object.assign(env, referenced.data);
  }
  for (const variable of container.env ?? []) {
    if (variable.valueFrom?.secretKeyRef) env[variable.name] = SAMPLE_SECRETS[variable.name] ?? SAMPLE_SECRET;
    else env[variable.name] = variable.value;
  }
  return env;
}

/** A probe's or a Service's port, by number or by the container port's name. */
function containerPort(port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  return apiContainer.ports.find((p: { name: string }) => p.name === port)?.containerPort;
}

describe('Dockerfile', () => {
  it('builds with the pnpm of packageManager on a pinned Node image of the required major version', () => {
    const nodeMajor = /\d+/.exec(rootPackage.engines.node)![0];
    for (const stage of dockerfile.stages) {
      const previous = dockerfile.stages.some((s) => s.name === stage.image);
      if (previous) continue;
      expect(isPinned(stage.image), stage.image).toBe(true);
      expect(stage.image).toMatch(new RegExp(`^node:${nodeMajor}\\.\\d+\\.\\d+-`));
    }
    const pnpmVersions = dockerfile.stages.map((s) => s.args.PNPM_VERSION).filter(Boolean);
    expect(pnpmVersions).toEqual([rootPackage.packageManager.replace(/^pnpm@/, '')]);
    expect(allRuns.some((run) => /pnpm install --frozen-lockfile$/.test(run))).toBe(true);
    expect(allRuns).toContain('pnpm build');
    expect(allRuns.some((run) => run.includes('pnpm install --frozen-lockfile --prod'))).toBe(true);
  });

  it('runs the built server in production as a non-root user, on the default port, with a health check', () => {
    const [user] = runtimeArgs('USER');
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user!.split(':')[0])).toBeGreaterThan(0);
    expect(runtimeArgs('ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
    expect(runtimeArgs('EXPOSE')).toEqual([String(DEFAULTS.PORT)]);
    // Tracing is preloaded (inert without OTEL_* variables), then the built entry point.
    expect(JSON.parse(runtimeArgs('CMD')[0]!)).toEqual([
      'node',
      '--import',
      './server/dist/tracing.js',
      path.posix.join('server', serverPackage.main),
    ]);
    const [healthcheck] = runtimeArgs('HEALTHCHECK');
    expect(healthcheck).toContain('/healthz');
    // main.ts serves ../../web/dist and seed-file.ts reads ../../../seeds, relative to server/dist.
    const copied = runtimeArgs('COPY').map((args) => args.split(/\s+/).at(-1));
    for (const target of ['./server/dist', './web/dist', './seeds', './node_modules', './server/node_modules']) {
      expect(copied).toContain(target);
    }
  });

  it('keeps dependencies, builds, local data and env files out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.git', '**/node_modules', '**/dist', '.data', '**/.env']));
  });
});

describe('ops/compose.yaml', () => {
  it('pins every image and health-checks every service; the API waits for healthy dependencies', () => {
    expect(services.map(([name]) => name)).toEqual(expect.arrayContaining(['postgres', 'keycloak', 'api']));
    for (const [name, service] of services) {
      expect(isPinned(service.image ?? ''), `${name}: ${service.image}`).toBe(true);
      expect(service.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
    expect(api.build).toEqual({ context: '..', dockerfile: 'Dockerfile' });
    expect(existsSync(path.join(ROOT, 'ops', api.build!.context, api.build!.dockerfile))).toBe(true);
    const apiCheck = api.healthcheck!.test.join(' ');
    expect(apiCheck).toContain(`127.0.0.1:${api.environment!.PORT}/readyz`);
    expect(Object.keys(api.depends_on ?? {})).toEqual(expect.arrayContaining(['postgres', 'keycloak']));
    for (const [name, dependency] of services) {
      for (const [on, condition] of Object.entries(dependency.depends_on ?? {})) {
        expect(condition, `${name} on ${on}`).toEqual({ condition: 'service_healthy' });
      }
    }
  });

  it('writes no secret inline: each comes from ops/.env, which .env.example lists', () => {
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        const interpolations = [...String(value).matchAll(INTERPOLATION)];
        for (const [, variable, operator] of interpolations) {
          expect(envExample, `${name}.${key}`).toContain(variable);
          expect(operator, `${name}.${key} must be required (\${${variable}:?…})`).toBe(':?');
        }
        if (SECRET_NAME.test(key)) {
          const literal = String(value).replace(INTERPOLATION, '');
          if (literal.includes('://')) expect(new URL(literal).password, `${name}.${key}`).toBe('');
          else expect(literal, `${name}.${key}`).toBe('');
          expect(interpolations.length, `${name}.${key}`).toBeGreaterThan(0);
        } else if (/:\/\/[^/@]*:[^/@]+@/.test(String(value))) {
          expect(new URL(String(value).replace(INTERPOLATION, '')).password, `${name}.${key}`).toBe('');
        }
      }
    }
  });

  it('gives the API a valid production configuration for the realm it imports into Keycloak', () => {
    const env = Object.fromEntries(Object.entries(api.environment!).map(([key, value]) => [key, interpolate(value)]));
    expect(Object.keys(env).filter((name) => !CONFIG_NAMES.has(name))).toEqual([]);
    const config = loadConfig(env);
    expect(config.NODE_ENV).toBe('production');
    expect(config.KEYCLOAK_REALM).toBe(realm.realm);
    expect(realm.clients.map((c) => c.clientId)).toEqual(
      expect.arrayContaining([config.KEYCLOAK_WEB_CLIENT_ID, config.KEYCLOAK_API_AUDIENCE]),
    );
    expect(realm.clients.find((c) => c.clientId === config.KEYCLOAK_WEB_CLIENT_ID)?.redirectUris).toContain(
      `${config.publicUrl}/auth/callback`,
    );
    expect(seconds(api.stop_grace_period!) * 1000).toBeGreaterThan(config.SHUTDOWN_GRACE_MS);
    expect(api.read_only).toBe(true);

    const keycloak = compose.services.keycloak!;
    expect(keycloak.command).toEqual(['start-dev', '--import-realm']);
    expect(keycloak.volumes).toContain('./keycloak:/opt/keycloak/data/import:ro');
    expect(existsSync(path.join(ROOT, 'ops/keycloak/otklik-realm.json'))).toBe(true);
    // The browser and the API must see one issuer: the API's Keycloak URL is Keycloak's own hostname.
    expect(keycloak.environment!.KC_HOSTNAME).toBe(config.KEYCLOAK_URL);
  });
});

describe('ops/k8s', () => {
  it('holds the expected objects, each well formed', () => {
    expect(k8s.map((o) => `${o.apiVersion} ${o.kind}`).sort()).toEqual(
      [
        'apps/v1 Deployment',
        'autoscaling/v2 HorizontalPodAutoscaler',
        'batch/v1 Job',
        'networking.k8s.io/v1 Ingress',
        'policy/v1 PodDisruptionBudget',
        'v1 ConfigMap',
        'v1 Service',
      ].sort(),
    );
    for (const object of k8s) expect(object.metadata.name, object.kind).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(selects(deployment.spec.selector.matchLabels, podLabels)).toBe(true);
  });

  it('probes readiness on /readyz and liveness on /healthz at the port the image exposes', () => {
    const port = Number(configMap.data.PORT);
    expect(runtimeArgs('EXPOSE')).toEqual([String(port)]);
    expect(apiContainer.readinessProbe.httpGet.path).toBe('/readyz');
    expect(apiContainer.livenessProbe.httpGet.path).toBe('/healthz');
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      expect(containerPort(apiContainer[probe].httpGet.port), probe).toBe(port);
    }
    expect(apiContainer.startupProbe.httpGet.path).toBe('/healthz');
  });

  it('runs every container as non-root, without privilege escalation, on a read-only root, with resources', () => {
    for (const workload of workloads) {
      const pod = workload.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, workload.kind).toBe(true);
      expect(pod.securityContext.runAsUser).toBe(Number(runtimeArgs('USER')[0]!.split(':')[0]));
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of containersOf(workload)) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        // Node may need a scratch directory; the image's own files stay read-only.
        const tmp = container.volumeMounts?.find((m: { mountPath: string }) => m.mountPath === '/tmp');
        expect(pod.volumes.find((v: { name: string }) => v.name === tmp?.name)?.emptyDir, container.name).toBeDefined();
        expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources.limits.memory).toEqual(expect.any(String));
      }
    }
  });

  it('pins every image to an explicit version, the same in the Deployment and the Job', () => {
    const images = workloads.flatMap(containersOf).map((c) => c.image as string);
    for (const image of images) expect(isPinned(image), image).toBe(true);
    expect(new Set(images).size).toBe(1);
  });

  it('takes secrets only from secretKeyRef and everything else from the ConfigMap, as a valid configuration', () => {
    for (const key of Object.keys(configMap.data)) expect(SECRET_NAME.test(key), key).toBe(false);
    for (const workload of workloads) {
      for (const container of containersOf(workload)) {
        for (const variable of container.env ?? []) {
          if (SECRET_NAME.test(variable.name)) {
            expect(variable.value, variable.name).toBeUndefined();
            expect(variable.valueFrom?.secretKeyRef?.name, variable.name).toBe('otklik-secrets');
          }
        }
        const env = containerEnv(container);
        expect(Object.keys(env).filter((name) => !CONFIG_NAMES.has(name))).toEqual([]);
        const config = loadConfig(env);
        expect(config).toMatchObject({ NODE_ENV: 'production', SEED_DEMO_DATA: false, KEYCLOAK_REALM: realm.realm });
        expect(config.KEYCLOAK_URL).toMatch(/^https:\/\//);
      }
    }
    const config = loadConfig(containerEnv(apiContainer));
    const web = realm.clients.find((c) => c.clientId === config.KEYCLOAK_WEB_CLIENT_ID);
    expect(web?.redirectUris).toContain(`${config.publicUrl}/auth/callback`);
    expect(realm.clients.find((c) => c.clientId === config.KEYCLOAK_API_AUDIENCE)?.bearerOnly).toBe(true);
  });

  it('lets requests in flight finish: the grace period exceeds the preStop pause and SHUTDOWN_GRACE_MS', () => {
    const pause = apiContainer.lifecycle.preStop.exec.command;
    expect(pause[0]).toBe('sleep');
    const config = loadConfig(containerEnv(apiContainer));
    expect(podSpec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      Number(pause[1]) * 1000 + config.SHUTDOWN_GRACE_MS,
    );
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });

  it("points the Service, Ingress, PodDisruptionBudget and HorizontalPodAutoscaler at the Deployment's pods", () => {
    const service = one('Service');
    expect(selects(service.spec.selector, podLabels)).toBe(true);
    expect(selects(service.spec.selector, job.spec.template.metadata.labels)).toBe(false);
    const servicePort = service.spec.ports[0];
    expect(containerPort(servicePort.targetPort)).toBe(Number(configMap.data.PORT));

    const ingress = one('Ingress');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe(service.metadata.name);
    expect(backend.port.name ?? backend.port.number).toBe(backend.port.name ? servicePort.name : servicePort.port);
    expect(ingress.spec.rules[0].host).toBe(new URL(configMap.data.PUBLIC_URL).host);

    const pdb = one('PodDisruptionBudget');
    expect(selects(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(selects(pdb.spec.selector.matchLabels, job.spec.template.metadata.labels)).toBe(false);

    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThan(pdb.spec.minAvailable);
    expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
    expect(hpa.spec.metrics.length).toBeGreaterThan(0);
    // The autoscaler owns the replica count; one in the Deployment would be reset by every apply.
    expect(deployment.spec.replicas).toBeUndefined();
  });

  it('prepares the database with a command the image contains, outside the top-level apply', () => {
    const [container] = job.spec.template.spec.containers;
    expect(container.command.slice(0, 1)).toEqual(['node']);
    const script = container.command[1] as string;
    expect(script).toMatch(/^server\/dist\/cli\/.+\.js$/);
    expect(existsSync(path.join(ROOT, script.replace(/^server\/dist\//, 'server/src/').replace(/\.js$/, '.ts')))).toBe(
      true,
    );
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    // `kubectl apply -f ops/k8s/` does not recurse: the Job is applied on its own, before a rollout.
    const jobFile = k8sFiles.find((file) => read(file).includes('kind: Job'))!;
    expect(path.dirname(jobFile)).not.toBe('ops/k8s');
  });
});
