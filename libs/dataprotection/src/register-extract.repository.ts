import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * All SQL of the register extract (GDPR art. 15): every table that holds something about one
 * pupil, read in one repeatable-read transaction by RegisterExtractService. Only reads; each
 * method takes the transaction's manager.
 */

export interface ExtractStudentRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  school_id: string;
  school_name: string;
  personnummer: string;
  first_name: string;
  last_name: string;
  grade: number;
  class_name: string;
  external_id: string | null;
  protected_identity: boolean;
  created_at: Date;
  version: number;
}

export interface ExtractGuardianRow {
  id: string;
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
  created_at: Date;
}

export interface ExtractChangeRow {
  field: string;
  old_value: unknown;
  new_value: unknown;
  source: 'user' | 'sync';
  changed_by_name: string | null;
  changed_at: Date;
}

export interface ExtractLessonRow {
  lesson_date: string;
  start_time: string;
  offered_minutes: number;
  attended_minutes: number;
  valid_absence_minutes: number;
  invalid_absence_minutes: number;
  reason: string | null;
  source: string;
}

export interface ExtractFlagRow {
  id: string;
  text: string;
  status: string;
  snapshot: unknown;
  created_by_name: string;
  created_at: Date;
  triaged_by_name: string | null;
  triaged_at: Date | null;
  dismiss_reason: string | null;
  notes: { text: string; by: string; at: string }[];
}

export interface ExtractInvestigationRow {
  id: string;
  started_on: string;
  huvudman_informed_on: string | null;
  recorded_by_name: string;
  created_at: Date;
}

export interface ExtractNoticeRow {
  absence_date: string;
  method: string;
  informed_at: Date;
  recorded_by_name: string;
}

export interface ExtractCaseRow {
  id: string;
  reference: string;
  status: string;
  coordinator_name: string;
  first_signal_on: string | null;
  opened_at: Date;
  plan_agreed_at: Date | null;
  closed_at: Date | null;
  outcome: string | null;
  close_reason: string | null;
}

export interface ExtractEventRow {
  case_id: string;
  at: Date;
  kind: string;
  actor_name: string | null;
  agency_name: string | null;
  data: Record<string, unknown>;
}

export interface ExtractConsentRow {
  id: string;
  case_id: string;
  agency_name: string;
  given_by: string;
  given_by_name: string;
  scope: string[];
  given_at: string;
  valid_until: string | null;
  withdrawn_at: Date | null;
  recorded_by_name: string;
}

export interface ExtractMobilisationRow {
  id: string;
  case_id: string;
  agency_name: string;
  message: string | null;
  invited_by_name: string;
  invited_at: Date;
  deadline: string;
  status: string;
  representative_name: string | null;
  responded_at: Date | null;
  decline_reason: string | null;
}

export interface ExtractMeetingRow {
  id: string;
  case_id: string;
  starts_at: Date;
  place: string | null;
  agency_names: string[];
  pupil_present: boolean;
  guardians_present: boolean;
  minutes: string | null;
  decisions: string | null;
}

export interface ExtractMappingRow {
  id: string;
  case_id: string;
  section: string;
  agency_name: string;
  author_name: string;
  text: string;
  created_at: Date;
  updated_at: Date;
}

export interface ExtractPlanVersionRow {
  case_id: string;
  version: number;
  change: string;
  changed_by_name: string;
  agency_name: string;
  changed_at: Date;
  snapshot: unknown;
}

export interface ExtractReviewRow {
  id: string;
  case_id: string;
  reviewed_on: string;
  attendance_before_percent: number | null;
  attendance_after_percent: number | null;
  goal_reached: boolean;
  decisions: string | null;
  recorded_by_name: string;
}

export interface ExtractFollowUpRow {
  id: string;
  case_id: string;
  months: number;
  due_on: string;
  recorded_at: Date | null;
  attendance_percent: number | null;
  school_or_work_20h: boolean | null;
  new_interventions: string[] | null;
  note: string | null;
}

export interface ExtractCourseRow {
  id: string;
  case_id: string;
  intervention_name: string;
  started_on: string;
  referred_behaviours: string[];
  attendance_before_start: number | null;
  started_by_name: string;
  ended_on: string | null;
  end_reason: string | null;
  attendance_before_end: number | null;
  follow_ups: {
    months: number;
    new_intervention_for: string[];
    school_or_work_20h: boolean;
    recorded_at: string;
    recorded_by: string;
  }[];
}

export interface ExtractAccessRow {
  at: Date;
  action: string;
  subject_type: string;
  user_name: string | null;
  agency_name: string | null;
  organisation_name: string | null;
}

