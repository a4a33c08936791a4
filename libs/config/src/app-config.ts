import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

/** Thrown when a setting is missing or malformed; its message is one line naming the setting. */
export class ConfigError extends Error {}

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every setting the application reads. The README lists them all, with these defaults. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  /**
   * Any PostgreSQL, as the application's runtime role; when absent an embedded server is started
   * (with its own owner and runtime roles).
   */
  databaseUrl: string | null;
  /**
   * The same database as the owner of its tables, for migrations only; null: migrations run with
   * databaseUrl (one role for both, acceptable for development, not for production).
   */
  databaseMigrationUrl: string | null;
  embeddedPg: { port: number; dataDir: string };
  dbPoolSize: number;
  logLevel: LogLevel;
  bodyLimit: string;
  /** Swagger UI at /api/docs and the OpenAPI JSON at /api/docs-json; off by default in production. */
  apiDocs: boolean;
  demoSeed: boolean;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  /** Attempts per minute per client address on the sign-in routes (login, refresh, setup), shared by all instances. */
  signInRateLimitPerMinute: number;
  /**
   * Express's `trust proxy`: which hops in front of the API are believed when they forward the
   * client's address (`X-Forwarded-For`). `false` (default): the connection's own address counts.
   */
  trustProxy: TrustProxy;
  /** Background jobs (pg-boss): reminder sweeps and the mail worker. Tests turn them off and drive them directly. */
  jobsEnabled: boolean;
  /** Where users open the web app; mail links point here. */
  appBaseUrl: string;
  /** Outgoing mail; `smtpUrl: null` means mail is off (notifications stay in the in-app inbox only). */
  mail: { smtpUrl: string | null; from: string };
  /** Consent is time-limited: the validity given when none is named, and the longest allowed (months). */
  consent: { defaultValidityMonths: number; maxValidityMonths: number };
  /** Bearer token for GET /metrics (Prometheus); null means the endpoint is absent (404). */
  metricsToken: string | null;
  /** OpenID Connect single sign-on through the organisation's identity provider; null: off. */
  oidc: OidcConfig | null;
  /** Second factor (TOTP): the roles that must have one. */
  mfa: { requiredRoles: string[] };
  /**
   * Key (32 bytes) that encrypts secrets at rest (SS 12000 sources' tokens and client secrets):
   * SHA-256 of SECRETS_KEY; in development, when unset, generated once beside the data directory.
   */
  secretsKey: Buffer;
}

/** One OpenID provider (OIDC_*). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This API's callback, registered at the provider: `<origin>/api/v1/auth/oidc/callback`. */
  redirectUrl: string;
  /** The ID token claim that names the user (default `email`). */
  userClaim: string;
  /** What the claim is compared with: the user's e-mail (`email`, default) or `username`. */
  userField: 'email' | 'username';
  /** `acr` values that mean the provider checked a second factor. */
  mfaAcrValues: string[];
  /** `amr` values of which any one means the provider checked a second factor. */
  mfaAmrValues: string[];
}

/** The role names (as in @app/access's ROLES; config comes first and imports nothing). */
export const CONFIG_ROLE_NAMES = ['school_staff', 'principal', 'elevhalsa', 'agency_worker', 'admin', 'auditor'];

/** `false`, a number of hops, or the proxies' addresses, subnets and Express's names (`loopback` …). */
export type TrustProxy = false | number | string[];

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function fail(name: string, problem: string, value?: string): never {
  const shown = value === undefined ? '' : ` (got "${value.length > 40 ? value.slice(0, 40) + '…' : value}")`;
  throw new ConfigError(`Invalid configuration: ${name} ${problem}${shown}`);
}

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) fail(name, `must be a whole number between ${min} and ${max}`, raw);
  const value = Number(raw.trim());
  if (value < min || value > max) fail(name, `must be a whole number between ${min} and ${max}`, raw);
  return value;
}

function boolSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  fail(name, 'must be true or false', raw);
}

function databaseUrlSetting(env: Env, name: 'DATABASE_URL' | 'DATABASE_MIGRATION_URL'): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: a connection string may hold a password.
    fail(name, 'must be a URL like postgres://user:password@host:5432/database');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname || url.pathname.length < 2) {
    fail(name, 'must be a URL like postgres://user:password@host:5432/database');
  }
  return raw;
}

function smtpUrlSetting(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Never echo the value: it may hold the mail server's password.
  }
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    fail('SMTP_URL', 'must be a URL like smtp://user:password@mail.example.se:587 (smtp: or smtps:)');
  }
  return raw;
}

function appBaseUrlSetting(env: Env): string {
  const raw = env.APP_BASE_URL || 'http://localhost:3000';
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) fail('APP_BASE_URL', 'must be an http(s) URL', raw);
  return raw.replace(/\/+$/, '');
}

