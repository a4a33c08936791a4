import { swedishDaySql } from '@app/calendar';

/** Each case's steps in time; the plan sets plan_agreed_at (its first agreement). */
export const LEAD_TIMES_SELECT = `
  SELECT c.id, c.school_id, c.student_id,
         c.first_signal_on,
         c.flagged_at, c.opened_at, c.plan_agreed_at,
         (SELECT min(m.responded_at) FROM mobilisation m WHERE m.case_id = c.id AND m.status = 'accepted') AS first_accepted_at,
         (SELECT min(t.starts_at) FROM case_meeting t WHERE t.case_id = c.id) AS first_meeting_at
    FROM support_case c`;

/** The lead-time measures in their order: days between two steps, counted on Swedish days. */
export const LEAD_TIME_MEASURES = [
  'signalToFlag',
  'signalToCaseOpened',
  'flagToCaseOpened',
  'openedToFirstAgencyAccepted',
  'openedToFirstMeeting',
  'openedToPlanAgreed',
  'signalToPlanAgreed',
] as const;

/**
 * One row per case of `lt` (rows of LEAD_TIMES_SELECT) and measure: `measure`, `o` (its order),
 * `school_id`, `student_id` and `d`, the whole Swedish days (null where a step has not happened).
 */
export function leadTimeDaysSql(lt: string): string {
  const day = swedishDaySql;
  const steps: Record<(typeof LEAD_TIME_MEASURES)[number], string> = {
    signalToFlag: `${day('flagged_at')} - first_signal_on`,
    signalToCaseOpened: `${day('opened_at')} - first_signal_on`,
    flagToCaseOpened: `${day('opened_at')} - ${day('flagged_at')}`,
    openedToFirstAgencyAccepted: `${day('first_accepted_at')} - ${day('opened_at')}`,
    openedToFirstMeeting: `${day('first_meeting_at')} - ${day('opened_at')}`,
    openedToPlanAgreed: `${day('plan_agreed_at')} - ${day('opened_at')}`,
    signalToPlanAgreed: `${day('plan_agreed_at')} - first_signal_on`,
  };
  return LEAD_TIME_MEASURES.map(
    (measure, i) =>
      `SELECT '${measure}' AS measure, ${i + 1} AS o, school_id, student_id, ${steps[measure]} AS d FROM ${lt}`,
  ).join('\nUNION ALL ');
}

/** Whole days: a median of an even count may fall between two days. */
export const wholeDays = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value)) || 0;
