/**
 * PostGraphile v5 (amber preset) over the benchmark database, as its own process: the peer Otklik is
 * compared with. It connects as the same non-superuser role, so the same row-level security applies;
 * a bearer token is checked with the same RS256 key and its subject mapped to the organisation the
 * benchmark gives (a claim would carry it in a PostGraphile deployment), then set as the same
 * session variables Otklik sets. Environment: DATABASE_URL, PORT, JWT_PUBLIC_KEY (PEM), SUBJECT_ORGANISATIONS (JSON).
 */
import { createPublicKey, createVerify } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const publicKey = createPublicKey(env('JWT_PUBLIC_KEY'));
const organisations = JSON.parse(env('SUBJECT_ORGANISATIONS')) as Record<string, string>;

/** The verified token's subject, or undefined for an anonymous or invalid request. */
function subjectOf(req: IncomingMessage | undefined): string | undefined {
  const header = req?.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const [head, body, signature] = header.slice(7).split('.');
  if (!head || !body || !signature) return undefined;
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${head}.${body}`);
  if (!verifier.verify(publicKey, Buffer.from(signature, 'base64url'))) return undefined;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { sub?: string; exp?: number };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return undefined;
  return claims.sub;
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // Relations on composite keys (review → practice by practice_organisation_id and practice_id) have no index
  // of their own: the practice_id index serves them. Without this, PostGraphile would leave them out.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString: env('DATABASE_URL'),
      schemas: ['public'],
      pgSettings(requestContext) {
        const subject = subjectOf(requestContext.node?.req);
        if (!subject) return {};
        return { 'app.subject': subject, 'app.organisation_id': organisations[subject] ?? '' };
      },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(env('PORT')), '127.0.0.1', () => process.stdout.write('Ready.\n'));