function mailFromSetting(env: Env): string {
  const raw = env.MAIL_FROM || 'Närvaroteam <noreply@narvaroteam.se>';
  if (!/^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/.test(raw.trim())) {
    fail('MAIL_FROM', 'must be an address like noreply@example.se or Name <noreply@example.se>', raw);
  }
  return raw.trim();
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address or subnet: `10.0.0.0/8`, `192.0.2.1`, `fd00::/8`. */
function isAddressOrSubnet(value: string): boolean {
  const [address, prefix, extra] = value.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset or `false` (the client's address is the connection's); a hop count (`1`:
 * the balancer directly in front); or a comma-separated list of the balancers' addresses,
 * subnets and `loopback` / `linklocal` / `uniquelocal`. `true` (believe any forwarded address)
 * is refused: anyone could then choose the address their attempts are counted against.
 */
function trustProxySetting(env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || /^(false|0|no)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) return intSetting(env, 'TRUST_PROXY', 1, 1, 10);
  const entries = raw.split(',').map((entry) => entry.trim());
  if (!entries.every((entry) => PROXY_NAMES.includes(entry) || isAddressOrSubnet(entry))) {
    fail(
      'TRUST_PROXY',
      'must be false, a hop count (1–10) or a comma-separated list of proxy addresses, subnets, loopback, linklocal or uniquelocal',
      raw,
    );
  }
  return entries;
}

/**
 * The development signing key lives beside the embedded database, so tokens survive a restart
 * without anyone having to configure a secret. Production must set JWT_SECRET.
 */
function devJwtSecret(dataDir: string): string {
  const file = resolve(dataDir, '..', 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** As the development signing key: generated once into `.data/secrets-key`. Production must set SECRETS_KEY. */
function secretsKeySetting(env: Env, nodeEnv: NodeEnv, dataDir: string): Buffer {
  let raw = env.SECRETS_KEY ?? '';
  if (raw && raw.length < 32) fail('SECRETS_KEY', 'must be at least 32 characters');
  if (!raw) {
    if (nodeEnv === 'production') fail('SECRETS_KEY', 'is required when NODE_ENV=production');
    const file = resolve(dataDir, '..', 'secrets-key');
    if (existsSync(file)) raw = readFileSync(file, 'utf8').trim();
    else {
      raw = randomBytes(48).toString('base64url');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, raw, { mode: 0o600 });
    }
  }
  return createHash('sha256').update(raw).digest();
}

function consentSettings(env: Env): AppConfig['consent'] {
  const maxValidityMonths = intSetting(env, 'CONSENT_MAX_VALIDITY_MONTHS', 24, 1, 120);
  const defaultValidityMonths = intSetting(env, 'CONSENT_DEFAULT_VALIDITY_MONTHS', 12, 1, 120);
  if (defaultValidityMonths > maxValidityMonths) {
    fail(
      'CONSENT_DEFAULT_VALIDITY_MONTHS',
      `must not exceed CONSENT_MAX_VALIDITY_MONTHS (${maxValidityMonths})`,
      String(defaultValidityMonths),
    );
  }
  return { defaultValidityMonths, maxValidityMonths };
}

function metricsTokenSetting(env: Env): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  // Never echo it: it is a secret.
  if (raw.length < 16 || /\s/.test(raw)) fail('METRICS_TOKEN', 'must be at least 16 characters without spaces');
  return raw;
}

function listSetting(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function httpUrlSetting(env: Env, name: string, nodeEnv: NodeEnv): string {
  const raw = (env[name] ?? '').trim();
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) fail(name, 'must be an http(s) URL', raw);
  // Plain http only for a provider on this machine during development and tests.
  if (nodeEnv === 'production' && url.protocol !== 'https:') fail(name, 'must be an https URL in production', raw);
  return raw;
}

/**
 * OIDC_ISSUER turns single sign-on on; then the client id, secret and redirect URL are required.
 * The secret is never echoed.
 */
function oidcSettings(env: Env, nodeEnv: NodeEnv): OidcConfig | null {
  if (!env.OIDC_ISSUER) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL']) {
      if (env[name]) fail(name, 'needs OIDC_ISSUER (single sign-on is off without it)');
    }
    return null;
  }
  const issuer = httpUrlSetting(env, 'OIDC_ISSUER', nodeEnv);
  const clientId = (env.OIDC_CLIENT_ID ?? '').trim();
  if (!clientId) fail('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  if (!clientSecret) fail('OIDC_CLIENT_SECRET', 'is required when OIDC_ISSUER is set');
  if (!env.OIDC_REDIRECT_URL) fail('OIDC_REDIRECT_URL', 'is required when OIDC_ISSUER is set');
  const redirectUrl = httpUrlSetting(env, 'OIDC_REDIRECT_URL', nodeEnv);
  if (!new URL(redirectUrl).pathname.endsWith('/api/v1/auth/oidc/callback')) {
    fail('OIDC_REDIRECT_URL', 'must end with /api/v1/auth/oidc/callback', redirectUrl);
  }
  const userClaim = (env.OIDC_USER_CLAIM || 'email').trim();
  if (!/^[A-Za-z0-9_:.-]{1,100}$/.test(userClaim)) fail('OIDC_USER_CLAIM', 'must be a claim name', userClaim);
  const userField = (env.OIDC_USER_FIELD || 'email').trim();
  if (userField !== 'email' && userField !== 'username')
    fail('OIDC_USER_FIELD', 'must be email or username', userField);
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    userClaim,
    userField,
    mfaAcrValues: listSetting(env, 'OIDC_MFA_ACR_VALUES', []),
    mfaAmrValues: listSetting(env, 'OIDC_MFA_AMR_VALUES', ['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'pin']),
  };
}

/** MFA_REQUIRED_ROLES: `all`, `none` or a comma-separated list of roles; production defaults to all. */
function mfaSettings(env: Env, nodeEnv: NodeEnv): AppConfig['mfa'] {
  const raw = (env.MFA_REQUIRED_ROLES ?? '').trim();
  if (raw === '') return { requiredRoles: nodeEnv === 'production' ? [...CONFIG_ROLE_NAMES] : [] };
  if (/^all$/i.test(raw)) return { requiredRoles: [...CONFIG_ROLE_NAMES] };
  if (/^none$/i.test(raw)) return { requiredRoles: [] };
  const roles = listSetting(env, 'MFA_REQUIRED_ROLES', []);
  const unknown = roles.filter((role) => !CONFIG_ROLE_NAMES.includes(role));
  if (unknown.length) {
    fail('MFA_REQUIRED_ROLES', `must be all, none or a comma-separated list of ${CONFIG_ROLE_NAMES.join(', ')}`, raw);
  }
  return { requiredRoles: [...new Set(roles)] };
}

/** Reads and validates the environment. Throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    fail('NODE_ENV', 'must be development, production or test', nodeEnvRaw);
  }
  const nodeEnv = nodeEnvRaw as NodeEnv;
  const databaseUrl = databaseUrlSetting(env, 'DATABASE_URL');
  if (nodeEnv === 'production' && !databaseUrl) {
    fail('DATABASE_URL', 'is required when NODE_ENV=production (the embedded database is for development)');
  }
  const databaseMigrationUrl = databaseUrlSetting(env, 'DATABASE_MIGRATION_URL');
  if (databaseMigrationUrl && !databaseUrl) {
    // The embedded server has its own owner; an owner of some other database would migrate that one.
    fail('DATABASE_MIGRATION_URL', 'needs DATABASE_URL (the same database as the runtime role)');
  }
  if (databaseMigrationUrl && databaseUrl && new URL(databaseMigrationUrl).pathname !== new URL(databaseUrl).pathname) {
    fail('DATABASE_MIGRATION_URL', 'must name the same database as DATABASE_URL');
  }
  const dataDir = resolve(env.EMBEDDED_PG_DATA_DIR || '.data/postgres');
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, env.LOG_LEVEL);
  const bodyLimit = env.BODY_LIMIT || '1mb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) fail('BODY_LIMIT', 'must be a size like 100kb or 1mb', bodyLimit);

  let secret = env.JWT_SECRET ?? '';
  if (secret && secret.length < 32) fail('JWT_SECRET', 'must be at least 32 characters');
  if (!secret) {
    if (nodeEnv === 'production') fail('JWT_SECRET', 'is required when NODE_ENV=production');
    secret = devJwtSecret(dataDir);
  }

  return {
    nodeEnv,
    port: intSetting(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    databaseMigrationUrl,
    embeddedPg: { port: intSetting(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535), dataDir },
    dbPoolSize: intSetting(env, 'DB_POOL_SIZE', 10, 1, 200),
    logLevel,
    bodyLimit,
    apiDocs: boolSetting(env, 'API_DOCS', nodeEnv !== 'production'),
    demoSeed: nodeEnv !== 'production' && boolSetting(env, 'DEMO_SEED', true),
    jwt: {
      secret,
      accessTtlSeconds: intSetting(env, 'JWT_ACCESS_TTL_SECONDS', 900, 30, 3600),
      refreshTtlSeconds: intSetting(env, 'JWT_REFRESH_TTL_SECONDS', 30 * 24 * 3600, 300, 90 * 24 * 3600),
    },
    // A school signs in from one public address at 08:00: the budget must fit hundreds of users.
    signInRateLimitPerMinute: intSetting(env, 'SIGN_IN_RATE_LIMIT_PER_MINUTE', 300, 1, 100000),
    trustProxy: trustProxySetting(env),
    jobsEnabled: boolSetting(env, 'JOBS_ENABLED', true),
    appBaseUrl: appBaseUrlSetting(env),
    mail: { smtpUrl: smtpUrlSetting(env), from: mailFromSetting(env) },
    consent: consentSettings(env),
    metricsToken: metricsTokenSetting(env),
    oidc: oidcSettings(env, nodeEnv),
    mfa: mfaSettings(env, nodeEnv),
    secretsKey: secretsKeySetting(env, nodeEnv, dataDir),
  };
}
