import { consentInForceSql } from '@app/access';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlCondition } from '@app/access';
import { sqlRow, sqlRows, preparedRow, preparedRows, SqlRepository } from '@app/database';
import { actionEtagOf } from './etag';
import type { ActionDto, ActionStatus, AgreementDto, AgreementParticipant, GoalDto, PlanDto } from './plan.dto';
import { iso, PlanChange, versionSnapshot } from './plan.rules';

/** The plan row of a case, as locked (or read) before a change. */
export interface PlanLock {
  id: string;
  version: number;
}

interface PlanRow {
  id: string;
  case_id: string;
  version: number;
  pupil_view: string | null;
  guardian_view: string | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
  updated_by_name: string;
  review_dates: string[];
}

interface GoalRow {
  id: string;
  text: string;
  percent: number | null;
  by_date: string | null;
  target_text: string | null;
}

interface ActionRow {
  id: string;
  description: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  responsible_user_id: string | null;
  responsible_name: string | null;
  start_date: string | null;
  due_date: string;
  status: ActionStatus;
  version: number;
  intervention_id: string | null;
  updated_at: Date;
}

interface NoteRow {
  id: string;
  action_id: string;
  text: string;
  author_id: string;
  author_name: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  created_at: Date;
}

interface AgreementRow {
  id: string;
  participant: AgreementDto['participant'];
  agency_id: string | null;
  agency_name: string | null;
  agency_type: string | null;
  name: string;
  agreed_at: Date;
  plan_version: number;
  recorded_by: string;
  recorded_by_name: string;
}

/** One stored version of the plan: who changed it, from which agency, when. */
export interface VersionRow {
  version: number;
  change: string;
  changed_by: string;
  changed_by_name: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  changed_at: Date;
}

/** An action as the work list shows it: the plan's action row plus its case and due marks. */
export interface WorkListRow extends Omit<ActionRow, 'updated_at' | 'version'> {
  case_id: string;
  reference: string;
  due: boolean;
  overdue: boolean;
}

/** An action the caller wants to update, found in the case (not removed). */
export interface ActionInCaseRow {
  id: string;
  agency_id: string;
  status: ActionStatus;
  version: number;
}

/** An open action with its assignment (agency and person) as one comparable value. */
export interface AssignedActionRow {
  id: string;
  agency_id: string;
  responsible_user_id: string | null;
  due_date: string;
  assignment: string;
}

/** An intervention named by an action, and the actions of this plan that already use it. */
export interface InterventionUseRow {
  id: string;
  active: boolean;
  actions: string[];
}

/** The plan's own fields, as the coordinator's PUT writes them. */
export interface PlanFields {
  pupilView: string | null;
  guardianView: string | null;
  reviewDates: string[];
}

/** A goal as written: its place and target. */
export interface GoalValues {
  position: number;
  text: string;
  attendancePercent: number | null;
  byDate: string | null;
  targetText: string | null;
}

/** An action as written by the coordinator's PUT. */
export interface ActionValues {
  position: number;
  description: string;
  agencyId: string;
  responsibleUserId: string | null;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
  interventionId: string | null;
}

/** The work list's filter: whose actions, in which cases the caller may see, from where on. */
export interface WorkListFilter {
  today: string;
  dueSoonUntil: string;
  /** `user`: the actions given to the person; `agency`: those of the agency. */
  assignedTo: { user: string } | { agency: string };
  /** The caller's case scope, its parameters numbered from `firstParam`. */
  scope: (firstParam: number) => SqlCondition;
  /** An outside agency sees an action only where its consent covers `plan`. */
  consentOf: string | null;
  status?: ActionStatus;
  after: [unknown, unknown] | null;
  limit: number;
}

/** An action's assignment (agency and person) as one SQL value, compared across a plan PUT. */
const ASSIGNMENT = `agency_id || ':' || coalesce(responsible_user_id::text, '-')`;

