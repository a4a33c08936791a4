import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { swedishDate } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobQueue } from './job-queue';
import { MAIL_SUBJECT, mailBody, messageIdDomain, SETUP_CODE_MAIL_SUBJECT, setupCodeMailBody } from './mail-message';
import { NOTIFICATION_EVENTS, NotificationEvent, NotificationKind, NotificationSubject } from './notification-events';
import { NotificationsRepository } from './notifications.repository';

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
    private readonly notifications: NotificationsRepository,
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
    const names = await this.notifications.subjectNames(manager, subject.caseId ?? null, subject.agencyId ?? null);
    const title = event.title({
      reference: names.reference ?? '',
      agencyName: names.agency_name ?? '',
      date: subject.date ?? '',
      months: subject.months ?? null,
    });
    const rows = await this.notifications.insertForRecipients(manager, {
      recipients: event.recipients,
      caseId: subject.caseId ?? null,
      agencyId: subject.agencyId ?? null,
      userId: subject.userId ?? null,
      schoolId: subject.schoolId ?? null,
      flagId: subject.flagId ?? null,
      kind,
      title,
      link: event.link(subject),
      dedupeKey: `${kind}:${subject.key}`,
      actorId,
      mail: { subject: MAIL_SUBJECT, body: this.body, messageDomain: this.messageDomain },
      mailOn: this.config.mail.smtpUrl !== null,
      withoutConsent: event.withoutConsent === true,
      today: swedishDate(now),
      now,
    });
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
    const user = await this.notifications.mailRecipient(manager, setup.userId);
    await this.notifications.queueSetupCodeMail(manager, {
      setupCodeId: setup.setupCodeId,
      recipient: user.address,
      subject: SETUP_CODE_MAIL_SUBJECT,
      body: setupCodeMailBody(this.config.appBaseUrl, user.username, setup.code, setup.expiresAt),
      messageId: `<setup-${setup.setupCodeId}@${this.messageDomain}>`,
    });
    if (!this.nudged.has(manager)) {
      this.nudged.add(manager);
      await this.jobs.sendWithin(manager, 'mail.flush');
    }
  }
}
