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
      databaseMigrationUrl: null,
      demoSeed: true,
      bodyLimit: '1mb',
      apiDocs: true,
    });
    expect(config.embeddedPg.port).not.toBe(5432);
    expect(config.jwt.accessTtlSeconds).toBe(900);
    // Mail is off unless SMTP_URL is set; jobs run by default.
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Närvaroteam <noreply@narvaroteam.se>' });
    expect(config.jobsEnabled).toBe(true);
    expect(config.appBaseUrl).toBe('http://localhost:3000');
    // A whole school signs in from one address; no forwarded address is believed by default.
    expect(config.signInRateLimitPerMinute).toBe(300);
    expect(config.trustProxy).toBe(false);
    // Consent lasts 12 months unless the coordinator names an end, at most 24.
    expect(config.consent).toEqual({ defaultValidityMonths: 12, maxValidityMonths: 24 });
  });

  it('takes the consent validity in months, the default never past the maximum', () => {
    const config = loadConfig({
      EMBEDDED_PG_DATA_DIR: dataDir(),
      CONSENT_DEFAULT_VALIDITY_MONTHS: '6',
      CONSENT_MAX_VALIDITY_MONTHS: '6',
    });
    expect(config.consent).toEqual({ defaultValidityMonths: 6, maxValidityMonths: 6 });
    expect(() =>
      loadConfig({
        EMBEDDED_PG_DATA_DIR: dataDir(),
        CONSENT_DEFAULT_VALIDITY_MONTHS: '13',
        CONSENT_MAX_VALIDITY_MONTHS: '12',
      }),
    ).toThrow(
      /^Invalid configuration: CONSENT_DEFAULT_VALIDITY_MONTHS must not exceed CONSENT_MAX_VALIDITY_MONTHS \(12\)/,
    );
  });

  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.0.2.10,fd00::/8', ['10.0.0.0/8', '192.0.2.10', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('takes mail settings and never echoes SMTP_URL, which may hold a password', () => {
    const config = loadConfig({
      EMBEDDED_PG_DATA_DIR: dataDir(),
      SMTP_URL: 'smtp://u:p@mail.example.se:587',
      MAIL_FROM: 'noreply@example.se',
      APP_BASE_URL: 'https://narvaro.example.se/',
      JOBS_ENABLED: 'false',
    });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://u:p@mail.example.se:587', from: 'noreply@example.se' });
    expect(config.appBaseUrl).toBe('https://narvaro.example.se');
    expect(config.jobsEnabled).toBe(false);
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), SMTP_URL: 'http://u:s3cret@x' })).toThrow(
      /^Invalid configuration: SMTP_URL must be a URL like smtp:\/\/user:password@mail.example.se:587 \(smtp: or smtps:\)$/,
    );
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
    [{ JOBS_ENABLED: 'sometimes' }, /^Invalid configuration: JOBS_ENABLED must be true or false/],
    [{ API_DOCS: 'perhaps' }, /^Invalid configuration: API_DOCS must be true or false/],
    [{ APP_BASE_URL: 'ftp://x' }, /^Invalid configuration: APP_BASE_URL /],
    [{ MAIL_FROM: 'nobody' }, /^Invalid configuration: MAIL_FROM /],
    [{ TRUST_PROXY: 'true' }, /^Invalid configuration: TRUST_PROXY must be false, a hop count/],
    [{ TRUST_PROXY: '11' }, /^Invalid configuration: TRUST_PROXY /],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^Invalid configuration: TRUST_PROXY /],
    [{ TRUST_PROXY: 'balancer.internal' }, /^Invalid configuration: TRUST_PROXY /],
    [{ SIGN_IN_RATE_LIMIT_PER_MINUTE: '0' }, /^Invalid configuration: SIGN_IN_RATE_LIMIT_PER_MINUTE /],
    [{ CONSENT_DEFAULT_VALIDITY_MONTHS: '0' }, /^Invalid configuration: CONSENT_DEFAULT_VALIDITY_MONTHS /],
    [{ CONSENT_MAX_VALIDITY_MONTHS: '1y' }, /^Invalid configuration: CONSENT_MAX_VALIDITY_MONTHS /],
    [{ DATABASE_URL: 'http://example.com/db' }, /^Invalid configuration: DATABASE_URL /],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: DATABASE_URL is required when NODE_ENV=production/],
    [
      { DATABASE_MIGRATION_URL: 'postgres://owner:p@db:5432/app' },
      /^Invalid configuration: DATABASE_MIGRATION_URL needs DATABASE_URL/,
    ],
    [
      { DATABASE_URL: 'postgres://app:p@db:5432/app', DATABASE_MIGRATION_URL: 'mysql://owner:p@db/app' },
      /^Invalid configuration: DATABASE_MIGRATION_URL must be a URL like postgres:/,
    ],
    [
      { DATABASE_URL: 'postgres://app:p@db:5432/app', DATABASE_MIGRATION_URL: 'postgres://owner:p@db:5432/other' },
      /^Invalid configuration: DATABASE_MIGRATION_URL must name the same database as DATABASE_URL/,
    ],
  ])('refuses %j with one line naming the setting', (env, message) => {
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('takes the owner for migrations beside the runtime role, and never echoes either URL', () => {
    const config = loadConfig({
      EMBEDDED_PG_DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://app:p@db:5432/app',
      DATABASE_MIGRATION_URL: 'postgres://owner:p@db-direct:5432/app',
    });
    expect(config.databaseUrl).toBe('postgres://app:p@db:5432/app');
    expect(config.databaseMigrationUrl).toBe('postgres://owner:p@db-direct:5432/app');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app:p@db/app', DATABASE_MIGRATION_URL: 'x:s3cret' })).toThrow(
      /^Invalid configuration: DATABASE_MIGRATION_URL [^"]*$/,
    );
  });

  it('never seeds demo users in production, whatever DEMO_SEED says', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      JWT_SECRET: 'k'.repeat(40),
      SECRETS_KEY: 's'.repeat(40),
      DEMO_SEED: 'true',
    });
    expect(config.demoSeed).toBe(false);
  });

  it('turns the API docs off in production unless API_DOCS says otherwise', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      JWT_SECRET: 'k'.repeat(40),
      SECRETS_KEY: 's'.repeat(40),
    };
    expect(loadConfig(production).apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), API_DOCS: 'false' }).apiDocs).toBe(false);
  });

  it('turns single sign-on on with OIDC_ISSUER, requires the client settings and never echoes the secret', () => {
    const oidc = {
      EMBEDDED_PG_DATA_DIR: dataDir(),
      OIDC_ISSUER: 'https://login.example.se/tenant/v2.0',
      OIDC_CLIENT_ID: 'narvaroteam',
      OIDC_CLIENT_SECRET: 's3cret-value',
      OIDC_REDIRECT_URL: 'https://narvaro.example.se/api/v1/auth/oidc/callback',
    };
    expect(loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir() }).oidc).toBeNull();
    expect(loadConfig(oidc).oidc).toMatchObject({ userClaim: 'email', userField: 'email', mfaAcrValues: [] });
    expect(loadConfig({ ...oidc, OIDC_USER_CLAIM: 'upn', OIDC_USER_FIELD: 'username' }).oidc).toMatchObject({
      userClaim: 'upn',
      userField: 'username',
    });
    expect(() => loadConfig({ ...oidc, OIDC_CLIENT_SECRET: '' })).toThrow(/^Invalid configuration: OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ ...oidc, OIDC_USER_FIELD: 'name' })).toThrow(/OIDC_USER_FIELD must be email or username/);
    expect(() => loadConfig({ ...oidc, OIDC_REDIRECT_URL: 'https://narvaro.example.se/' })).toThrow(
      /OIDC_REDIRECT_URL must end with/,
    );
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), OIDC_CLIENT_ID: 'x' })).toThrow(/needs OIDC_ISSUER/);
    const production = {
      ...oidc,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      JWT_SECRET: 'k'.repeat(40),
    };
    expect(() => loadConfig({ ...production, OIDC_ISSUER: 'http://login.example.se' })).toThrow(/must be an https URL/);
    try {
      loadConfig({ ...oidc, OIDC_CLIENT_ID: '' });
    } catch (error) {
      expect(String(error)).not.toContain('s3cret-value');
    }
  });

  it('requires a second factor of every role in production and of none otherwise, unless MFA_REQUIRED_ROLES says', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      JWT_SECRET: 'k'.repeat(40),
      SECRETS_KEY: 's'.repeat(40),
    };
    expect(loadConfig(production).mfa.requiredRoles).toHaveLength(6);
    expect(loadConfig({ ...production, MFA_REQUIRED_ROLES: 'none' }).mfa.requiredRoles).toEqual([]);
    expect(loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir() }).mfa.requiredRoles).toEqual([]);
    expect(
      loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), MFA_REQUIRED_ROLES: 'admin, elevhalsa' }).mfa.requiredRoles,
    ).toEqual(['admin', 'elevhalsa']);
    expect(() => loadConfig({ EMBEDDED_PG_DATA_DIR: dataDir(), MFA_REQUIRED_ROLES: 'admin,rector' })).toThrow(
      /^Invalid configuration: MFA_REQUIRED_ROLES/,
    );
  });
});