const VERSION_SELECT = `
  SELECT v.version, v.change, v.changed_by, u.display_name AS changed_by_name,
         v.agency_id, a.name AS agency_name, a.type AS agency_type, v.changed_at
    FROM plan_version v
    JOIN app_user u ON u.id = v.changed_by
    JOIN agency a ON a.id = v.agency_id`;

/** A plan as a bulk writer gives it, with its id and creation; the keys are its columns. */
export interface PlanRecord {
  id: string;
  case_id: string;
  pupil_view: string | null;
  guardian_view: string | null;
  review_dates: string[];
  created_by: string;
  created_at: string;
}

/**
 * All SQL of the shared action plan: the plan row, its goals and actions, progress notes,
 * agreements, stored versions and the work list. Methods that run in a service's transaction take
 * it (`tx`) first.
 */
@Injectable()
export class PlanRepository extends SqlRepository {
  /** The plan as GET returns it (and as each version's snapshot keeps it), or null if none. */
  load(tx: EntityManager, caseId: string): Promise<PlanDto | null> {
    return loadPlan(tx, caseId);
  }

  /** The case's plan, locked until the transaction ends: every change of the plan waits here. */
  lockPlan(tx: EntityManager, caseId: string): Promise<PlanLock | null> {
    return sqlRow<PlanLock>(tx, `SELECT id, version FROM case_plan WHERE case_id = $1 FOR UPDATE`, [caseId]);
  }

  /** The case's plan id and current version (no lock). */
  planOf(tx: EntityManager, caseId: string): Promise<PlanLock | null> {
    return sqlRow<PlanLock>(tx, `SELECT id, version FROM case_plan WHERE case_id = $1`, [caseId]);
  }

  /** Creates the case's plan as version 1. */
  async insertPlan(tx: EntityManager, caseId: string, fields: PlanFields, userId: string): Promise<PlanLock> {
    return (await sqlRow<PlanLock>(
      tx,
      `INSERT INTO case_plan (case_id, version, pupil_view, guardian_view, review_dates, created_by, updated_by)
       VALUES ($1, 1, $2, $3, $4::date[], $5, $5) RETURNING id, version`,
      [caseId, fields.pupilView, fields.guardianView, fields.reviewDates, userId],
    ))!;
  }

  /** Replaces the plan's own fields and moves it to the next version. */
  async replacePlan(tx: EntityManager, planId: string, fields: PlanFields, userId: string): Promise<PlanLock> {
    return (await sqlRow<PlanLock>(
      tx,
      `UPDATE case_plan SET version = version + 1, pupil_view = $2, guardian_view = $3, review_dates = $4::date[],
              updated_by = $5, updated_at = now()
        WHERE id = $1 RETURNING id, version`,
      [planId, fields.pupilView, fields.guardianView, fields.reviewDates, userId],
    ))!;
  }

  /** Moves the plan to its next version (a change of an action or an agreement); answers the new version. */
  async bump(tx: EntityManager, planId: string, userId: string): Promise<number> {
    const row = await sqlRow<{ version: number }>(
      tx,
      `UPDATE case_plan SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1 RETURNING version`,
      [planId, userId],
    );
    return row!.version;
  }

  /**
   * Stores `version` with a snapshot of the plan as it now is, and answers that snapshot. A replace
   * after an agreement already counts as a change since (this version's own row is written here).
   */
  async saveVersion(
    tx: EntityManager,
    v: { caseId: string; planId: string; version: number; change: PlanChange; userId: string; agencyId: string },
  ): Promise<PlanDto> {
    const plan = versionSnapshot((await this.load(tx, v.caseId))!, v.change);
    await sqlRows(
      tx,
      `INSERT INTO plan_version (plan_id, version, snapshot, changed_by, agency_id, change) VALUES ($1, $2, $3, $4, $5, $6)`,
      [v.planId, v.version, JSON.stringify(plan), v.userId, v.agencyId, v.change],
    );
    return plan;
  }

