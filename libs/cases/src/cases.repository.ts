import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consentInForceSql } from '@app/access';
import type { Caller, SqlCondition } from '@app/access';
import { swedishDaySql } from '@app/calendar';
import { sqlCount, sqlRow, sqlRows, preparedRows, SqlRepository } from '@app/database';
import type { CaseStatus } from './case-access';
import { LEAD_TIMES_SELECT, leadTimeDaysSql } from './lead-times.sql';

/** A case with its school, pupil and coordinator, as the case answers show it. */
export interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  school_id: string;
  school_name: string;
  student_id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  personnummer: string;
  coordinator_id: string;
  coordinator_name: string;
  opened_at: Date;
  closed_at: Date | null;
  flag_id: string | null;
  outcome: string | null;
  close_reason: string | null;
}

/** A case of the list, with whether the caller may see the pupil's name in it. */
export interface CaseListRow extends CaseRow {
  summary_visible: boolean;
}

/** The facts of a case the access layer decides on, in one row. */
export interface CaseFactsRow {
  id: string;
  reference: string;
  student_id: string;
  school_id: string;
  organisation_id: string;
  coordinator_id: string;
  status: CaseStatus;
  protected_identity: boolean;
  /** Agencies whose invitation is not declined. */
  mobilised: string[];
  consents: {
    agency_id: string;
    scope: string[];
    given_at: string;
    valid_until: string | null;
    withdrawn_at: string | null;
  }[];
  /** Agencies of the kinds a recorded follow-up names for new interventions. */
  follow_up_agencies: string[];
}

export interface TimelineEventRow {
  id: string;
  at: Date;
  kind: string;
  data: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
  agency_name: string | null;
}

/** A case's steps in time (LEAD_TIMES_SELECT). */
export interface LeadTimesRow {
  first_signal_on: string | null;
  flagged_at: Date | null;
  opened_at: Date;
  first_accepted_at: Date | null;
  first_meeting_at: Date | null;
  plan_agreed_at: Date | null;
}

export interface LeadTimeMeasureRow {
  measure: string;
  cases: number;
  median: number | null;
  p90: number | null;
}

export interface NewCase {
  studentId: string;
  schoolId: string;
  coordinatorId: string;
  flagId: string | null;
  flaggedAt: Date | null;
  firstSignalOn: string | null;
}

/** The case list's filters and page, the caller's scope already a condition. */
export interface CaseListFilter {
  /** `scopeCondition(caller, 'case', 'c.id', 1)`: its parameters come first. */
  scope: SqlCondition;
  /** The caller's agency (the pupil's name shows for the school and with consent for case_summary). */
  agencyId: string;
  today: string;
  status?: CaseStatus;
  /** After (opened_at, id) of the last case of the previous page. */
  cursor?: unknown[] | null;
  limit: number;
}

const CASE_SELECT = `SELECT c.id, c.reference, c.status, c.school_id, a.name AS school_name, c.student_id, s.first_name,
                            s.last_name, s.class_name, s.personnummer, c.coordinator_id, u.display_name AS coordinator_name,
                            c.opened_at, c.closed_at, c.flag_id, c.outcome, c.close_reason`;
const CASE_FROM = `FROM support_case c JOIN agency a ON a.id = c.school_id JOIN student s ON s.id = c.student_id
                   JOIN app_user u ON u.id = c.coordinator_id`;

/**
 * Appends one event to a case's timeline (append-only: a trigger refuses updates and deletes).
 * `data` holds ids and short facts, never free text about the pupil's health.
 */
