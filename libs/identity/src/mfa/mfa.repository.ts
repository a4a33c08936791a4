import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The facts about a user the second factor needs. */
export interface MfaUserRow {
  id: string;
  username: string;
  active: boolean;
  roles: string[];
  agency_id: string;
  organisation_id: string;
}

export interface TotpRow {
  secret_sealed: string;
  confirmed_at: Date | null;
  last_step: string | null;
}

export interface ChallengeRow {
  id: string;
  user_id: string;
  purpose: 'verify' | 'enrol';
  method: 'password' | 'oidc';
  failures: number;
  expired: boolean;
  closed: boolean;
}

/** All SQL of the second factor: `user_totp`, `mfa_recovery_code`, `mfa_challenge`. */
@Injectable()
export class MfaRepository {
  async user(manager: EntityManager, userId: string): Promise<MfaUserRow | null> {
    const [row]: MfaUserRow[] = await manager.query(
      `SELECT u.id, u.username, u.active, u.roles, a.id AS agency_id, a.organisation_id
         FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** The user's TOTP factor, locked against a concurrent use of the same code. */
  async totp(manager: EntityManager, userId: string, lock = false): Promise<TotpRow | null> {
    const [row]: TotpRow[] = await manager.query(
      `SELECT secret_sealed, confirmed_at, last_step::text AS last_step FROM user_totp WHERE user_id = $1
       ${lock ? 'FOR UPDATE' : ''}`,
      [userId],
    );
    return row ?? null;
  }

  async hasConfirmedTotp(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  /** A new, unconfirmed secret (replacing an unconfirmed one). */
  async startTotp(manager: EntityManager, userId: string, sealed: string): Promise<void> {
    await manager.query(
      `INSERT INTO user_totp (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, created_at = now(),
              confirmed_at = NULL, last_step = NULL
        WHERE user_totp.confirmed_at IS NULL`,
      [userId, sealed],
    );
  }

  async confirmTotp(manager: EntityManager, userId: string, step: number, recoveryHashes: string[]): Promise<void> {
    await manager.query(`UPDATE user_totp SET confirmed_at = now(), last_step = $2 WHERE user_id = $1`, [userId, step]);
    await manager.query(`DELETE FROM mfa_recovery_code WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO mfa_recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      recoveryHashes,
    ]);
  }

  async acceptStep(manager: EntityManager, userId: string, step: number): Promise<void> {
    await manager.query(`UPDATE user_totp SET last_step = $2 WHERE user_id = $1`, [userId, step]);
  }

  /** Uses an unused recovery code; true when there was one. */
  async useRecoveryCode(manager: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH used AS (
         UPDATE mfa_recovery_code SET used_at = now()
          WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id
       )
       SELECT id FROM used`,
      [userId, codeHash],
    );
    return rows.length > 0;
  }

  /** Removes the user's second factor and voids open challenges (admin reset). True when there was one. */
  async removeFactor(manager: EntityManager, userId: string): Promise<boolean> {
    const removed: unknown[] = await manager.query(
      `WITH gone AS (DELETE FROM user_totp WHERE user_id = $1 RETURNING user_id) SELECT user_id FROM gone`,
      [userId],
    );
    await manager.query(`DELETE FROM mfa_recovery_code WHERE user_id = $1`, [userId]);
    await manager.query(
      `UPDATE mfa_challenge SET voided_at = now() WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
      [userId],
    );
    return removed.length > 0;
  }

  async openChallenge(
    manager: EntityManager,
    entry: { userId: string; tokenHash: string; purpose: 'verify' | 'enrol'; method: 'password' | 'oidc' },
    ttlSeconds: number,
  ): Promise<void> {
    await manager.query(`DELETE FROM mfa_challenge WHERE expires_at < now() - interval '1 day'`);
    await manager.query(
      `INSERT INTO mfa_challenge (user_id, token_hash, purpose, method, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [entry.userId, entry.tokenHash, entry.purpose, entry.method, ttlSeconds],
    );
  }

  /** A challenge by its token's hash, locked; `closed` when used or void. */
  async challenge(manager: EntityManager, tokenHash: string): Promise<ChallengeRow | null> {
    const [row]: ChallengeRow[] = await manager.query(
      `SELECT id, user_id, purpose, method, failures, expires_at <= now() AS expired,
              (used_at IS NOT NULL OR voided_at IS NOT NULL) AS closed
         FROM mfa_challenge WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return row ?? null;
  }

  async closeChallenge(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE mfa_challenge SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Counts a wrong code; the challenge is void at `max`. Returns whether it is now void. */
  async countFailure(manager: EntityManager, id: string, max: number): Promise<boolean> {
    const [row]: { voided: boolean }[] = await manager.query(
      `WITH counted AS (
         UPDATE mfa_challenge SET failures = failures + 1,
                voided_at = CASE WHEN failures + 1 >= $2 THEN now() ELSE voided_at END
          WHERE id = $1 RETURNING voided_at IS NOT NULL AS voided
       )
       SELECT voided FROM counted`,
      [id, max],
    );
    return row?.voided ?? false;
  }
}
