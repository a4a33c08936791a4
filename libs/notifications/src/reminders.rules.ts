import { addDays, addWorkingDays, workingDaysCutoff } from '@app/calendar';
import type { NotificationKind } from './notification-events';

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

/** The kinds the sweep reminds of, in the order it runs them. */
export const REMINDER_KINDS = [
  'mobilisation.deadline-soon',
  'mobilisation.overdue',
  'mobilisation.escalated',
  'action.due-soon',
  'action.overdue',
  'review.due',
  'follow-up.due',
  'flag.untriaged',
] as const satisfies readonly NotificationKind[];

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A sweep's day and its cut-off dates (Swedish working days), as the reminders' SQL compares them. */
export interface ReminderDay {
  today: string;
  /** Invitations whose deadline is after today and at most this: deadline soon. */
  deadlineSoonUntil: string;
  /** Pending invitations whose deadline is before this: escalated. */
  escalateBefore: string;
  /** New flags created before this day: untriaged too long. */
  flagBefore: string;
  /** Plan actions due from today up to this: due soon. */
  dueSoonUntil: string;
}

export function reminderDay(today: string): ReminderDay {
  return {
    today,
    deadlineSoonUntil: addWorkingDays(today, REMINDERS.deadlineSoonWorkingDays),
    escalateBefore: workingDaysCutoff(today, REMINDERS.escalateAfterWorkingDays),
    flagBefore: workingDaysCutoff(today, REMINDERS.flagUntriagedWorkingDays),
    dueSoonUntil: addDays(today, REMINDERS.actionDueSoonDays),
  };
}
