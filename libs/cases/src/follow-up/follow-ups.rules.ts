/**
 * Follow-ups 6 and 18 months after closure, as pure logic: which months exist, from when one may
 * be recorded, and the period whose attendance is measured when it is.
 */
import { addDays } from '@app/calendar';
import { ConflictError, UnprocessableError, ValidationError } from '@app/http';

export const FOLLOW_UP_MONTHS = [6, 18] as const;
export const NEW_INTERVENTIONS = ['social_services', 'bup', 'habilitation', 'other'] as const;
/** A follow-up may be recorded from two weeks before it is due. */
export const RECORDABLE_DAYS_BEFORE_DUE = 14;
/** Attendance at a follow-up: the last 4 weeks up to the day it is recorded. */
export const FOLLOW_UP_ATTENDANCE_DAYS = 28;

/** The first day a follow-up due on `dueOn` may be recorded. */
export const recordableFrom = (dueOn: string): string => addDays(dueOn, -RECORDABLE_DAYS_BEFORE_DUE);

/** The months of a follow-up from the path: 6 or 18, else a 400 at `months`. */
export function followUpMonths(param: string): number {
  const months = Number(param);
  if (!(FOLLOW_UP_MONTHS as readonly number[]).includes(months)) {
    throw new ValidationError([{ field: 'months', code: 'not-a-choice', message: 'months must be 6 or 18' }]);
  }
  return months;
}

/** Follow-ups come after closure: a case that is not closed has none to record (409). */
export function requireClosedForFollowUp(status: string): void {
  if (status !== 'closed') throw new ConflictError('Follow-ups are recorded after the case is closed.');
}

/**
 * A follow-up is recorded once (409 when it already is), and not before `recordableFrom` its due
 * day (422 `too-early`, with the day it becomes recordable).
 */
export function requireRecordable(months: number, dueOn: string, recorded: boolean, today: string): void {
  if (recorded) throw new ConflictError(`The ${months}-month follow-up is already recorded.`);
  const from = recordableFrom(dueOn);
  if (today < from) {
    throw new UnprocessableError(`The ${months}-month follow-up is due on ${dueOn}; it can be recorded from ${from}.`, {
      errors: [{ field: 'months', code: 'too-early', message: `too early: recordable from ${from}` }],
      recordableFrom: from,
    });
  }
}

/** The days whose attendance a follow-up recorded on `today` measures: the last 4 weeks, today included. */
export const followUpAttendancePeriod = (today: string): { from: string; to: string } => ({
  from: addDays(today, -FOLLOW_UP_ATTENDANCE_DAYS + 1),
  to: today,
});
