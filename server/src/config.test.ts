import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      KEYCLOAK_REALM: 'otklik',
      SEED_DEMO_DATA: true,
      publicUrl: 'http://localhost:4000',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad value in one clear error', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KEYCLOAK_URL: 'ftp://sso', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'KEYCLOAK_URL', 'LOG_LEVEL']) expect(message).toContain(name);
      expect(message).toContain('postgres://');
    }
  });

  it('refuses production without Keycloak, a real database and an application password, and seeds no demo data there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /KEYCLOAK_URL[\s\S]*DATABASE_URL[\s\S]*APP_DB_PASSWORD/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      KEYCLOAK_URL: 'https://sso.example.org',
      DATABASE_URL: 'postgres://owner@db/otklik',
      APP_DB_PASSWORD: 'a-long-secret',
    });
    expect(config.SEED_DEMO_DATA).toBe(false);
  });
});
