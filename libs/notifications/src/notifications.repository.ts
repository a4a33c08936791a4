import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consentInForceSql } from '@app/access';
import { preparedRow, preparedRows, sqlRow, sqlRows, SqlRepository } from '@app/database';
import { RecipientRule } from './notification-events';
import { ReminderDay, ReminderKind, REMINDERS } from './reminders.rules';

/** A notification as its recipient's inbox reads it. */
export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  link: string;
  case_id: string | null;
  flag_id: string | null;
  created_at: Date;
  read_at: Date | null;
  /** Sort key: 0 unread, 1 read. */
  is_read: number;
  /** created_at to the microsecond, for the cursor. */
  created_key: string;
}

/** What a reminder is about, as its SQL selects it: `key`, and any of the subject's ids, date and months. */
export interface ReminderSubjectRow {
  key: string;
  case_id?: string;
  agency_id?: string;
  user_id?: string | null;
  school_id?: string;
  flag_id?: string;
  date?: string;
  months?: number;
}

/** One event's notifications, written for every recipient its rules name. */
export interface NewNotifications {
  recipients: RecipientRule[];
  caseId: string | null;
  agencyId: string | null;
  userId: string | null;
  schoolId: string | null;
  flagId: string | null;
  kind: string;
  title: string;
  link: string;
  dedupeKey: string;
  /** Who made the change: not notified. */
  actorId: string | null;
  /** Recipients outside the case's school need not be able to read the case. */
  withoutConsent: boolean;
  /** The moment (and its Swedish date) at which a recipient must be able to read the case. */
  now: Date;
  today: string;
  /** The outgoing mail, one per new notification (`mailOn`). */
  mail: { subject: string; body: string; messageDomain: string };
  /** Whether mail is on (SMTP configured): otherwise no mail is queued. */
  mailOn: boolean;
}

/** A mail to go out through the outbox. */
export interface OutgoingMail {
  setupCodeId: string;
  recipient: string;
  subject: string;
  body: string;
  messageId: string;
}

const COLUMNS = `id, kind, title, link, case_id, flag_id, created_at, read_at, (read_at IS NOT NULL)::int AS is_read,
                 to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key`;

/**
 * Each recipient rule as SQL over the subject `s` (case_id, agency_id, user_id, school_id). Only
 * active users; administrators and auditors never (they see no case content).
 */
const RECIPIENT_SQL: Record<RecipientRule, string> = {
  agency: `SELECT u.id FROM app_user u, s WHERE u.agency_id = s.agency_id AND u.active
             AND u.roles && ARRAY['agency_worker', 'elevhalsa']::text[]`,
  person: `SELECT u.id FROM app_user u, s WHERE u.id = s.user_id AND u.active`,
  coordinator: `SELECT u.id FROM support_case c JOIN app_user u ON u.id = c.coordinator_id, s
                 WHERE c.id = s.case_id AND u.active`,
  'school-triage': `SELECT u.id FROM app_user u, s WHERE u.agency_id = s.school_id AND u.active
                      AND u.roles && ARRAY['elevhalsa', 'principal']::text[]`,
  'school-principal': `SELECT u.id FROM app_user u, s WHERE u.agency_id = s.school_id AND u.active
                         AND 'principal' = ANY (u.roles)`,
};

/** Pending invitations of cases still open. */
const PENDING = `FROM mobilisation m JOIN support_case c ON c.id = m.case_id, p
                 WHERE m.status = 'pending' AND c.status <> 'closed'`;
/** Plan actions still to do, in open cases. */
const OPEN_ACTIONS = `FROM plan_action pa JOIN support_case c ON c.id = pa.case_id, p
                      WHERE pa.removed_at IS NULL AND pa.status IN ('planned', 'in_progress') AND c.status <> 'closed'`;
const ACTION_COLUMNS = `pa.id || ':' || pa.due_date AS key, pa.case_id, pa.agency_id, pa.responsible_user_id AS user_id,
                        pa.due_date AS date`;

/** The day's dates, computed in TypeScript (Swedish working days) and joined as `p` into every reminder's SQL. */
const DAY = `WITH p AS (SELECT $1::date AS today, $2::date AS deadline_soon_until, $3::date AS escalate_before,
                              $4::date AS flag_before, $5::date AS due_soon_until)`;

