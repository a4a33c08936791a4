import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlCount, sqlRow, SqlRepository } from '@app/database';

/** A refresh token presented for rotation, with what the rotation needs of its user. */
export interface PresentedTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  active: boolean;
  agency_id: string;
  organisation_id: string;
}

/** All SQL of `refresh_token`: a login is a family of refresh tokens, each used once. */
@Injectable()
export class SessionsRepository extends SqlRepository {
  /** Stores a new refresh token's hash in the family, valid `ttlSeconds` from now. */
  async insert(
    tx: EntityManager,
    token: { userId: string; familyId: string; tokenHash: string; ttlSeconds: number },
  ): Promise<void> {
    await sqlCount(
      tx,
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [token.userId, token.familyId, token.tokenHash, token.ttlSeconds],
    );
  }

  /** The token with this hash, locked so that it is rotated once. */
  presented(tx: EntityManager, tokenHash: string): Promise<PresentedTokenRow | null> {
    return sqlRow<PresentedTokenRow>(
      tx,
      `SELECT t.id, t.user_id, t.family_id, t.expires_at, t.used_at, t.revoked_at, u.active, a.id AS agency_id, a.organisation_id
           FROM refresh_token t JOIN app_user u ON u.id = t.user_id JOIN agency a ON a.id = u.agency_id
          WHERE t.token_hash = $1 FOR UPDATE OF t`,
      [tokenHash],
    );
  }

  async markUsed(tx: EntityManager, id: string): Promise<void> {
    await sqlCount(tx, `UPDATE refresh_token SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Ends one login: every token of the family. */
  async revokeFamily(tx: EntityManager, familyId: string): Promise<void> {
    await sqlCount(tx, `UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1`, [
      familyId,
    ]);
  }

  /** Ends every login of the user. */
  async revokeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await sqlCount(tx, `UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE user_id = $1`, [
      userId,
    ]);
  }
}
