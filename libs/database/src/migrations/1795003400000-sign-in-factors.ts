import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on through the organisation's OpenID provider and a second factor (TOTP) for
 * local accounts (issue 20).
 *
 * - `oidc_sign_in`: one sign-in through the provider, from the redirect to the exchange of its
 *   one-time code: the SHA-256 of `state` and of the browser's binding cookie, the `nonce` and the
 *   PKCE `code_verifier` (10 minutes), then the user found and the SHA-256 of the one-time code the
 *   web app exchanges (2 minutes, once).
 * - `user_totp`: a user's TOTP secret, sealed (AES-256-GCM), confirmed once a code was shown; the
 *   last time step accepted (a code works once).
 * - `mfa_recovery_code`: ten per enrolment, SHA-256 only, each used once.
 * - `mfa_challenge`: the short-lived opaque token between the first factor and the second
 *   (`verify`: the TOTP step; `enrol`: good only for enrolling), SHA-256 only, void after five
 *   wrong codes.
 */
export class SignInFactors1795003400000 implements MigrationInterface {
  name = 'SignInFactors1795003400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE oidc_sign_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state_hash text NOT NULL,
        browser_hash text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        completed_at timestamptz,
        user_id uuid REFERENCES app_user (id),
        second_factor boolean NOT NULL DEFAULT false,
        exchange_hash text,
        exchange_expires_at timestamptz,
        exchanged_at timestamptz,
        CONSTRAINT oidc_sign_in_state_key UNIQUE (state_hash),
        CONSTRAINT oidc_sign_in_exchange_key UNIQUE (exchange_hash),
        CONSTRAINT oidc_sign_in_exchange_check CHECK ((exchange_hash IS NULL) = (exchange_expires_at IS NULL))
      )`);
    await db.query(`CREATE INDEX oidc_sign_in_expires_idx ON oidc_sign_in (expires_at)`);
    await db.query(`
      CREATE TABLE user_totp (
        user_id uuid PRIMARY KEY REFERENCES app_user (id),
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        last_step bigint
      )`);
    await db.query(`
      CREATE TABLE mfa_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT mfa_recovery_code_key UNIQUE (user_id, code_hash)
      )`);
    await db.query(`
      CREATE TABLE mfa_challenge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        token_hash text NOT NULL,
        purpose text NOT NULL,
        method text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        voided_at timestamptz,
        CONSTRAINT mfa_challenge_token_key UNIQUE (token_hash),
        CONSTRAINT mfa_challenge_purpose_check CHECK (purpose IN ('verify', 'enrol')),
        CONSTRAINT mfa_challenge_method_check CHECK (method IN ('password', 'oidc'))
      )`);
    await db.query(`CREATE INDEX mfa_challenge_user_idx ON mfa_challenge (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mfa_challenge, mfa_recovery_code, user_totp, oidc_sign_in`);
  }
}