/** Each reminder: the SQL that finds its subjects on a day, given the day's cut-off dates. */
const REMINDER_SQL: Record<ReminderKind, string> = {
  'mobilisation.deadline-soon': `SELECT m.id AS key, m.case_id, m.agency_id, m.deadline AS date
          ${PENDING} AND m.deadline > p.today AND m.deadline <= p.deadline_soon_until`,
  'mobilisation.overdue': `SELECT m.id AS key, m.case_id, m.agency_id, m.deadline AS date
          ${PENDING} AND m.deadline < p.today`,
  'mobilisation.escalated': `SELECT m.id AS key, m.case_id, m.agency_id, m.deadline AS date
          ${PENDING} AND m.deadline < p.escalate_before`,
  'action.due-soon': `SELECT ${ACTION_COLUMNS} ${OPEN_ACTIONS} AND pa.due_date BETWEEN p.today AND p.due_soon_until`,
  'action.overdue': `SELECT ${ACTION_COLUMNS} ${OPEN_ACTIONS} AND pa.due_date < p.today`,
  // A review recorded in the week before the date counts as that review done.
  'review.due': `SELECT c.id || ':' || d AS key, c.id AS case_id, d AS date
            FROM case_plan cp JOIN support_case c ON c.id = cp.case_id, unnest(cp.review_dates) AS d, p
           WHERE c.status <> 'closed'
             AND d BETWEEN p.today - ${REMINDERS.reviewLookBackDays} AND p.today + ${REMINDERS.reviewNoticeDays}
             AND NOT EXISTS (SELECT 1 FROM plan_review r WHERE r.case_id = c.id AND r.reviewed_on >= d - 7)`,
  'follow-up.due': `SELECT f.id AS key, f.case_id, f.due_on AS date, f.months
            FROM case_follow_up f, p
           WHERE f.recorded_at IS NULL AND f.due_on - ${REMINDERS.followUpNoticeDays} <= p.today`,
  'flag.untriaged': `SELECT f.id AS key, f.id AS flag_id, f.school_id,
                 to_char(f.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS date
            FROM absence_flag f, p
           WHERE f.status = 'new' AND (f.created_at AT TIME ZONE 'Europe/Stockholm')::date < p.flag_before`,
};

/** A notification as a bulk writer gives it, with its times; the keys are its columns. */
export interface NotificationRecord {
  recipient_id: string;
  kind: string;
  case_id: string | null;
  title: string;
  link: string;
  dedupe_key: string;
  created_at: Date | string;
  read_at: Date | string | null;
}

/** All SQL of `notification` and of the mail the Notifier queues in `mail_outbox`, and the reminders' subjects. */
@Injectable()
export class NotificationsRepository extends SqlRepository {
  // --- The recipient's inbox ---

  /**
   * A page of the recipient's notifications, unread first, then newest first; one more than `limit`.
   * The inbox and the unread count are prepared (see preparedRows): the web app's shell asks for the
   * count on every page and each minute; planning them (≈ 0.06 ms) cost as much as running them.
   */
  inbox(recipientId: string, limit: number, cursor: unknown[] | null): Promise<NotificationRow[]> {
    const params: unknown[] = [recipientId];
    let after = '';
    if (cursor) {
      params.push(...cursor);
      after = `AND ((read_at IS NOT NULL)::int > $2::bigint
                OR ((read_at IS NOT NULL)::int = $2::bigint AND (created_at, id) < ($3::timestamptz, $4::uuid)))`;
    }
    params.push(limit + 1);
    return preparedRows<NotificationRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM notification
        WHERE recipient_id = $1 ${after}
        ORDER BY (read_at IS NOT NULL), created_at DESC, id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  async unreadCount(recipientId: string): Promise<number> {
    const row = await preparedRow<{ count: number }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    );
    return row!.count;
  }

  /** Marks the recipient's notification read (keeping an earlier read time); null when it is not theirs. */
  markRead(id: string, recipientId: string): Promise<NotificationRow | null> {
    return sqlRow<NotificationRow>(
      this.dataSource.manager,
      `UPDATE notification SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_id = $2
        RETURNING ${COLUMNS}`,
      [id, recipientId],
    );
  }

  // --- Writing notifications (Notifier), in the caller's transaction ---

  /** The case's reference and the agency's name, for a notification's title. */
  async subjectNames(
    tx: EntityManager,
    caseId: string | null,
    agencyId: string | null,
  ): Promise<{ reference: string | null; agency_name: string | null }> {
    const row = await sqlRow<{ reference: string | null; agency_name: string | null }>(
      tx,
      `SELECT (SELECT reference FROM support_case WHERE id = $1) AS reference,
              (SELECT name FROM agency WHERE id = $2) AS agency_name`,
      [caseId, agencyId],
    );
    return row!;
  }

