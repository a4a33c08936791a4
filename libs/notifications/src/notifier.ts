import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consentInForceSql } from '@app/access';
import { swedishDate } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobQueue } from './job-queue';
import { MAIL_SUBJECT, mailBody, messageIdDomain, SETUP_CODE_MAIL_SUBJECT, setupCodeMailBody } from './mail-message';
import {
  NOTIFICATION_EVENTS,
  NotificationEvent,
  NotificationKind,
  NotificationSubject,
  RECIPIENT_SQL,
} from './notification-events';

/**
 * Writes notifications, and their outgoing mail, with the manager of the caller's transaction:
 * they commit or roll back with the change they tell about. A recipient hears of one event
 * once (`ON CONFLICT … DO NOTHING` on the dedupe key), so callers and sweeps may repeat freely.
 */
@Injectable()
export class Notifier {
  private readonly body: string;
  private readonly messageDomain: string;
  /** Transactions that already carry a mail nudge: one job per transaction is enough. */
  private readonly nudged = new WeakSet<EntityManager>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {
    this.body = mailBody(config.appBaseUrl);
    this.messageDomain = messageIdDomain(config.mail.from);
  }

  /**
   * Notifies the event's recipients about `subject`, except `actorId` (who made the change
   * knows). About a case, a recipient outside the case's school must be able to read the case at
   * `now` (mobilised, consent in force, case open) unless the event says `withoutConsent`: a
   * withdrawn or expired consent stops notifications at once, also those scheduled before.
   * Returns how many notifications were new.
   */
  async notify(
    manager: EntityManager,
    kind: NotificationKind,
    subject: NotificationSubject,
    actorId: string | null = null,
    now: Date = new Date(),
  ): Promise<number> {
    const event: NotificationEvent = NOTIFICATION_EVENTS[kind];
    const [names] = await manager.query(
      `SELECT (SELECT reference FROM support_case WHERE id = $1) AS reference,
              (SELECT name FROM agency WHERE id = $2) AS agency_name`,
      [subject.caseId ?? null, subject.agencyId ?? null],
    );
    const title = event.title({
      reference: names.reference ?? '',
      agencyName: names.agency_name ?? '',
      date: subject.date ?? '',
      months: subject.months ?? null,
    });
    const mailOn = this.config.mail.smtpUrl !== null;
    const rows: { mailed: boolean }[] = await manager.query(
      `WITH s AS (SELECT $1::uuid AS case_id, $2::uuid AS agency_id, $3::uuid AS user_id, $4::uuid AS school_id,
                         $5::uuid AS flag_id),
            recipients AS (${event.recipients.map((rule) => RECIPIENT_SQL[rule]).join(' UNION ')}),
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
        subject.caseId ?? null,
        subject.agencyId ?? null,
        subject.userId ?? null,
        subject.schoolId ?? null,
        subject.flagId ?? null,
        kind,
        title,
        event.link(subject),
        `${kind}:${subject.key}`,
        actorId,
        MAIL_SUBJECT,
        this.body,
        this.messageDomain,
        mailOn,
        event.withoutConsent === true,
        swedishDate(now),
        now,
      ],
    );
    // Wakes the mail worker when this transaction commits (and not if it rolls back).
    if (rows.some((r) => r.mailed) && !this.nudged.has(manager)) {
      this.nudged.add(manager);
      await this.jobs.sendWithin(manager, 'mail.flush');
    }
    return rows.length;
  }

  /** Whether mail is on (SMTP_URL): then setup codes go by mail and are never shown. */
  get mailEnabled(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  /**
   * Mails a one-time setup code to the user, through the outbox, in the caller's transaction. The
   * worker blanks the body once the mail is handed over, so the code does not stay in the outbox.
   */
  async mailSetupCode(
    manager: EntityManager,
    setup: { setupCodeId: string; userId: string; code: string; expiresAt: string },
  ): Promise<void> {
    const [user] = await manager.query(
      `SELECT username, coalesce(email, username) AS address FROM app_user WHERE id = $1`,
      [setup.userId],
    );
    await manager.query(
      `INSERT INTO mail_outbox (setup_code_id, recipient, subject, body, message_id) VALUES ($1, $2, $3, $4, $5)`,
      [
        setup.setupCodeId,
        user.address,
        SETUP_CODE_MAIL_SUBJECT,
        setupCodeMailBody(this.config.appBaseUrl, user.username, setup.code, setup.expiresAt),
        `<setup-${setup.setupCodeId}@${this.messageDomain}>`,
      ],
    );
    if (!this.nudged.has(manager)) {
      this.nudged.add(manager);
      await this.jobs.sendWithin(manager, 'mail.flush');
    }
  }
}
