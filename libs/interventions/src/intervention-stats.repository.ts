import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EndedCourse } from './intervention-stats.rules';
import type { InterventionRow } from './intervention.repository';

interface EndedCourseRow {
  intervention_id: string;
  school_id: string;
  student_id: string;
  ended_on: string;
  end_reason: EndedCourse['endReason'];
  referred_behaviours: EndedCourse['referredBehaviours'];
  attendance_before_start: string | null;
  attendance_before_end: string | null;
  follow_ups: {
    months: number;
    new_intervention_for: EndedCourse['referredBehaviours'];
    school_or_work_20h: boolean;
  }[];
}

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** The SQL of the results per intervention: every read is scoped to one organisation. */
@Injectable()
export class InterventionStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async schoolIds(organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM agency WHERE organisation_id = $1 AND type = 'school' ORDER BY id`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  /** The organisation's interventions in the statistics: the active ones and any with a course ended in the period. */
  async interventions(organisationId: string, from: string, to: string, all = false): Promise<InterventionRow[]> {
    return this.dataSource.query(
      `SELECT i.* FROM intervention i
        WHERE i.organisation_id = $1
          AND ($4 OR i.active OR EXISTS (SELECT 1 FROM intervention_course c WHERE c.intervention_id = i.id
                                     AND c.ended_on BETWEEN $2::date AND $3::date))
        ORDER BY i.name, i.id`,
      [organisationId, from, to, all],
    );
  }

  async intervention(organisationId: string, id: string): Promise<InterventionRow | undefined> {
    const [row]: InterventionRow[] = await this.dataSource.query(
      `SELECT * FROM intervention WHERE id = $1 AND organisation_id = $2`,
      [id, organisationId],
    );
    return row;
  }

  /** Courses of the organisation's schools' cases that ended in the period, with their recorded follow-ups. */
  async endedCourses(organisationId: string, from: string, to: string): Promise<EndedCourse[]> {
    const rows: EndedCourseRow[] = await this.dataSource.query(
      `SELECT c.intervention_id, sc.school_id, sc.student_id, c.ended_on, c.end_reason,
              c.referred_behaviours, c.attendance_before_start, c.attendance_before_end,
              coalesce((SELECT json_agg(json_build_object('months', f.months, 'new_intervention_for', f.new_intervention_for,
                                                          'school_or_work_20h', f.school_or_work_20h))
                          FROM intervention_follow_up f WHERE f.course_id = c.id), '[]') AS follow_ups
         FROM intervention_course c
         JOIN support_case sc ON sc.id = c.case_id
         JOIN agency a ON a.id = sc.school_id
        WHERE a.organisation_id = $1 AND c.ended_on BETWEEN $2::date AND $3::date`,
      [organisationId, from, to],
    );
    return rows.map((r) => ({
      interventionId: r.intervention_id,
      schoolId: r.school_id,
      studentId: r.student_id,
      endedOn: r.ended_on,
      endReason: r.end_reason,
      referredBehaviours: r.referred_behaviours,
      attendanceBeforeStart: toNumber(r.attendance_before_start),
      attendanceBeforeEnd: toNumber(r.attendance_before_end),
      followUps: Object.fromEntries(
        r.follow_ups.map((f) => [
          f.months,
          { newInterventionFor: f.new_intervention_for, schoolOrWork20h: f.school_or_work_20h },
        ]),
      ),
    }));
  }

  /** The name of the school, or of the organisation when none is given. */
  async unitName(organisationId: string, schoolId: string | null): Promise<string> {
    const [row]: { name: string }[] = schoolId
      ? await this.dataSource.query(`SELECT name FROM agency WHERE id = $1`, [schoolId])
      : await this.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [organisationId]);
    return row?.name ?? '';
  }

  /** Whether the school is one of the organisation's. */
  async isSchoolOf(organisationId: string, schoolId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM agency WHERE id = $1 AND type = 'school' AND organisation_id = $2`,
      [schoolId, organisationId],
    );
    return rows.length > 0;
  }
}