/** A period of days (YYYY-MM-DD), either end open. */
export interface Period {
  from?: string;
  to?: string;
}

/** The ids under one pupil that the access log may name as subjects. */
export interface ExtractSubjectIds {
  ids: string[];
}

@Injectable()
export class RegisterExtractRepository {
  async student(manager: EntityManager, id: string): Promise<ExtractStudentRow | null> {
    const [row] = (await manager.query(
      `SELECT s.id, s.organisation_id, o.name AS organisation_name, s.school_id, a.name AS school_name, s.personnummer,
              s.first_name, s.last_name, s.grade, s.class_name, s.external_id, s.protected_identity, s.created_at,
              s.version
         FROM student s JOIN agency a ON a.id = s.school_id JOIN organisation o ON o.id = s.organisation_id
        WHERE s.id = $1`,
      [id],
    )) as ExtractStudentRow[];
    return row ?? null;
  }

  guardians(manager: EntityManager, studentId: string): Promise<ExtractGuardianRow[]> {
    return manager.query(
      `SELECT id, name, relation, phone, email, created_at FROM guardian WHERE student_id = $1 ORDER BY created_at, id`,
      [studentId],
    );
  }

  /** Rectifications (art. 16): every earlier value and who changed it. */
  changes(manager: EntityManager, studentId: string): Promise<ExtractChangeRow[]> {
    return manager.query(
      `SELECT c.field, c.old_value, c.new_value, c.source, u.display_name AS changed_by_name, c.changed_at
         FROM student_change c LEFT JOIN app_user u ON u.id = c.changed_by
        WHERE c.student_id = $1 ORDER BY c.id`,
      [studentId],
    );
  }

  /** The first and last day with attendance, or null when there is none. */
  async attendanceSpan(manager: EntityManager, studentId: string): Promise<{ from: string; to: string } | null> {
    const [row]: { from: string | null; to: string | null }[] = await manager.query(
      `SELECT min(day) AS from, max(day) AS to FROM attendance_day WHERE student_id = $1`,
      [studentId],
    );
    return row?.from && row.to ? { from: row.from, to: row.to } : null;
  }

  /**
   * The pupil's lessons in a period (either end open), the newest `limit` of them, oldest first,
   * and how many the period holds: years of lessons never come back in one answer.
   */
  async lessons(
    manager: EntityManager,
    studentId: string,
    period: Period,
    limit: number,
  ): Promise<{ rows: ExtractLessonRow[]; total: number }> {
    const where = `student_id = $1 AND ($2::date IS NULL OR lesson_date >= $2) AND ($3::date IS NULL OR lesson_date <= $3)`;
    const params = [studentId, period.from ?? null, period.to ?? null];
    const [{ total }] = (await manager.query(
      `SELECT count(*)::int AS total FROM attendance_lesson WHERE ${where}`,
      params,
    )) as { total: number }[];
    const rows: ExtractLessonRow[] = await manager.query(
      `SELECT * FROM (
         SELECT lesson_date, to_char(start_time, 'HH24:MI') AS start_time, offered_minutes,
                attended_minutes, valid_absence_minutes, invalid_absence_minutes, reason, source
           FROM attendance_lesson WHERE ${where} ORDER BY lesson_date DESC, start_time DESC LIMIT $4) newest
        ORDER BY lesson_date, start_time`,
      [...params, limit],
    );
    return { rows, total };
  }

  flags(manager: EntityManager, studentId: string): Promise<ExtractFlagRow[]> {
    return manager.query(
      `SELECT f.id, f.text, f.status, f.snapshot, cu.display_name AS created_by_name, f.created_at,
              tu.display_name AS triaged_by_name, f.triaged_at, f.dismiss_reason,
              COALESCE((SELECT json_agg(json_build_object('text', n.text, 'by', nu.display_name, 'at', n.created_at)
                                        ORDER BY n.created_at, n.id)
                          FROM absence_flag_note n JOIN app_user nu ON nu.id = n.created_by
                         WHERE n.flag_id = f.id), '[]') AS notes
         FROM absence_flag f JOIN app_user cu ON cu.id = f.created_by LEFT JOIN app_user tu ON tu.id = f.triaged_by
        WHERE f.student_id = $1 ORDER BY f.created_at, f.id`,
      [studentId],
    );
  }

  investigations(manager: EntityManager, studentId: string): Promise<ExtractInvestigationRow[]> {
    return manager.query(
      `SELECT i.id, i.started_on, i.huvudman_informed_on,
              u.display_name AS recorded_by_name, i.created_at
         FROM absence_investigation i JOIN app_user u ON u.id = i.recorded_by
        WHERE i.student_id = $1 ORDER BY i.started_on, i.id`,
      [studentId],
    );
  }

