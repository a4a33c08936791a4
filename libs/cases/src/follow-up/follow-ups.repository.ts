import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlCount, sqlRow, sqlRows, SqlRepository } from '@app/database';
import { FOLLOW_UP_MONTHS } from './follow-ups.rules';

export interface FollowUpRow {
  id: string;
  case_id: string;
  months: number;
  due_on: string;
  recorded_at: Date | null;
  attendance_percent: string | null;
  school_or_work_20h: boolean | null;
  new_interventions: string[] | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

/** A follow-up as scheduled. */
export interface ScheduledFollowUpRow {
  id: string;
  months: number;
  due_on: string;
}

/** What is recorded at a follow-up. */
export interface FollowUpRecord {
  recordedBy: string;
  attendancePercent: number | null;
  schoolOrWork20h: boolean;
  newInterventions: string[];
  note: string | null;
}

const FOLLOW_UP_SELECT = `SELECT f.id, f.case_id, f.months, f.due_on, f.recorded_at,
         f.attendance_percent, f.school_or_work_20h, f.new_interventions, f.note, f.recorded_by, u.display_name AS recorded_by_name
    FROM case_follow_up f LEFT JOIN app_user u ON u.id = f.recorded_by`;

/**
 * Schedules the case's follow-ups 6 and 18 months after `closedOn`, in the caller's transaction;
 * those already scheduled stay as they are. Answers the ones scheduled now. A function of its own
 * (not only a method) because closing a case schedules them in the cases service's transaction.
 */
export function insertFollowUpSchedule(
  tx: EntityManager,
  caseId: string,
  closedOn: string,
): Promise<ScheduledFollowUpRow[]> {
  return sqlRows<ScheduledFollowUpRow>(
    tx,
    `INSERT INTO case_follow_up (case_id, months, due_on)
     SELECT $1, m, ($2::date + make_interval(months => m))::date FROM unnest($3::int[]) AS m
     ON CONFLICT ON CONSTRAINT case_follow_up_key DO NOTHING
     RETURNING id, months, due_on`,
    [caseId, closedOn, FOLLOW_UP_MONTHS],
  );
}

/** All SQL of the follow-ups after closure (case_follow_up). */
@Injectable()
export class FollowUpsRepository extends SqlRepository {
  /**
   * The case's follow-ups by months. For an outside agency (`outsideAgencyType` set) only the
   * recorded ones that name its kind of agency for a new intervention.
   */
  listForCase(caseId: string, outsideAgencyType: string | null): Promise<FollowUpRow[]> {
    const outside = outsideAgencyType !== null;
    return sqlRows<FollowUpRow>(
      this.dataSource.manager,
      `${FOLLOW_UP_SELECT} WHERE f.case_id = $1
         ${outside ? 'AND f.recorded_at IS NOT NULL AND $2 = ANY (f.new_interventions)' : ''}
        ORDER BY f.months`,
      outside ? [caseId, outsideAgencyType] : [caseId],
    );
  }

  /** The case's follow-up at `months`, locked for recording; null when not scheduled. */
  findForUpdate(tx: EntityManager, caseId: string, months: number): Promise<FollowUpRow | null> {
    return sqlRow<FollowUpRow>(tx, `${FOLLOW_UP_SELECT} WHERE f.case_id = $1 AND f.months = $2 FOR UPDATE OF f`, [
      caseId,
      months,
    ]);
  }

  /** When the (closed) case was closed. */
  async caseClosedAt(tx: EntityManager, caseId: string): Promise<Date> {
    const row = await sqlRow<{ closed_at: Date }>(tx, `SELECT closed_at FROM support_case WHERE id = $1`, [caseId]);
    return row!.closed_at;
  }

  async record(tx: EntityManager, id: string, record: FollowUpRecord): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE case_follow_up SET recorded_at = now(), recorded_by = $2, attendance_percent = $3, school_or_work_20h = $4,
              new_interventions = $5, note = $6
        WHERE id = $1`,
      [id, record.recordedBy, record.attendancePercent, record.schoolOrWork20h, record.newInterventions, record.note],
    );
  }
}
