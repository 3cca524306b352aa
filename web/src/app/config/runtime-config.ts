/** Settings the server publishes at GET /config.json, read once at startup. */
export interface RuntimeConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  graphqlUrl: string;
}

export class RuntimeConfigError extends Error {
  override name = 'RuntimeConfigError';
}

function requireString(raw: Record<string, unknown>, key: keyof RuntimeConfig): string {
  const value = raw[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RuntimeConfigError(`config.json: "${key}" must be a non-empty string`);
  }
  return value.trim();
}

export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (raw === null || typeof raw !== 'object') {
    throw new RuntimeConfigError('config.json: expected an object');
  }
  const record = raw as Record<string, unknown>;
  return {
    keycloakUrl: requireString(record, 'keycloakUrl').replace(/\/+$/, ''),
    realm: requireString(record, 'realm'),
    clientId: requireString(record, 'clientId'),
    graphqlUrl: requireString(record, 'graphqlUrl'),
  };
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new RuntimeConfigError(`config.json: HTTP ${response.status}`);
  }
  return parseRuntimeConfig(await response.json());
}