  guardianNotices(manager: EntityManager, studentId: string): Promise<ExtractNoticeRow[]> {
    return manager.query(
      `SELECT g.absence_date, g.method, g.informed_at, u.display_name AS recorded_by_name
         FROM guardian_notice g JOIN app_user u ON u.id = g.recorded_by
        WHERE g.student_id = $1 ORDER BY g.absence_date`,
      [studentId],
    );
  }

  cases(manager: EntityManager, studentId: string): Promise<ExtractCaseRow[]> {
    return manager.query(
      `SELECT c.id, c.reference, c.status, u.display_name AS coordinator_name, c.first_signal_on,
              c.opened_at, c.plan_agreed_at, c.closed_at, c.outcome, c.close_reason
         FROM support_case c JOIN app_user u ON u.id = c.coordinator_id
        WHERE c.student_id = $1 ORDER BY c.opened_at, c.id`,
      [studentId],
    );
  }

  timeline(manager: EntityManager, caseIds: string[]): Promise<ExtractEventRow[]> {
    return manager.query(
      `SELECT e.case_id, e.at, e.kind, u.display_name AS actor_name, a.name AS agency_name, e.data
         FROM case_event e LEFT JOIN app_user u ON u.id = e.actor_id LEFT JOIN agency a ON a.id = e.agency_id
        WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.id`,
      [caseIds],
    );
  }

