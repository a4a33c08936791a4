import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';
import type { Period } from './reviews.rules';

export interface ReviewRow {
  id: string;
  case_id: string;
  reviewed_on: string;
  period_before_from: string;
  period_before_to: string;
  attendance_before_percent: string | null;
  period_after_from: string;
  period_after_to: string;
  attendance_after_percent: string | null;
  goal_reached: boolean;
  decisions: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

/** A review as recorded. */
export interface NewReview {
  caseId: string;
  reviewedOn: string;
  before: Period & { attendancePercent: number | null };
  after: Period & { attendancePercent: number | null };
  goalReached: boolean;
  decisions: string | null;
  recordedBy: string;
}

const REVIEW_SELECT = `SELECT r.id, r.case_id, r.reviewed_on,
         r.period_before_from, r.period_before_to,
         r.attendance_before_percent,
         r.period_after_from, r.period_after_to,
         r.attendance_after_percent, r.goal_reached, r.decisions, r.recorded_by, u.display_name AS recorded_by_name, r.created_at
    FROM plan_review r JOIN app_user u ON u.id = r.recorded_by`;

/** All SQL of the plan's reviews (plan_review). */
@Injectable()
export class ReviewsRepository extends SqlRepository {
  /** The case's reviews, oldest first. */
  listForCase(caseId: string): Promise<ReviewRow[]> {
    return sqlRows<ReviewRow>(
      this.dataSource.manager,
      `${REVIEW_SELECT} WHERE r.case_id = $1 ORDER BY r.reviewed_on, r.created_at, r.id`,
      [caseId],
    );
  }

  /** One review. */
  async find(tx: EntityManager, id: string): Promise<ReviewRow> {
    return (await sqlRow<ReviewRow>(tx, `${REVIEW_SELECT} WHERE r.id = $1`, [id]))!;
  }

  /**
   * When the plan started: its first version, else the plan row, else the case's opening (no plan yet).
   */
  async planStartedAt(tx: EntityManager, caseId: string): Promise<Date> {
    const row = await sqlRow<{ started: Date }>(
      tx,
      `SELECT coalesce(
                (SELECT min(v.changed_at) FROM plan_version v JOIN case_plan p ON p.id = v.plan_id WHERE p.case_id = c.id),
                (SELECT p.created_at FROM case_plan p WHERE p.case_id = c.id),
                c.opened_at) AS started
         FROM support_case c WHERE c.id = $1`,
      [caseId],
    );
    return row!.started;
  }

  /** Records a review; answers its id. */
  async insert(tx: EntityManager, review: NewReview): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO plan_review (case_id, reviewed_on, period_before_from, period_before_to, attendance_before_percent,
                                period_after_from, period_after_to, attendance_after_percent, goal_reached, decisions, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        review.caseId,
        review.reviewedOn,
        review.before.from,
        review.before.to,
        review.before.attendancePercent,
        review.after.from,
        review.after.to,
        review.after.attendancePercent,
        review.goalReached,
        review.decisions,
        review.recordedBy,
      ],
    );
    return row!.id;
  }
}
