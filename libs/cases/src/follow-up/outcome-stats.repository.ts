import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { swedishDaySql } from '@app/calendar';
import { sqlRow, sqlRows } from '@app/database';
import { LEAD_TIMES_SELECT, leadTimeDaysSql } from '../lead-times.sql';
import { NEW_INTERVENTIONS } from './follow-ups.rules';
import { FOLLOW_UP_FLAGS, FollowUpFlag } from './outcome-stats.rules';

/** A row of an aggregate over GROUPING SETS: one school's, or (total) the whole organisation's. */
export interface UnitRow {
  school_id: string | null;
  total: boolean;
}

export type CasesByStatusRow = UnitRow & { status: string; n: number; p: number };
export type DaysToPlanRow = UnitRow & { p: number; median: number | null };
export type LeadTimeRow = UnitRow & { measure: string; p: number; median: number | null; p90: number | null };
export type AttendanceGoalRow = UnitRow & {
  n: number;
  p: number;
  reached_n: number;
  reached_p: number;
  other_p: number;
};
/**
 * Per months: `n` follow-ups, `p` distinct pupils, for each yes/no flag of FOLLOW_UP_FLAGS `<flag>_n`,
 * `<flag>_p` and `<flag>_other_p` (pupils on the "no" side), and the attendance median over `attendance_p` pupils.
 */
export type FollowUpResultRow = UnitRow & {
  months: number;
  n: number;
  p: number;
  attendance_p: number;
  median: number | null;
} & Record<`${FollowUpFlag}_${'n' | 'p' | 'other_p'}`, number>;

/** The SQL condition of each yes/no result of a recorded follow-up (FOLLOW_UP_FLAGS). */
const FOLLOW_UP_FLAG_CONDITIONS: Record<FollowUpFlag, string> = {
  backInSchoolOrWork20h: 'f.school_or_work_20h',
  ...(Object.fromEntries(
    NEW_INTERVENTIONS.map((kind) => [`newInterventions.${kind}`, `'${kind}' = ANY (f.new_interventions)`]),
  ) as Record<`newInterventions.${(typeof NEW_INTERVENTIONS)[number]}`, string>),
};

/** The organisation's cases ($1), of the schools of the organisation. */
const SCOPE = `SELECT c.* FROM support_case c JOIN agency a ON a.id = c.school_id WHERE a.organisation_id = $1`;
const OPENED_IN_TERM = `${swedishDaySql('c.opened_at')} BETWEEN $2::date AND $3::date`;
const CLOSED_IN_TERM = `${swedishDaySql('c.closed_at')} BETWEEN $2::date AND $3::date`;
const UNIT = `c.school_id, grouping(c.school_id) = 1 AS total`;

/**
 * The SQL of the outcome statistics: aggregates of one term (from–to, Swedish days) for an
 * organisation and each of its schools at once (GROUPING SETS), every read scoped to the organisation.
 */
