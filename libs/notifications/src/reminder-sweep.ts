import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, addWorkingDays, swedishDate, workingDaysCutoff } from '@app/calendar';
import { Clock, CLOCK } from './clock';
import { NotificationKind, NotificationSubject } from './notification-events';
import { Notifier } from './notifier';

/** The reminder rules' numbers, in one place (PRODUCT.md and issue 7). */
export const REMINDERS = {
  /** An invitation's deadline is this many working days ahead: remind the agency. */
  deadlineSoonWorkingDays: 1,
  /** Still unanswered this many working days after the deadline: tell the coordinator. */
  escalateAfterWorkingDays: 2,
  /** A plan action due within this many days: remind the responsible person and agency. */
  actionDueSoonDays: 2,
  /** A review date this many days ahead: remind the coordinator. */
  reviewNoticeDays: 2,
  /** Review dates older than this are history, not reminders. */
  reviewLookBackDays: 30,
  /** A follow-up can be recorded from this many days before it is due (follow-ups.ts): remind then. */
  followUpNoticeDays: 14,
  /** A new flag untriaged this many working days: tell elevhälsa and the principal. */
  flagUntriagedWorkingDays: 2,
} as const;

/** Each reminder: the SQL that finds its subjects on a day, given the day's cut-off dates. */
interface Reminder {
  kind: NotificationKind;
  /** Selects `key`, and any of case_id, agency_id, user_id, school_id, flag_id, date, months. */
  sql: string;
}

/** Pending invitations of cases still open. */
const PENDING = `FROM mobilisation m JOIN support_case c ON c.id = m.case_id, p
                 WHERE m.status = 'pending' AND c.status <> 'closed'`;
/** Plan actions still to do, in open cases. */
const OPEN_ACTIONS = `FROM plan_action pa JOIN support_case c ON c.id = pa.case_id, p
                      WHERE pa.removed_at IS NULL AND pa.status IN ('planned', 'in_progress') AND c.status <> 'closed'`;
const ACTION_COLUMNS = `pa.id || ':' || pa.due_date AS key, pa.case_id, pa.agency_id, pa.responsible_user_id AS user_id,
                        to_char(pa.due_date, 'YYYY-MM-DD') AS date`;

/** The day's dates, computed in TypeScript (Swedish working days) and joined as `p` into every reminder's SQL. */
const DAY = `WITH p AS (SELECT $1::date AS today, $2::date AS deadline_soon_until, $3::date AS escalate_before,
                              $4::date AS flag_before, $5::date AS due_soon_until)`;

const REMINDERS_SQL: Reminder[] = [
  {
    kind: 'mobilisation.deadline-soon',
    sql: `SELECT m.id AS key, m.case_id, m.agency_id, to_char(m.deadline, 'YYYY-MM-DD') AS date
          ${PENDING} AND m.deadline > p.today AND m.deadline <= p.deadline_soon_until`,
  },
  {
    kind: 'mobilisation.overdue',
    sql: `SELECT m.id AS key, m.case_id, m.agency_id, to_char(m.deadline, 'YYYY-MM-DD') AS date
          ${PENDING} AND m.deadline < p.today`,
  },
  {
    kind: 'mobilisation.escalated',
    sql: `SELECT m.id AS key, m.case_id, m.agency_id, to_char(m.deadline, 'YYYY-MM-DD') AS date
          ${PENDING} AND m.deadline < p.escalate_before`,
  },
  {
    kind: 'action.due-soon',
    sql: `SELECT ${ACTION_COLUMNS} ${OPEN_ACTIONS} AND pa.due_date BETWEEN p.today AND p.due_soon_until`,
  },
  {
    kind: 'action.overdue',
    sql: `SELECT ${ACTION_COLUMNS} ${OPEN_ACTIONS} AND pa.due_date < p.today`,
  },
  {
    kind: 'review.due',
    // A review recorded in the week before the date counts as that review done.
    sql: `SELECT c.id || ':' || d AS key, c.id AS case_id, to_char(d, 'YYYY-MM-DD') AS date
            FROM case_plan cp JOIN support_case c ON c.id = cp.case_id, unnest(cp.review_dates) AS d, p
           WHERE c.status <> 'closed'
             AND d BETWEEN p.today - ${REMINDERS.reviewLookBackDays} AND p.today + ${REMINDERS.reviewNoticeDays}
             AND NOT EXISTS (SELECT 1 FROM plan_review r WHERE r.case_id = c.id AND r.reviewed_on >= d - 7)`,
  },
  {
    kind: 'follow-up.due',
    sql: `SELECT f.id AS key, f.case_id, to_char(f.due_on, 'YYYY-MM-DD') AS date, f.months
            FROM case_follow_up f, p
           WHERE f.recorded_at IS NULL AND f.due_on - ${REMINDERS.followUpNoticeDays} <= p.today`,
  },
  {
    kind: 'flag.untriaged',
    sql: `SELECT f.id AS key, f.id AS flag_id, f.school_id,
                 to_char(f.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS date
            FROM absence_flag f, p
           WHERE f.status = 'new' AND (f.created_at AT TIME ZONE 'Europe/Stockholm')::date < p.flag_before`,
  },
];

interface SubjectRow {
  key: string;
  case_id?: string;
  agency_id?: string;
  user_id?: string | null;
  school_id?: string;
  flag_id?: string;
  date?: string;
  months?: number;
}

/**
 * Finds what is due on the clock's day and notifies about it. Runs every 15 minutes (pg-boss
 * cron) and at start; repeating it changes nothing, because each notification has a dedupe key.
 */
@Injectable()
export class ReminderSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns the number of new notifications per kind. */
  async run(now: Date = this.clock.now()): Promise<Partial<Record<NotificationKind, number>>> {
    const today = swedishDate(now);
    const params = [
      today,
      addWorkingDays(today, REMINDERS.deadlineSoonWorkingDays),
      workingDaysCutoff(today, REMINDERS.escalateAfterWorkingDays),
      workingDaysCutoff(today, REMINDERS.flagUntriagedWorkingDays),
      addDays(today, REMINDERS.actionDueSoonDays),
    ];
    const created: Partial<Record<NotificationKind, number>> = {};
    for (const reminder of REMINDERS_SQL) {
      // One transaction per kind: a failure in one leaves the others done (and the next sweep retries it).
      created[reminder.kind] = await this.dataSource.transaction(async (manager) => {
        // In key order: two sweeps at once take their row locks in the same order (they wait, never deadlock).
        const rows: SubjectRow[] = await manager.query(`${DAY} ${reminder.sql} ORDER BY key`, params);
        let count = 0;
        // Consent is checked as of the sweep's moment: an agency whose consent ended hears nothing more.
        for (const row of rows) count += await this.notifier.notify(manager, reminder.kind, toSubject(row), null, now);
        return count;
      });
    }
    return created;
  }
}

function toSubject(row: SubjectRow): NotificationSubject {
  return {
    key: row.key,
    caseId: row.case_id ?? null,
    agencyId: row.agency_id ?? null,
    userId: row.user_id ?? null,
    schoolId: row.school_id ?? null,
    flagId: row.flag_id ?? null,
    date: row.date ?? null,
    months: row.months ?? null,
  };
}
