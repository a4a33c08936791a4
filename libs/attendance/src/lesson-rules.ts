import { isIsoDate } from '@app/calendar';

/** One lesson's attendance as every writer (single entry, CSV, SS 12000) hands it in. */
export interface LessonInput {
  date: string;
  startTime: string;
  offeredMinutes: number;
  attendedMinutes: number;
  validAbsenceMinutes: number;
  invalidAbsenceMinutes: number;
}

export interface LessonProblem {
  field: string;
  /** Machine-readable, stable (clients word it themselves); `reason` is the English text. */
  code: string;
  reason: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const MAX_LESSON_MINUTES = 600;

const wholeMinutes = (value: number) => Number.isInteger(value) && value >= 0 && value <= MAX_LESSON_MINUTES;

/**
 * The rules a lesson row must meet wherever it comes from; `today` is the Swedish date, since
 * attendance cannot be recorded for a lesson that has not happened.
 */
export function lessonProblems(lesson: LessonInput, today: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  if (!isIsoDate(lesson.date))
    problems.push({ field: 'date', code: 'invalid-date', reason: 'must be a date YYYY-MM-DD' });
  else if (lesson.date > today) problems.push({ field: 'date', code: 'in-future', reason: 'is in the future' });
  if (!TIME.test(lesson.startTime))
    problems.push({ field: 'start_time', code: 'invalid-time', reason: 'must be a time HH:MM' });
  const minutes: [string, number][] = [
    ['offered_minutes', lesson.offeredMinutes],
    ['attendance_minutes', lesson.attendedMinutes],
    ['valid_absence_minutes', lesson.validAbsenceMinutes],
    ['invalid_absence_minutes', lesson.invalidAbsenceMinutes],
  ];
  for (const [field, value] of minutes) {
    if (!wholeMinutes(value))
      problems.push({ field, code: 'invalid-minutes', reason: `must be whole minutes, 0–${MAX_LESSON_MINUTES}` });
  }
  if (!problems.some((p) => p.field.endsWith('minutes'))) {
    if (lesson.offeredMinutes === 0)
      problems.push({ field: 'offered_minutes', code: 'too-small', reason: 'must be more than 0' });
    else if (
      lesson.attendedMinutes + lesson.validAbsenceMinutes + lesson.invalidAbsenceMinutes >
      lesson.offeredMinutes
    ) {
      problems.push({
        field: 'invalid_absence_minutes',
        code: 'minutes-exceed-offered',
        reason: 'attended and absent minutes together exceed the scheduled (offered) minutes',
      });
    }
  }
  return problems;
}