  /**
   * Writes the event's notification for each recipient its rules name who may hear of it (about a
   * case, one outside the case's school must be able to read the case at `now`, unless
   * `withoutConsent`), except the actor; once per recipient and dedupe key. With `mailOn`, queues
   * a mail for each new notification. One statement; one row per new notification.
   */
  insertForRecipients(tx: EntityManager, n: NewNotifications): Promise<{ mailed: boolean }[]> {
    return sqlRows<{ mailed: boolean }>(
      tx,
      `WITH s AS (SELECT $1::uuid AS case_id, $2::uuid AS agency_id, $3::uuid AS user_id, $4::uuid AS school_id,
                         $5::uuid AS flag_id),
            recipients AS (${n.recipients.map((rule) => RECIPIENT_SQL[rule]).join(' UNION ')}),
            allowed AS (
              SELECT r.id FROM recipients r JOIN app_user u ON u.id = r.id, s
               WHERE s.case_id IS NULL OR $15
                  OR EXISTS (SELECT 1 FROM support_case c WHERE c.id = s.case_id
                               AND (c.school_id = u.agency_id
                                    OR (c.status <> 'closed'
                                        AND EXISTS (SELECT 1 FROM mobilisation m WHERE m.case_id = c.id
                                                      AND m.agency_id = u.agency_id AND m.status <> 'declined')
                                        AND ${consentInForceSql('c.id', 'u.agency_id', '$16', '$17::timestamptz')})))),
            inserted AS (
              INSERT INTO notification (recipient_id, kind, case_id, flag_id, title, link, dedupe_key)
              SELECT r.id, $6, s.case_id, s.flag_id, $7, $8, $9
                FROM allowed r, s
               WHERE r.id IS DISTINCT FROM $10::uuid
              ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
              RETURNING id, recipient_id),
            mailed AS (
              INSERT INTO mail_outbox (notification_id, recipient, subject, body, message_id)
              SELECT i.id, coalesce(u.email, u.username), $11, $12, '<' || i.id || '@' || $13 || '>'
                FROM inserted i JOIN app_user u ON u.id = i.recipient_id
               WHERE $14
              RETURNING notification_id)
       SELECT EXISTS (SELECT 1 FROM mailed m WHERE m.notification_id = i.id) AS mailed FROM inserted i`,
      [
        n.caseId,
        n.agencyId,
        n.userId,
        n.schoolId,
        n.flagId,
        n.kind,
        n.title,
        n.link,
        n.dedupeKey,
        n.actorId,
        n.mail.subject,
        n.mail.body,
        n.mail.messageDomain,
        n.mailOn,
        n.withoutConsent,
        n.today,
        n.now,
      ],
    );
  }

  /** The user's username and the address their mail goes to. */
  async mailRecipient(tx: EntityManager, userId: string): Promise<{ username: string; address: string }> {
    const row = await sqlRow<{ username: string; address: string }>(
      tx,
      `SELECT username, coalesce(email, username) AS address FROM app_user WHERE id = $1`,
      [userId],
    );
    return row!;
  }

  /** Queues a setup code's mail in the outbox. */
  async queueSetupCodeMail(tx: EntityManager, mail: OutgoingMail): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO mail_outbox (setup_code_id, recipient, subject, body, message_id) VALUES ($1, $2, $3, $4, $5)`,
      [mail.setupCodeId, mail.recipient, mail.subject, mail.body, mail.messageId],
    );
  }

  // --- The reminder sweep ---

  /** The subjects due for a reminder of this kind on the day, in key order. */
  reminderSubjects(tx: EntityManager, kind: ReminderKind, day: ReminderDay): Promise<ReminderSubjectRow[]> {
    // In key order: two sweeps at once take their row locks in the same order (they wait, never deadlock).
    return sqlRows<ReminderSubjectRow>(tx, `${DAY} ${REMINDER_SQL[kind]} ORDER BY key`, [
      day.today,
      day.deadlineSoonUntil,
      day.escalateBefore,
      day.flagBefore,
      day.dueSoonUntil,
    ]);
  }

  /**
   * Inserts notifications for the recipients named, with their times, in one statement (a bulk
   * writer: the demo seed); once per recipient and dedupe key, no mail.
   */
  async insertNotifications(tx: EntityManager, rows: NotificationRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO notification (recipient_id, kind, case_id, title, link, dedupe_key, created_at, read_at)
       SELECT recipient_id, kind, case_id, title, link, dedupe_key, created_at, read_at
         FROM jsonb_to_recordset($1::jsonb)
           AS r (recipient_id uuid, kind text, case_id uuid, title text, link text, dedupe_key text,
                 created_at timestamptz, read_at timestamptz)
       ON CONFLICT (recipient_id, dedupe_key) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
