import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRows, SqlRepository } from '@app/database';

/** An organisation's override of one rule's defaults. */
export interface AbsenceRuleRow {
  kind: string;
  enabled: boolean;
  params: Record<string, unknown>;
  updated_at: Date;
}

export interface RuleOverrideWrite {
  organisationId: string;
  kind: string;
  enabled: boolean;
  params: Record<string, unknown>;
  updatedBy: string;
}

/** The SQL of organisations' absence rule overrides (`absence_rule`). */
@Injectable()
export class AbsenceRulesRepository extends SqlRepository {
  overrides(tx: EntityManager, organisationId: string): Promise<AbsenceRuleRow[]> {
    return sqlRows(tx, `SELECT kind, enabled, params, updated_at FROM absence_rule WHERE organisation_id = $1`, [
      organisationId,
    ]);
  }

  async save(tx: EntityManager, rule: RuleOverrideWrite): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO absence_rule (organisation_id, kind, enabled, params, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (organisation_id, kind) DO UPDATE
          SET enabled = excluded.enabled, params = excluded.params, updated_by = excluded.updated_by,
              updated_at = excluded.updated_at`,
      [rule.organisationId, rule.kind, rule.enabled, JSON.stringify(rule.params), rule.updatedBy],
    );
  }
}
