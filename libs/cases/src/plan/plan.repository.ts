import { EntityManager } from 'typeorm';
import type { ActionStatus, PlanDto } from './plan.dto';

/** SQL of the plan's per-action versions (the rest of the plan's SQL is still in plan.service.ts). */
export const planRepository = {
  /** True when every version after `version` is an agency's update of its own action. */
  async onlyActionUpdatesSince(manager: EntityManager, planId: string, version: number): Promise<boolean> {
    const [row]: { only: boolean }[] = await manager.query(
      `SELECT coalesce(bool_and(change = 'action.updated'), true) AS only
         FROM plan_version WHERE plan_id = $1 AND version > $2`,
      [planId, version],
    );
    return row.only;
  },

  /** The plan as it was in `version` (its stored snapshot), or null. */
  async snapshot(manager: EntityManager, planId: string, version: number): Promise<PlanDto | null> {
    const [row]: { snapshot: PlanDto }[] = await manager.query(
      `SELECT snapshot FROM plan_version WHERE plan_id = $1 AND version = $2`,
      [planId, version],
    );
    return row?.snapshot ?? null;
  },

  /** Each live action's version and status, by id. */
  async actionVersions(
    manager: EntityManager,
    planId: string,
  ): Promise<Map<string, { version: number; status: ActionStatus }>> {
    const rows: { id: string; version: number; status: ActionStatus }[] = await manager.query(
      `SELECT id, version, status FROM plan_action WHERE plan_id = $1 AND removed_at IS NULL`,
      [planId],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, status: r.status }]));
  },

  /** The newest version anyone agreed to, and whether the plan's content was replaced after it. */
  async agreementState(
    manager: EntityManager,
    planId: string,
  ): Promise<{ agreedVersion: number | null; changedSinceAgreement: boolean }> {
    const [row]: { agreed: number | null; changed: boolean }[] = await manager.query(
      `SELECT a.agreed, EXISTS (SELECT 1 FROM plan_version v
                                 WHERE v.plan_id = $1 AND v.version > a.agreed AND v.change = 'replaced') AS changed
         FROM (SELECT max(plan_version) AS agreed FROM plan_agreement WHERE plan_id = $1) a`,
      [planId],
    );
    return { agreedVersion: row.agreed, changedSinceAgreement: row.agreed !== null && row.changed };
  },
};
