import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlCount, sqlRow, sqlRows, SqlRepository } from '@app/database';

/** A consent with its agency's name. */
export interface ConsentRow {
  id: string;
  agency_id: string;
  agency_name: string;
  given_by: string;
  given_by_name: string;
  scope: string[];
  given_at: string;
  valid_until: string;
  document_reference: string | null;
  withdrawn_at: Date | null;
}

export interface NewConsent {
  caseId: string;
  agencyId: string;
  givenBy: string;
  givenByName: string;
  scope: string[];
  givenAt: string;
  validUntil: string;
  documentReference: string | null;
  recordedBy: string;
}

const CONSENT_SELECT = `SELECT k.id, k.agency_id, a.name AS agency_name, k.given_by, k.given_by_name, k.scope,
                               k.given_at, k.valid_until,
                               k.document_reference, k.withdrawn_at
                          FROM consent k JOIN agency a ON a.id = k.agency_id`;

/** All SQL of consents (samtycken). Whether one is in force is `consentInForce` / `consentInForceSql` in @app/access. */
@Injectable()
export class ConsentsRepository extends SqlRepository {
  /** The case's consents in the order recorded; with `agencyId`, only that agency's. */
  async listForCase(db: EntityManager, caseId: string, agencyId: string | null): Promise<ConsentRow[]> {
    return sqlRows<ConsentRow>(
      db,
      `${CONSENT_SELECT} WHERE k.case_id = $1 ${agencyId !== null ? 'AND k.agency_id = $2' : ''} ORDER BY k.created_at, k.id`,
      agencyId !== null ? [caseId, agencyId] : [caseId],
    );
  }

  async find(db: EntityManager, consentId: string): Promise<ConsentRow | null> {
    return sqlRow<ConsentRow>(db, `${CONSENT_SELECT} WHERE k.id = $1`, [consentId]);
  }

  async agencyExists(db: EntityManager, agencyId: string): Promise<boolean> {
    return (await sqlRow(db, `SELECT type FROM agency WHERE id = $1`, [agencyId])) !== null;
  }

  async insert(tx: EntityManager, c: NewConsent): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, valid_until, document_reference, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        c.caseId,
        c.agencyId,
        c.givenBy,
        c.givenByName,
        c.scope,
        c.givenAt,
        c.validUntil,
        c.documentReference,
        c.recordedBy,
      ],
    );
    return row!.id;
  }

  /** The consent of the case, row locked for a withdrawal; null when the case has no such consent. */
  async findForWithdrawal(
    tx: EntityManager,
    caseId: string,
    consentId: string,
  ): Promise<{ withdrawn_at: Date | null } | null> {
    return sqlRow(tx, `SELECT withdrawn_at FROM consent WHERE id = $1 AND case_id = $2 FOR UPDATE`, [
      consentId,
      caseId,
    ]);
  }

  async withdraw(tx: EntityManager, consentId: string): Promise<void> {
    await sqlCount(tx, `UPDATE consent SET withdrawn_at = now() WHERE id = $1`, [consentId]);
  }
}