  /** True when every version after `version` is an agency's update of its own action. */
  async onlyActionUpdatesSince(tx: EntityManager, planId: string, version: number): Promise<boolean> {
    const row = await sqlRow<{ only: boolean }>(
      tx,
      `SELECT coalesce(bool_and(change = 'action.updated'), true) AS only
         FROM plan_version WHERE plan_id = $1 AND version > $2`,
      [planId, version],
    );
    return row!.only;
  }

  /** The plan as it was in `version` (its stored snapshot), or null. */
  async snapshot(tx: EntityManager, planId: string, version: number): Promise<PlanDto | null> {
    const row = await sqlRow<{ snapshot: PlanDto }>(
      tx,
      `SELECT snapshot FROM plan_version WHERE plan_id = $1 AND version = $2`,
      [planId, version],
    );
    return row?.snapshot ?? null;
  }

  /** Each live action's version and status, by id. */
  async actionVersions(
    tx: EntityManager,
    planId: string,
  ): Promise<Map<string, { version: number; status: ActionStatus }>> {
    const rows = await sqlRows<{ id: string; version: number; status: ActionStatus }>(
      tx,
      `SELECT id, version, status FROM plan_action WHERE plan_id = $1 AND removed_at IS NULL`,
      [planId],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, status: r.status }]));
  }

  /** The newest version anyone agreed to, and whether the plan's content was replaced after it. */
  agreementState(
    tx: EntityManager,
    planId: string,
  ): Promise<{ agreedVersion: number | null; changedSinceAgreement: boolean }> {
    return agreementState(tx, planId);
  }

  /* ---------- checks of a PUT against the case ---------- */

  /** Which of `ids` are goals (or actions) of the plan; none while there is no plan. */
  async idsInPlan(
    tx: EntityManager,
    table: 'plan_goal' | 'plan_action',
    planId: string | null,
    ids: string[],
  ): Promise<Set<string>> {
    if (!planId || !ids.length) return new Set<string>();
    const rows = await sqlRows<{ id: string }>(
      tx,
      `SELECT id FROM ${table} WHERE plan_id = $1 AND id = ANY ($2::uuid[])`,
      [planId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The active users among `ids`, with their agency. */
  async activeUsers(tx: EntityManager, ids: string[]): Promise<{ id: string; agency_id: string }[]> {
    if (!ids.length) return [];
    return sqlRows(tx, `SELECT id, agency_id FROM app_user WHERE id = ANY ($1::uuid[]) AND active`, [ids]);
  }

  /**
   * The interventions among `ids` in the catalogue of the school's organisation, whether active,
   * and which actions of the plan already use each.
   */
  async interventionsInCatalogue(
    tx: EntityManager,
    schoolId: string,
    ids: string[],
    planId: string | null,
  ): Promise<InterventionUseRow[]> {
    if (!ids.length) return [];
    return sqlRows(
      tx,
      `SELECT i.id, i.active,
              ARRAY(SELECT pa.id FROM plan_action pa WHERE pa.plan_id = $3 AND pa.intervention_id = i.id) AS actions
         FROM intervention i JOIN agency s ON s.id = $1 AND s.organisation_id = i.organisation_id
        WHERE i.id = ANY ($2::uuid[])`,
      [schoolId, ids, planId],
    );
  }

  /* ---------- goals and actions of a PUT ---------- */

  /** Marks removed every live goal not in `keep`. */
  async removeGoalsExcept(tx: EntityManager, planId: string, keep: string[]): Promise<void> {
    await sqlRows(
      tx,
      `UPDATE plan_goal SET removed_at = now() WHERE plan_id = $1 AND removed_at IS NULL AND NOT (id = ANY ($2::uuid[]))`,
      [planId, keep],
    );
  }

  async updateGoal(tx: EntityManager, goalId: string, g: GoalValues): Promise<void> {
    await sqlRows(
      tx,
      `UPDATE plan_goal SET position = $2, text = $3, target_attendance_percent = $4, target_date = $5,
              target_text = $6, removed_at = NULL
        WHERE id = $1`,
      [goalId, g.position, g.text, g.attendancePercent, g.byDate, g.targetText],
    );
  }

  async insertGoal(tx: EntityManager, planId: string, g: GoalValues): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO plan_goal (plan_id, position, text, target_attendance_percent, target_date, target_text)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [planId, g.position, g.text, g.attendancePercent, g.byDate, g.targetText],
    );
  }

  /** Marks removed every live action not in `keep`. */
  async removeActionsExcept(tx: EntityManager, planId: string, keep: string[]): Promise<void> {
    await sqlRows(
      tx,
      `UPDATE plan_action SET removed_at = now(), updated_at = now()
        WHERE plan_id = $1 AND removed_at IS NULL AND NOT (id = ANY ($2::uuid[]))`,
      [planId, keep],
    );
  }

  /** Writes a kept action; its updated_at and version move only when the action itself changed (not its place). */
  async updateAction(tx: EntityManager, actionId: string, a: ActionValues): Promise<void> {
    await sqlRows(
      tx,
      `UPDATE plan_action SET position = $2, description = $3, agency_id = $4, responsible_user_id = $5,
              start_date = $6, due_date = $7, status = $8, intervention_id = $9, removed_at = NULL,
              updated_at = CASE WHEN removed_at IS NOT NULL
                OR (description, agency_id, responsible_user_id, start_date, due_date, status, intervention_id)
                   IS DISTINCT FROM ($3, $4::uuid, $5::uuid, $6::date, $7::date, $8, $9::uuid)
                THEN now() ELSE updated_at END,
              version = CASE WHEN removed_at IS NOT NULL
                OR (description, agency_id, responsible_user_id, start_date, due_date, status, intervention_id)
                   IS DISTINCT FROM ($3, $4::uuid, $5::uuid, $6::date, $7::date, $8, $9::uuid)
                THEN version + 1 ELSE version END
        WHERE id = $1`,
      [actionId, ...actionParams(a)],
    );
  }

  async insertAction(tx: EntityManager, planId: string, caseId: string, a: ActionValues): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO plan_action (plan_id, case_id, position, description, agency_id, responsible_user_id,
                                start_date, due_date, status, intervention_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [planId, caseId, ...actionParams(a)],
    );
  }

  /** Who each live action of the plan is given to (agency and person), by action id. */
  async assignments(tx: EntityManager, planId: string): Promise<Map<string, string>> {
    const rows = await sqlRows<{ id: string; assignment: string }>(
      tx,
      `SELECT id, ${ASSIGNMENT} AS assignment FROM plan_action WHERE plan_id = $1 AND removed_at IS NULL`,
      [planId],
    );
    return new Map(rows.map((r) => [r.id, r.assignment]));
  }

  /** The plan's open (planned or in progress) actions with their assignment. */
  openActions(tx: EntityManager, planId: string): Promise<AssignedActionRow[]> {
    return sqlRows(
      tx,
      `SELECT id, agency_id, responsible_user_id, due_date,
                ${ASSIGNMENT} AS assignment FROM plan_action
          WHERE plan_id = $1 AND removed_at IS NULL AND status IN ('planned', 'in_progress')`,
      [planId],
    );
  }

  /* ---------- an agency's update of its action ---------- */

  /** The live action `actionId` of the case's plan, or null. */
  actionInCase(tx: EntityManager, caseId: string, actionId: string): Promise<ActionInCaseRow | null> {
    return sqlRow(
      tx,
      `SELECT pa.id, pa.agency_id, pa.status, pa.version FROM plan_action pa JOIN case_plan p ON p.id = pa.plan_id
        WHERE pa.id = $1 AND p.case_id = $2 AND pa.removed_at IS NULL`,
      [actionId, caseId],
    );
  }

  /** Sets the action's status and moves its version; updated_at moves only when the status changed. */
  async setActionStatus(tx: EntityManager, actionId: string, status: ActionStatus): Promise<void> {
    await sqlRows(
      tx,
      `UPDATE plan_action SET version = version + 1, status = $2,
              updated_at = CASE WHEN status IS DISTINCT FROM $2 THEN now() ELSE updated_at END
        WHERE id = $1`,
      [actionId, status],
    );
  }

  async insertNote(
    tx: EntityManager,
    n: { actionId: string; authorId: string; agencyId: string; text: string },
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO plan_action_note (action_id, author_id, agency_id, text) VALUES ($1, $2, $3, $4) RETURNING id`,
      [n.actionId, n.authorId, n.agencyId, n.text],
    );
    return row!.id;
  }

  /* ---------- agreement ---------- */

  async insertAgreement(
    tx: EntityManager,
    g: {
      planId: string;
      planVersion: number;
      participant: AgreementParticipant;
      agencyId: string | null;
      name: string;
      agreedAt: Date;
      recordedBy: string;
    },
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO plan_agreement (plan_id, plan_version, participant, agency_id, name, agreed_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [g.planId, g.planVersion, g.participant, g.agencyId, g.name, g.agreedAt, g.recordedBy],
    );
    return row!.id;
  }

  /** The case's first agreement ends its lead time; later ones leave it. */
  async markCaseAgreed(tx: EntityManager, caseId: string, agreedAt: Date): Promise<void> {
    await sqlRows(tx, `UPDATE support_case SET plan_agreed_at = $2 WHERE id = $1 AND plan_agreed_at IS NULL`, [
      caseId,
      agreedAt,
    ]);
  }

  /* ---------- versions and the work list ---------- */

  /** The plan's versions, newest first, older than `before` (when given). */
  versions(tx: EntityManager, planId: string, before: number | null, limit: number): Promise<VersionRow[]> {
    return sqlRows(
      tx,
      `${VERSION_SELECT} WHERE v.plan_id = $1 AND ($2::bigint IS NULL OR v.version < $2::bigint)
        ORDER BY v.version DESC LIMIT $3`,
      [planId, before, limit],
    );
  }

  /** Version `n` of the case's plan with its snapshot, or null. */
  version(tx: EntityManager, caseId: string, n: number): Promise<(VersionRow & { snapshot: PlanDto }) | null> {
    return sqlRow(
      tx,
      `${VERSION_SELECT.replace('SELECT', 'SELECT v.snapshot,')}
        JOIN case_plan p ON p.id = v.plan_id WHERE p.case_id = $1 AND v.version = $2`,
      [caseId, n],
    );
  }

  /** The live actions given to a person or an agency, in open cases of the caller's scope, by due date. */
  workList(tx: EntityManager, f: WorkListFilter): Promise<WorkListRow[]> {
    const mine = 'user' in f.assignedTo;
    const params: unknown[] = [
      f.today,
      f.dueSoonUntil,
      'user' in f.assignedTo ? f.assignedTo.user : f.assignedTo.agency,
    ];
    const where = [
      'pa.removed_at IS NULL',
      `c.status <> 'closed'`,
      mine ? 'pa.responsible_user_id = $3' : 'pa.agency_id = $3',
    ];
    const scope = f.scope(params.length + 1);
    where.push(scope.sql);
    params.push(...scope.params);
    if (f.consentOf !== null) {
      params.push(f.consentOf);
      where.push(consentInForceSql('c.id', `$${params.length}`, '$1', 'now()', `'plan'`));
    }
    if (f.status) {
      params.push(f.status);
      where.push(`pa.status = $${params.length}`);
    }
    if (f.after) {
      params.push(f.after[0], f.after[1]);
      where.push(`(pa.due_date, pa.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(f.limit);
    // Prepared: its few shapes (mine or agency's, a status, a cursor, the caller's scope) each get
    // one name, and the work list is read by every agency on every visit.
    return preparedRows(
      tx,
      `SELECT pa.id, pa.case_id, c.reference, pa.description, pa.agency_id, a.name AS agency_name, a.type AS agency_type,
              pa.responsible_user_id, u.display_name AS responsible_name,
              pa.start_date, pa.due_date,
              pa.status,
              (pa.status NOT IN ('done', 'cancelled') AND pa.due_date BETWEEN $1::date AND $2::date) AS due,
              (pa.status NOT IN ('done', 'cancelled') AND pa.due_date < $1::date) AS overdue
         FROM plan_action pa
         JOIN support_case c ON c.id = pa.case_id
         JOIN agency a ON a.id = pa.agency_id
         LEFT JOIN app_user u ON u.id = pa.responsible_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY pa.due_date, pa.id
        LIMIT $${params.length}`,
      params,
    );
  }

  /** Creates plans as version 1 with their ids and creation times (a bulk writer: the demo seed). */
  async insertPlans(tx: EntityManager, rows: PlanRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO case_plan (id, case_id, version, pupil_view, guardian_view, review_dates, created_by, created_at,
                              updated_by, updated_at)
       SELECT id, case_id, 1, pupil_view, guardian_view, review_dates, created_by, created_at, created_by, created_at
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, case_id uuid, pupil_view text, guardian_view text, review_dates date[], created_by uuid,
                 created_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Stores a version of the plan as it now is, changed at `at` (the plan's version and time move
   * there too), and answers the snapshot. The demo seed's way to write a plan's history.
   */
  async saveVersionAt(
    tx: EntityManager,
    v: { caseId: string; planId: string; version: number; change: PlanChange; userId: string; agencyId: string },
    at: string,
  ): Promise<PlanDto> {
    await sqlRows(tx, `UPDATE case_plan SET version = $2, updated_at = $3 WHERE id = $1`, [v.planId, v.version, at]);
    const plan = (await this.load(tx, v.caseId))!;
    await sqlRows(
      tx,
      `INSERT INTO plan_version (plan_id, version, snapshot, changed_by, agency_id, change, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [v.planId, v.version, JSON.stringify(plan), v.userId, v.agencyId, v.change, at],
    );
    return plan;
  }
}

const actionParams = (a: ActionValues): unknown[] => [
  a.position,
  a.description,
  a.agencyId,
  a.responsibleUserId,
  a.startDate,
  a.dueDate,
  a.status,
  a.interventionId,
];

async function agreementState(
  tx: EntityManager,
  planId: string,
): Promise<{ agreedVersion: number | null; changedSinceAgreement: boolean }> {
  const row = (await preparedRow<{ agreed: number | null; changed: boolean }>(
    tx,
    `SELECT a.agreed, EXISTS (SELECT 1 FROM plan_version v
                               WHERE v.plan_id = $1 AND v.version > a.agreed AND v.change = 'replaced') AS changed
       FROM (SELECT max(plan_version) AS agreed FROM plan_agreement WHERE plan_id = $1) a`,
    [planId],
  ))!;
  return { agreedVersion: row.agreed, changedSinceAgreement: row.agreed !== null && row.changed };
}

/**
 * The plan as GET returns it (and as each version's snapshot keeps it), or null if none. A plain
 * function too, for the demo seed and the register extract, which read it in their own transaction.
 */
export async function loadPlan(tx: EntityManager, caseId: string): Promise<PlanDto | null> {
  const p = await preparedRow<PlanRow>(
    tx,
    `SELECT p.id, p.case_id, p.version, p.pupil_view, p.guardian_view, p.created_at, p.updated_at,
          p.updated_by, u.display_name AS updated_by_name,
          ARRAY(SELECT d FROM unnest(p.review_dates) AS d ORDER BY d) AS review_dates
     FROM case_plan p JOIN app_user u ON u.id = p.updated_by
    WHERE p.case_id = $1`,
    [caseId],
  );
  if (!p) return null;
  const goals = await preparedRows<GoalRow>(
    tx,
    `SELECT id, text, target_attendance_percent::float8 AS percent, target_date AS by_date,
          target_text
     FROM plan_goal WHERE plan_id = $1 AND removed_at IS NULL ORDER BY position, id`,
    [p.id],
  );
  const actions = await preparedRows<ActionRow>(
    tx,
    `SELECT pa.id, pa.description, pa.agency_id, a.name AS agency_name, a.type AS agency_type,
          pa.responsible_user_id, u.display_name AS responsible_name,
          pa.start_date, pa.due_date,
          pa.status, pa.version, pa.intervention_id, pa.updated_at
     FROM plan_action pa
     JOIN agency a ON a.id = pa.agency_id
     LEFT JOIN app_user u ON u.id = pa.responsible_user_id
    WHERE pa.plan_id = $1 AND pa.removed_at IS NULL
    ORDER BY pa.position, pa.id`,
    [p.id],
  );
  const notes = await preparedRows<NoteRow>(
    tx,
    `SELECT n.id, n.action_id, n.text, n.author_id, u.display_name AS author_name,
          n.agency_id, a.name AS agency_name, a.type AS agency_type, n.created_at
     FROM plan_action_note n
     JOIN plan_action pa ON pa.id = n.action_id
     JOIN app_user u ON u.id = n.author_id
     JOIN agency a ON a.id = n.agency_id
    WHERE pa.plan_id = $1 AND pa.removed_at IS NULL
    ORDER BY n.created_at, n.id`,
    [p.id],
  );
  const agreements = await preparedRows<AgreementRow>(
    tx,
    `SELECT g.id, g.participant, g.agency_id, a.name AS agency_name, a.type AS agency_type, g.name, g.agreed_at,
          g.plan_version, g.recorded_by, u.display_name AS recorded_by_name
     FROM plan_agreement g
     LEFT JOIN agency a ON a.id = g.agency_id
     JOIN app_user u ON u.id = g.recorded_by
    WHERE g.plan_id = $1
    ORDER BY g.agreed_at, array_position(ARRAY['pupil', 'guardian', 'agency'], g.participant), g.name, g.id`,
    [p.id],
  );
  const agreement = await agreementState(tx, p.id);
  return {
    id: p.id,
    caseId: p.case_id,
    version: p.version,
    agreedVersion: agreement.agreedVersion,
    changedSinceAgreement: agreement.changedSinceAgreement,
    goals: goals.map(toGoalDto),
    actions: actions.map((r) => toActionDto(r, notes)),
    pupilView: p.pupil_view,
    guardianView: p.guardian_view,
    reviewDates: p.review_dates,
    agreements: agreements.map(toAgreementDto),
    createdAt: iso(p.created_at)!,
    updatedBy: { id: p.updated_by, displayName: p.updated_by_name },
    updatedAt: iso(p.updated_at)!,
  };
}

const toGoalDto = (g: GoalRow): GoalDto => ({
  id: g.id,
  text: g.text,
  target:
    g.percent === null && g.by_date === null && g.target_text === null
      ? null
      : { attendancePercent: g.percent, byDate: g.by_date, text: g.target_text },
});

const toActionDto = (r: ActionRow, notes: NoteRow[]): ActionDto => ({
  id: r.id,
  description: r.description,
  agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
  responsible: r.responsible_user_id ? { id: r.responsible_user_id, displayName: r.responsible_name! } : null,
  startDate: r.start_date,
  dueDate: r.due_date,
  status: r.status,
  version: r.version,
  etag: actionEtagOf(r.version),
  interventionId: r.intervention_id,
  updatedAt: iso(r.updated_at)!,
  progressNotes: notes
    .filter((n) => n.action_id === r.id)
    .map((n) => ({
      id: n.id,
      text: n.text,
      author: { id: n.author_id, displayName: n.author_name },
      agency: { id: n.agency_id, name: n.agency_name, type: n.agency_type },
      createdAt: iso(n.created_at)!,
    })),
});

const toAgreementDto = (g: AgreementRow): AgreementDto => ({
  id: g.id,
  participant: g.participant,
  agency: g.agency_id ? { id: g.agency_id, name: g.agency_name!, type: g.agency_type! } : null,
  name: g.name,
  agreedAt: iso(g.agreed_at)!,
  planVersion: g.plan_version,
  recordedBy: { id: g.recorded_by, displayName: g.recorded_by_name },
});
