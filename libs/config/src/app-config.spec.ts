import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'narvaro-config-')), 'postgres');

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: null,
      demoSeed: true,
      bodyLimit: '1mb',
    });
    expect(config.embeddedPg.port).not.toBe(5432);
    expect(config.jwt.accessTtlSeconds).toBe(900);
  });

  it('keeps the development signing key beside the data, so tokens survive a restart', () => {
    const dir = dataDir();
    const first = loadConfig({ EMBEDDED_PG_DATA_DIR: dir }).jwt.secret;
    expect(loadConfig({ EMBEDDED_PG_DATA_DIR: dir }).jwt.secret).toBe(first);
    expect(readFileSync(join(dir, '..', 'jwt-secret'), 'utf8')).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    [{ PORT: '3.5' }, /^Invalid configuration: PORT must be a whole number/],
    [{ DB_POOL_SIZE: '0' }, /^Invalid configuration: DB_POOL_SIZE /],
    [{ DEMO_SEED: 'maybe' }, /^Invalid configuration: DEMO_SEED must be true or false/],
    [{ BODY_LIMIT: 'huge' }, /^Invalid configuration: BODY_LIMIT /],
    [{ DATABASE_URL: 'http://example.com/db' }, /^Invalid configuration: DATABASE_URL /],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: DATABASE_URL is required when NODE_ENV=production/],
  ])('refuses %j with one line naming the setting', (env, message) => {
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('never seeds demo users in production, whatever DEMO_SEED says', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      JWT_SECRET: 'k'.repeat(40),
      DEMO_SEED: 'true',
    });
    expect(config.demoSeed).toBe(false);
  });
});