export async function insertCaseEvent(
  tx: EntityManager,
  caseId: string,
  caller: Caller | null,
  kind: string,
  data: Record<string, unknown>,
): Promise<void> {
  await sqlCount(tx, `INSERT INTO case_event (case_id, actor_id, agency_id, kind, data) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    caller?.userId ?? null,
    caller?.agencyId ?? null,
    kind,
    JSON.stringify(data),
  ]);
}

/** A case as a bulk writer (the demo seed) gives it, with its id and reference; the keys are its columns. */
export interface CaseRecord {
  id: string;
  reference: string;
  student_id: string;
  school_id: string;
  coordinator_id: string;
  status: CaseStatus;
  opened_at: string;
  first_signal_on: string;
  closed_at: string | null;
  outcome: string | null;
  close_reason: string | null;
}

/** A timeline event as a bulk writer gives it, with its time; the keys are its columns. */
export interface CaseEventRecord {
  case_id: string;
  at: string;
  actor_id: string | null;
  agency_id: string | null;
  kind: string;
  data: Record<string, unknown>;
}

/** All SQL of the case aggregate: the case row, its access facts, its timeline and lead times. */
@Injectable()
export class CasesRepository extends SqlRepository {
  /**
   * The case with its mobilised agencies, consents and the agencies its follow-ups name, in one
   * round trip; `lock` takes the case row (only) FOR UPDATE.
   */
  /** On every case request: prepared, so PostgreSQL plans it once per connection (see preparedRows). */
  async findFacts(db: EntityManager, caseId: string, lock = false): Promise<CaseFactsRow | null> {
    const [row] = await preparedRows<CaseFactsRow>(
      db,
      `SELECT c.id, c.reference, c.student_id, c.school_id, sa.organisation_id, c.coordinator_id, c.status, s.protected_identity,
              ARRAY(SELECT m.agency_id FROM mobilisation m WHERE m.case_id = c.id AND m.status <> 'declined') AS mobilised,
              coalesce((SELECT json_agg(json_build_object(
                                'agency_id', k.agency_id, 'scope', k.scope,
                                'given_at', k.given_at,
                                'valid_until', k.valid_until,
                                'withdrawn_at', k.withdrawn_at))
                          FROM consent k WHERE k.case_id = c.id), '[]') AS consents,
              -- A recorded follow-up names the kinds of agency needed for new interventions.
              ARRAY(SELECT DISTINCT a.id FROM case_follow_up f JOIN agency a ON a.type = ANY (f.new_interventions)
                     WHERE f.case_id = c.id AND f.recorded_at IS NOT NULL) AS follow_up_agencies
         FROM support_case c JOIN student s ON s.id = c.student_id JOIN agency sa ON sa.id = c.school_id
        WHERE c.id = $1
       ${lock ? 'FOR UPDATE OF c' : ''}`,
      [caseId],
    );
    return row ?? null;
  }

  async findCase(db: EntityManager, caseId: string): Promise<CaseRow | null> {
    const [row] = await preparedRows<CaseRow>(db, `${CASE_SELECT} ${CASE_FROM} WHERE c.id = $1`, [caseId]);
    return row ?? null;
  }

  /**
   * The cases the scope lets the caller see, newest first, one more than the page. Prepared (see
   * preparedRows): planning it took 0.45 ms (school) and 1.2 ms (agency, with the consent and
   * invitation checks) against 0.1–0.2 ms to run it. One text per scope form, status and cursor.
   */
  async list(db: EntityManager, filter: CaseListFilter): Promise<CaseListRow[]> {
    const params: unknown[] = [...filter.scope.params];
    const where = [filter.scope.sql];
    if (filter.status) {
      params.push(filter.status);
      where.push(`c.status = $${params.length}`);
    }
    if (filter.cursor) {
      params.push(...filter.cursor);
      where.push(`(c.opened_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.agencyId, filter.today, filter.limit + 1);
    const n = params.length;
    const agency = `$${n - 2}`;
    // The pupil's name shows for the school, and for an agency whose consent in force covers case_summary.
    return preparedRows<CaseListRow>(
      db,
      `${CASE_SELECT},
              (c.school_id = ${agency} OR ${consentInForceSql('c.id', agency, `$${n - 1}`, 'now()', `'case_summary'`)})
                AS summary_visible
       ${CASE_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY c.opened_at DESC, c.id DESC LIMIT $${n}`,
      params,
    );
  }

  /** Serialises openings for one pupil until the transaction ends (two at once: one case, one 409). */
  async lockOpeningFor(tx: EntityManager, studentId: string): Promise<void> {
    await sqlRows(tx, `SELECT pg_advisory_xact_lock(hashtext('case-open:' || $1))`, [studentId]);
  }

  /** The reference of the pupil's open case, if there is one. */
  async findOpenReference(tx: EntityManager, studentId: string): Promise<string | null> {
    const row = await sqlRow<{ reference: string }>(
      tx,
      `SELECT reference FROM support_case WHERE student_id = $1 AND status <> 'closed'`,
      [studentId],
    );
    return row?.reference ?? null;
  }

  /**
   * The first day of the last 12 weeks up to `today` on which the pupil's absence over the 4
   * weeks up to it reached `percent` of the offered time (YYYY-MM-DD), or null.
   */
  async firstSignalOn(tx: EntityManager, studentId: string, today: string, percent: number): Promise<string | null> {
    const row = await sqlRow<{ first_signal_on: string | null }>(
      tx,
      `SELECT min(day) AS first_signal_on FROM (
         SELECT day, sum(valid_absence_minutes + invalid_absence_minutes) OVER w AS absent, sum(offered_minutes) OVER w AS offered
           FROM attendance_day WHERE student_id = $1 AND day BETWEEN $2::date - 111 AND $2::date
         WINDOW w AS (ORDER BY day RANGE BETWEEN interval '27 days' PRECEDING AND CURRENT ROW)) x
        WHERE day >= $2::date - 84 AND offered > 0 AND absent * 100 >= offered * $3`,
      [studentId, today, percent],
    );
    return row?.first_signal_on ?? null;
  }

  /** Inserts the case with the next reference (NT-<year>-<number>); answers its id. */
  async insert(tx: EntityManager, c: NewCase): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO support_case (reference, student_id, school_id, coordinator_id, flag_id, flagged_at, first_signal_on)
       VALUES ('NT-' || to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('support_case_reference_seq')::text, 4, '0'),
               $1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [c.studentId, c.schoolId, c.coordinatorId, c.flagId, c.flaggedAt, c.firstSignalOn],
    );
    return row!.id;
  }

  /** Moves the case; closing sets the time, outcome and reason, any other move clears them. */
  async setStatus(
    tx: EntityManager,
    caseId: string,
    status: CaseStatus,
    close: { outcome: string | null; reason: string | null } | null,
  ): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE support_case SET status = $2, closed_at = CASE WHEN $3 THEN now() END,
              outcome = CASE WHEN $3 THEN $4 END, close_reason = CASE WHEN $3 THEN $5 END
        WHERE id = $1`,
      [caseId, status, close !== null, close?.outcome ?? null, close?.reason ?? null],
    );
  }

  async setCoordinator(tx: EntityManager, caseId: string, coordinatorId: string): Promise<void> {
    await sqlCount(tx, `UPDATE support_case SET coordinator_id = $2 WHERE id = $1`, [caseId, coordinatorId]);
  }

  /** An active elevhälsa user of the school (who may coordinate its cases). */
  async isCoordinatorCandidate(tx: EntityManager, userId: string, schoolId: string): Promise<boolean> {
    const row = await sqlRow(
      tx,
      `SELECT 1 FROM app_user WHERE id = $1 AND agency_id = $2 AND active AND 'elevhalsa' = ANY (roles)`,
      [userId, schoolId],
    );
    return row !== null;
  }

  recordEvent(
    tx: EntityManager,
    caseId: string,
    caller: Caller | null,
    kind: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    return insertCaseEvent(tx, caseId, caller, kind, data);
  }

  /**
   * The case's events in order after `afterId`, one more than the page. With `onlyAgencyId`,
   * consent and invitation events show only where they concern that agency.
   */
  async timeline(
    db: EntityManager,
    caseId: string,
    page: { limit: number; afterId: unknown; onlyAgencyId: string | null },
  ): Promise<TimelineEventRow[]> {
    const params: unknown[] = [caseId, page.limit + 1, ...(page.afterId !== null ? [page.afterId] : [])];
    let own = '';
    if (page.onlyAgencyId !== null) {
      params.push(page.onlyAgencyId);
      own = `AND ((e.kind NOT LIKE 'consent.%' AND e.kind NOT LIKE 'mobilisation.%') OR e.data->>'agencyId' = $${params.length})`;
    }
    return sqlRows<TimelineEventRow>(
      db,
      `SELECT e.id::text, e.at, e.kind, e.data, e.actor_id, u.display_name AS actor_name, e.agency_id, a.name AS agency_name
         FROM case_event e LEFT JOIN app_user u ON u.id = e.actor_id LEFT JOIN agency a ON a.id = e.agency_id
        WHERE e.case_id = $1 ${page.afterId !== null ? 'AND e.id > $3' : ''} ${own}
        ORDER BY e.id LIMIT $2`,
      params,
    );
  }

  async leadTimes(db: EntityManager, caseId: string): Promise<LeadTimesRow> {
    return (await sqlRow<LeadTimesRow>(db, `${LEAD_TIMES_SELECT} WHERE c.id = $1`, [caseId]))!;
  }

  /** Median and 90th percentile of each measure over the cases the school opened from `from` to `to`. */
  async schoolLeadTimes(db: EntityManager, schoolId: string, from: string, to: string): Promise<LeadTimeMeasureRow[]> {
    return sqlRows<LeadTimeMeasureRow>(
      db,
      `WITH lt AS (${LEAD_TIMES_SELECT} WHERE c.school_id = $1 AND ${swedishDaySql('c.opened_at')} BETWEEN $2 AND $3),
            days AS (${leadTimeDaysSql('lt')})
       SELECT measure, count(d)::int AS cases,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS p90
         FROM days GROUP BY measure, o ORDER BY o`,
      [schoolId, from, to],
    );
  }

  /** Inserts cases with their ids, references and state, in one statement (a bulk writer: the demo seed). */
  async insertCases(tx: EntityManager, rows: CaseRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO support_case (id, reference, student_id, school_id, coordinator_id, status, opened_at, first_signal_on,
                                 closed_at, outcome, close_reason)
       SELECT id, reference, student_id, school_id, coordinator_id, status, opened_at, first_signal_on, closed_at, outcome,
              close_reason
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, reference text, student_id uuid, school_id uuid, coordinator_id uuid, status text,
                 opened_at timestamptz, first_signal_on date, closed_at timestamptz, outcome text, close_reason text)`,
      [JSON.stringify(rows)],
    );
  }

  /** Appends events to case timelines with their times, in one statement and in the order given. */
  async insertEvents(tx: EntityManager, rows: CaseEventRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO case_event (case_id, at, actor_id, agency_id, kind, data)
       SELECT case_id, at, actor_id, agency_id, kind, data
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                           AS (case_id uuid, at timestamptz, actor_id uuid, agency_id uuid, kind text, data jsonb))
              WITH ORDINALITY AS r (case_id, at, actor_id, agency_id, kind, data, n)
        ORDER BY n`,
      [JSON.stringify(rows)],
    );
  }
}