@Injectable()
export class OutcomeStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's schools, by id. */
  async schoolIds(organisationId: string): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM agency WHERE organisation_id = $1 AND type = 'school' ORDER BY id`,
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the school is one of the organisation's. */
  async isSchoolOf(organisationId: string, schoolId: string): Promise<boolean> {
    const row = await sqlRow(
      this.dataSource.manager,
      `SELECT 1 FROM agency WHERE id = $1 AND type = 'school' AND organisation_id = $2`,
      [schoolId, organisationId],
    );
    return row !== null;
  }

  /** Cases opened in the term, by their status now. */
  casesByStatus(organisationId: string, from: string, to: string): Promise<CasesByStatusRow[]> {
    return sqlRows<CasesByStatusRow>(
      this.dataSource.manager,
      `SELECT ${UNIT}, c.status, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p
         FROM (${SCOPE}) c WHERE ${OPENED_IN_TERM}
        GROUP BY GROUPING SETS ((c.school_id, c.status), (c.status))`,
      [organisationId, from, to],
    );
  }

  /** The median days from opening to the plan agreed, over cases opened in the term with an agreed plan. */
  daysToPlan(organisationId: string, from: string, to: string): Promise<DaysToPlanRow[]> {
    return sqlRows<DaysToPlanRow>(
      this.dataSource.manager,
      `SELECT ${UNIT}, count(DISTINCT c.student_id)::int AS p,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${swedishDaySql('c.plan_agreed_at')} - ${swedishDaySql('c.opened_at')}) AS median
         FROM (${SCOPE}) c WHERE ${OPENED_IN_TERM} AND c.plan_agreed_at IS NOT NULL
        GROUP BY GROUPING SETS ((c.school_id), ())`,
      [organisationId, from, to],
    );
  }

  /** Median and 90th percentile of each lead-time measure, over cases opened in the term. */
  leadTimes(organisationId: string, from: string, to: string): Promise<LeadTimeRow[]> {
    return sqlRows<LeadTimeRow>(
      this.dataSource.manager,
      `WITH lt AS (${LEAD_TIMES_SELECT} JOIN agency a ON a.id = c.school_id WHERE a.organisation_id = $1 AND ${OPENED_IN_TERM}),
            days AS (${leadTimeDaysSql('lt')})
       SELECT school_id, grouping(school_id) = 1 AS total, measure,
              count(DISTINCT student_id) FILTER (WHERE d IS NOT NULL)::int AS p,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS p90
         FROM days GROUP BY GROUPING SETS ((school_id, measure), (measure))`,
      [organisationId, from, to],
    );
  }

  /**
   * Plans of cases opened in the term with an attendance target in a goal, and those whose latest
   * review recorded the goal as reached (pupils on both sides).
   */
  attendanceGoals(organisationId: string, from: string, to: string): Promise<AttendanceGoalRow[]> {
    return sqlRows<AttendanceGoalRow>(
      this.dataSource.manager,
      `SELECT ${UNIT}, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
              count(*) FILTER (WHERE r.goal_reached)::int AS reached_n,
              count(DISTINCT c.student_id) FILTER (WHERE r.goal_reached)::int AS reached_p,
              count(DISTINCT c.student_id) FILTER (WHERE r.goal_reached IS NOT TRUE)::int AS other_p
         FROM (${SCOPE}) c JOIN case_plan pl ON pl.case_id = c.id
         LEFT JOIN LATERAL (SELECT r.goal_reached FROM plan_review r WHERE r.case_id = c.id
                             ORDER BY r.reviewed_on DESC, r.created_at DESC LIMIT 1) r ON true
        WHERE ${OPENED_IN_TERM}
          AND EXISTS (SELECT 1 FROM plan_goal g WHERE g.plan_id = pl.id AND g.removed_at IS NULL
                         AND g.target_attendance_percent IS NOT NULL)
        GROUP BY GROUPING SETS ((c.school_id), ())`,
      [organisationId, from, to],
    );
  }

  /** The recorded follow-ups of cases closed in the term, per months: see FollowUpResultRow. */
  followUpResults(organisationId: string, from: string, to: string): Promise<FollowUpResultRow[]> {
    return sqlRows<FollowUpResultRow>(
      this.dataSource.manager,
      `SELECT ${UNIT}, f.months, count(*)::int AS n, count(DISTINCT c.student_id)::int AS p,
              ${FOLLOW_UP_FLAGS.map((name) => [name, FOLLOW_UP_FLAG_CONDITIONS[name]])
                .map(
                  ([name, condition]) =>
                    `count(*) FILTER (WHERE ${condition})::int AS "${name}_n",
                     count(DISTINCT c.student_id) FILTER (WHERE ${condition})::int AS "${name}_p",
                     count(DISTINCT c.student_id) FILTER (WHERE (${condition}) IS NOT TRUE)::int AS "${name}_other_p"`,
                )
                .join(',\n')},
              count(DISTINCT c.student_id) FILTER (WHERE f.attendance_percent IS NOT NULL)::int AS attendance_p,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY f.attendance_percent) AS median
         FROM (${SCOPE}) c JOIN case_follow_up f ON f.case_id = c.id
        WHERE ${CLOSED_IN_TERM} AND f.recorded_at IS NOT NULL
        GROUP BY GROUPING SETS ((c.school_id, f.months), (f.months))`,
      [organisationId, from, to],
    );
  }
}