  consents(manager: EntityManager, caseIds: string[]): Promise<ExtractConsentRow[]> {
    return manager.query(
      `SELECT c.id, c.case_id, a.name AS agency_name, c.given_by, c.given_by_name, c.scope, c.given_at,
              c.valid_until, c.withdrawn_at, u.display_name AS recorded_by_name
         FROM consent c JOIN agency a ON a.id = c.agency_id JOIN app_user u ON u.id = c.recorded_by
        WHERE c.case_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
      [caseIds],
    );
  }

  mobilisations(manager: EntityManager, caseIds: string[]): Promise<ExtractMobilisationRow[]> {
    return manager.query(
      `SELECT m.id, m.case_id, a.name AS agency_name, m.message, iu.display_name AS invited_by_name, m.invited_at,
              m.deadline, m.status, ru.display_name AS representative_name, m.responded_at,
              m.decline_reason
         FROM mobilisation m JOIN agency a ON a.id = m.agency_id JOIN app_user iu ON iu.id = m.invited_by
         LEFT JOIN app_user ru ON ru.id = m.representative_id
        WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.invited_at, m.id`,
      [caseIds],
    );
  }

  meetings(manager: EntityManager, caseIds: string[]): Promise<ExtractMeetingRow[]> {
    return manager.query(
      `SELECT m.id, m.case_id, m.starts_at, m.place,
              ARRAY(SELECT a.name FROM agency a WHERE a.id = ANY(m.agency_ids) ORDER BY a.name) AS agency_names,
              m.pupil_present, m.guardians_present, m.minutes, m.decisions
         FROM case_meeting m WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.starts_at, m.id`,
      [caseIds],
    );
  }

  mapping(manager: EntityManager, caseIds: string[]): Promise<ExtractMappingRow[]> {
    return manager.query(
      `SELECT m.id, m.case_id, m.section, a.name AS agency_name, u.display_name AS author_name, m.text, m.created_at,
              m.updated_at
         FROM mapping_contribution m JOIN agency a ON a.id = m.agency_id JOIN app_user u ON u.id = m.author_id
        WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.created_at, m.id`,
      [caseIds],
    );
  }

  /** Every stored version of the cases' plans, oldest first, with its snapshot. */
  planVersions(manager: EntityManager, caseIds: string[]): Promise<ExtractPlanVersionRow[]> {
    return manager.query(
      `SELECT p.case_id, v.version, v.change, u.display_name AS changed_by_name, a.name AS agency_name, v.changed_at,
              v.snapshot
         FROM plan_version v JOIN case_plan p ON p.id = v.plan_id JOIN app_user u ON u.id = v.changed_by
         JOIN agency a ON a.id = v.agency_id
        WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, v.version`,
      [caseIds],
    );
  }

  reviews(manager: EntityManager, caseIds: string[]): Promise<ExtractReviewRow[]> {
    return manager.query(
      `SELECT r.id, r.case_id, r.reviewed_on,
              r.attendance_before_percent::float8 AS attendance_before_percent,
              r.attendance_after_percent::float8 AS attendance_after_percent, r.goal_reached, r.decisions,
              u.display_name AS recorded_by_name
         FROM plan_review r JOIN app_user u ON u.id = r.recorded_by
        WHERE r.case_id = ANY($1::uuid[]) ORDER BY r.reviewed_on, r.id`,
      [caseIds],
    );
  }

  followUps(manager: EntityManager, caseIds: string[]): Promise<ExtractFollowUpRow[]> {
    return manager.query(
      `SELECT f.id, f.case_id, f.months, f.due_on, f.recorded_at,
              f.attendance_percent::float8 AS attendance_percent, f.school_or_work_20h, f.new_interventions, f.note
         FROM case_follow_up f WHERE f.case_id = ANY($1::uuid[]) ORDER BY f.case_id, f.months`,
      [caseIds],
    );
  }

  courses(manager: EntityManager, caseIds: string[]): Promise<ExtractCourseRow[]> {
    return manager.query(
      `SELECT c.id, c.case_id, i.name AS intervention_name, c.started_on,
              c.referred_behaviours, c.attendance_before_start::float8 AS attendance_before_start,
              su.display_name AS started_by_name, c.ended_on, c.end_reason,
              c.attendance_before_end::float8 AS attendance_before_end,
              COALESCE((SELECT json_agg(json_build_object('months', f.months,
                                                          'new_intervention_for', f.new_intervention_for,
                                                          'school_or_work_20h', f.school_or_work_20h,
                                                          'recorded_at', f.recorded_at, 'recorded_by', fu.display_name)
                                        ORDER BY f.months)
                          FROM intervention_follow_up f JOIN app_user fu ON fu.id = f.recorded_by
                         WHERE f.course_id = c.id), '[]') AS follow_ups
         FROM intervention_course c JOIN intervention i ON i.id = c.intervention_id
         JOIN app_user su ON su.id = c.started_by
        WHERE c.case_id = ANY($1::uuid[]) ORDER BY c.started_on, c.id`,
      [caseIds],
    );
  }

  /**
   * Every id the access log may name about this pupil: the pupil, its flags, investigations,
   * cases and everything under them (the subject types of RESPONSIBLE_ORGANISATION in libs/access).
   */
  async subjectIds(manager: EntityManager, studentId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH c AS (SELECT id FROM support_case WHERE student_id = $1)
       SELECT $1::text AS id
       UNION ALL SELECT id::text FROM absence_flag WHERE student_id = $1
       UNION ALL SELECT id::text FROM absence_investigation WHERE student_id = $1
       UNION ALL SELECT id::text FROM c
       UNION ALL SELECT id::text FROM consent WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM mobilisation WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM case_meeting WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM mapping_contribution WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM case_plan WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT pa.id::text FROM plan_action pa JOIN case_plan p ON p.id = pa.plan_id WHERE p.case_id IN (SELECT id FROM c)
       UNION ALL SELECT ag.id::text FROM plan_agreement ag JOIN case_plan p ON p.id = ag.plan_id WHERE p.case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM plan_review WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM case_follow_up WHERE case_id IN (SELECT id FROM c)
       UNION ALL SELECT id::text FROM intervention_course WHERE case_id IN (SELECT id FROM c)`,
      [studentId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Who has read or changed the pupil's data (art. 15(1)(c)): the allowed rows of the access log
   * naming any of `subjectIds`, oldest first, with the reader's name, agency and organisation.
   */
  async accessLog(
    manager: EntityManager,
    subjectIds: string[],
    period: Period,
    limit: number,
  ): Promise<{ rows: ExtractAccessRow[]; total: number }> {
    // A period of Swedish calendar days, both ends included.
    const where = `l.subject_ids && $1::text[] AND l.outcome = 'allowed'
       AND ($2::date IS NULL OR l.at >= ($2::date::timestamp AT TIME ZONE 'Europe/Stockholm'))
       AND ($3::date IS NULL OR l.at < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'))`;
    const params = [subjectIds, period.from ?? null, period.to ?? null];
    const [{ total }] = (await manager.query(
      `SELECT count(*)::int AS total FROM access_log l WHERE ${where}`,
      params,
    )) as { total: number }[];
    const rows: ExtractAccessRow[] = await manager.query(
      `SELECT * FROM (
         SELECT l.id, l.at, l.action, l.subject_type, u.display_name AS user_name, a.name AS agency_name,
                o.name AS organisation_name
           FROM access_log l
           LEFT JOIN app_user u ON u.id = l.user_id
           LEFT JOIN agency a ON a.id = l.agency_id
           LEFT JOIN organisation o ON o.id = l.organisation_id
          WHERE ${where}
          ORDER BY l.id DESC LIMIT $4) newest
        ORDER BY id`,
      [...params, limit],
    );
    return { rows, total };
  }
}
