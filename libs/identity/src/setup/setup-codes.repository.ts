import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlCount, sqlRow, sqlRows, SqlRepository } from '@app/database';

/** A code that still works: not used, not voided, not expired. */
export interface OpenSetupCodeRow {
  id: string;
  code_hash: string;
}

/** All SQL of `user_setup_code`. */
@Injectable()
export class SetupCodesRepository extends SqlRepository {
  /** Voids the user's codes that are neither used nor voided. */
  async voidOpen(tx: EntityManager, userId: string): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE user_setup_code SET voided_at = now() WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
      [userId],
    );
  }

  /** Stores a new code's hash, valid `ttlHours` from now. */
  async insert(
    tx: EntityManager,
    code: { userId: string; codeHash: string; issuedBy: string; ttlHours: number },
  ): Promise<{ id: string; expires_at: Date }> {
    const row = await sqlRow<{ id: string; expires_at: Date }>(
      tx,
      `INSERT INTO user_setup_code (user_id, code_hash, issued_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id, expires_at`,
      [code.userId, code.codeHash, code.issuedBy, code.ttlHours],
    );
    return row!;
  }

  open(tx: EntityManager, userId: string): Promise<OpenSetupCodeRow[]> {
    return sqlRows<OpenSetupCodeRow>(
      tx,
      `SELECT id, code_hash FROM user_setup_code
              WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()`,
      [userId],
    );
  }

  async markUsed(tx: EntityManager, id: string): Promise<void> {
    await sqlCount(tx, `UPDATE user_setup_code SET used_at = now() WHERE id = $1`, [id]);
  }
}
