import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlCondition } from '@app/access';
import { sqlRows } from '@app/database';
import { REVIEW_EARLY_DAYS } from './reviews.rules';

/** One line of a due list: the case and pupil, and the day it falls due. */
export interface DueRow {
  /** The keyset's tie-breaker: the case (reviews) or the follow-up. */
  key_id: string;
  case_id: string;
  reference: string;
  status: string;
  student_id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  coordinator: string;
  due: string;
  last_reviewed_on?: string | null;
  months?: number;
}

/** Which page of a due list: the caller's scope, its school, the horizon and the keyset. */
export interface DueListFilter {
  /** `AccessService.scope(caller, 'case', 'c.id', 1)`. */
  scope: SqlCondition;
  /** Coordination is the school's own: only this school's cases. */
  schoolId: string;
  /** Due on or before this day. */
  dueBy: string;
  /** After this [date, id] key (decoded cursor), if any. */
  after: unknown[] | null;
  /** Rows wanted: a page and one more, to know whether another follows. */
  limit: number;
}

const CASE_COLUMNS = `c.id AS case_id, c.reference, c.status, s.id AS student_id, s.first_name, s.last_name, s.class_name,
                      u.display_name AS coordinator`;

/** The shared tail of both lists: the scope, the school's cases, due by the horizon, keyset order. */
function tail(filter: DueListFilter, dateColumn: string, idColumn: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [...filter.scope.params, filter.schoolId, filter.dueBy];
  const where = [filter.scope.sql, `c.school_id = $${params.length - 1}`, `${dateColumn} <= $${params.length}::date`];
  if (filter.after) {
    params.push(...filter.after);
    where.push(`(${dateColumn}, ${idColumn}) > ($${params.length - 1}::date, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  return { sql: `${where.join(' AND ')} ORDER BY ${dateColumn}, ${idColumn} LIMIT $${params.length}`, params };
}

/** The SQL of elevhälsa's work lists: reviews due and follow-ups due. */
@Injectable()
export class DueListsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Review dates of open cases' plans with no review recorded from REVIEW_EARLY_DAYS before; oldest first. */
  reviewsDue(filter: DueListFilter): Promise<DueRow[]> {
    const { sql, params } = tail(filter, 'd', 'c.id');
    return sqlRows<DueRow>(
      this.dataSource.manager,
      `SELECT c.id AS key_id, ${CASE_COLUMNS}, d AS due,
              (SELECT max(r.reviewed_on) FROM plan_review r WHERE r.case_id = c.id) AS last_reviewed_on
         FROM case_plan cp JOIN support_case c ON c.id = cp.case_id JOIN student s ON s.id = c.student_id
              JOIN app_user u ON u.id = c.coordinator_id, unnest(cp.review_dates) AS d
        WHERE c.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM plan_review r WHERE r.case_id = c.id AND r.reviewed_on >= d - ${REVIEW_EARLY_DAYS})
          AND ${sql}`,
      params,
    );
  }

  /** Follow-ups of closed cases not yet recorded; oldest first. */
  followUpsDue(filter: DueListFilter): Promise<DueRow[]> {
    const { sql, params } = tail(filter, 'f.due_on', 'f.id');
    return sqlRows<DueRow>(
      this.dataSource.manager,
      `SELECT f.id AS key_id, ${CASE_COLUMNS}, f.due_on AS due, f.months
         FROM case_follow_up f JOIN support_case c ON c.id = f.case_id JOIN student s ON s.id = c.student_id
              JOIN app_user u ON u.id = c.coordinator_id
        WHERE f.recorded_at IS NULL AND c.status = 'closed' AND ${sql}`,
      params,
    );
  }
}
