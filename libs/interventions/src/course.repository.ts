import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ATTENDANCE_SCHOOL_WEEKS, Behaviour, EndReason } from './intervention.rules';
import type { ProviderAgencyType } from './intervention.rules';
import { SqlRepository } from '@app/database';

/** A course with its intervention and who started and ended it. */
export interface CourseRow {
  id: string;
  case_id: string;
  intervention_id: string;
  intervention_name: string;
  provider_agency_type: ProviderAgencyType;
  evidence_based: boolean;
  intervention_active: boolean;
  started_on: string;
  referred_behaviours: Behaviour[];
  attendance_before_start: string | null;
  ended_on: string | null;
  end_reason: EndReason | null;
  attendance_before_end: string | null;
  started_by: string;
  started_by_name: string;
  ended_by: string | null;
  ended_by_name: string | null;
}

export interface CourseFollowUpRow {
  course_id: string;
  months: number;
  new_intervention_for: Behaviour[];
  school_or_work_20h: boolean;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

const COURSE_SELECT = `
  SELECT c.id, c.case_id, c.intervention_id, i.name AS intervention_name, i.provider_agency_type, i.evidence_based,
         i.active AS intervention_active, c.started_on, c.referred_behaviours,
         c.attendance_before_start, c.ended_on, c.end_reason, c.attendance_before_end,
         c.started_by, su.display_name AS started_by_name, c.ended_by, eu.display_name AS ended_by_name
    FROM intervention_course c
    JOIN intervention i ON i.id = c.intervention_id
    JOIN app_user su ON su.id = c.started_by
    LEFT JOIN app_user eu ON eu.id = c.ended_by`;

/** All SQL of pupils' courses of interventions and their follow-ups. */
@Injectable()
export class CourseRepository extends SqlRepository {
  async listForCase(manager: EntityManager, caseId: string): Promise<CourseRow[]> {
    return manager.query(`${COURSE_SELECT} WHERE c.case_id = $1 ORDER BY c.started_on, c.created_at, c.id`, [caseId]);
  }

  async followUpsForCase(manager: EntityManager, caseId: string): Promise<CourseFollowUpRow[]> {
    return manager.query(
      `SELECT f.course_id, f.months, f.new_intervention_for, f.school_or_work_20h, f.recorded_at, f.recorded_by,
              u.display_name AS recorded_by_name
         FROM intervention_follow_up f
         JOIN intervention_course c ON c.id = f.course_id
         JOIN app_user u ON u.id = f.recorded_by
        WHERE c.case_id = $1 ORDER BY f.months`,
      [caseId],
    );
  }

  /** One course of the case, locked for a change; undefined when the case has no such course. */
  async findInCaseForUpdate(manager: EntityManager, caseId: string, courseId: string): Promise<CourseRow | undefined> {
    const [row]: CourseRow[] = await manager.query(
      `${COURSE_SELECT} WHERE c.case_id = $1 AND c.id = $2 FOR UPDATE OF c`,
      [caseId, courseId],
    );
    return row;
  }

  /**
   * Whether the intervention may be used in a case of this school: it is in the catalogue of the
   * school's organisation and active.
   */
  async isUsable(manager: EntityManager, schoolId: string, interventionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM intervention i JOIN agency s ON s.organisation_id = i.organisation_id
        WHERE s.id = $1 AND i.id = $2 AND i.active`,
      [schoolId, interventionId],
    );
    return rows.length > 0;
  }

  /**
   * Attendance minutes in the most recent weeks with lessons before `before` (exclusive), at most a
   * year back: offered and absent minutes over those weeks, from the per-day aggregate.
   */
  async attendanceWeeks(
    manager: EntityManager,
    studentId: string,
    before: string,
  ): Promise<{ offered: number; absent: number; weeks: number }> {
    const [row] = await manager.query(
      `SELECT coalesce(sum(w.offered), 0)::int AS offered, coalesce(sum(w.absent), 0)::int AS absent, count(*)::int AS weeks
         FROM (SELECT date_trunc('week', d.day) AS week, sum(d.offered_minutes) AS offered,
                      sum(d.valid_absence_minutes + d.invalid_absence_minutes) AS absent
                 FROM attendance_day d
                WHERE d.student_id = $1 AND d.day < $2::date AND d.day >= $2::date - 365
                GROUP BY 1 HAVING sum(d.offered_minutes) > 0
                ORDER BY 1 DESC LIMIT $3) w`,
      [studentId, before, ATTENDANCE_SCHOOL_WEEKS],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    v: {
      caseId: string;
      interventionId: string;
      startedOn: string;
      referredBehaviours: Behaviour[];
      attendanceBeforeStart: number | null;
      startedBy: string;
    },
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO intervention_course (case_id, intervention_id, started_on, referred_behaviours, attendance_before_start,
                                        started_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [v.caseId, v.interventionId, v.startedOn, v.referredBehaviours, v.attendanceBeforeStart, v.startedBy],
    );
    return row.id;
  }

  async end(
    manager: EntityManager,
    courseId: string,
    v: { endedOn: string; reason: EndReason; attendanceBeforeEnd: number | null; endedBy: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE intervention_course SET ended_on = $2, end_reason = $3, attendance_before_end = $4, ended_by = $5,
              ended_at = now()
        WHERE id = $1`,
      [courseId, v.endedOn, v.reason, v.attendanceBeforeEnd, v.endedBy],
    );
  }

  async hasFollowUp(manager: EntityManager, courseId: string, months: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM intervention_follow_up WHERE course_id = $1 AND months = $2`,
      [courseId, months],
    );
    return rows.length > 0;
  }

  async insertFollowUp(
    manager: EntityManager,
    v: {
      courseId: string;
      months: number;
      newInterventionFor: Behaviour[];
      schoolOrWork20h: boolean;
      recordedBy: string;
    },
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO intervention_follow_up (course_id, months, new_intervention_for, school_or_work_20h, recorded_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [v.courseId, v.months, v.newInterventionFor, v.schoolOrWork20h, v.recordedBy],
    );
    return row.id;
  }
}
