import { Inject, Injectable } from '@nestjs/common';
import { swedishDate } from '@app/calendar';
import { Clock, CLOCK } from './clock';
import { NotificationKind, NotificationSubject } from './notification-events';
import { NotificationsRepository, ReminderSubjectRow } from './notifications.repository';
import { Notifier } from './notifier';
import { REMINDER_KINDS, reminderDay } from './reminders.rules';

/**
 * Finds what is due on the clock's day and notifies about it. Runs every 15 minutes (pg-boss
 * cron) and at start; repeating it changes nothing, because each notification has a dedupe key.
 */
@Injectable()
export class ReminderSweep {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns the number of new notifications per kind. */
  async run(now: Date = this.clock.now()): Promise<Partial<Record<NotificationKind, number>>> {
    const day = reminderDay(swedishDate(now));
    const created: Partial<Record<NotificationKind, number>> = {};
    for (const kind of REMINDER_KINDS) {
      // One transaction per kind: a failure in one leaves the others done (and the next sweep retries it).
      created[kind] = await this.notifications.transaction(async (tx) => {
        const rows = await this.notifications.reminderSubjects(tx, kind, day);
        let count = 0;
        // Consent is checked as of the sweep's moment: an agency whose consent ended hears nothing more.
        for (const row of rows) count += await this.notifier.notify(tx, kind, toSubject(row), null, now);
        return count;
      });
    }
    return created;
  }
}

function toSubject(row: ReminderSubjectRow): NotificationSubject {
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
