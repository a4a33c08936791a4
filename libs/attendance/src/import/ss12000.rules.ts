import type { LessonProblem } from '../lesson-rules';
import {
  ImportError,
  MAX_EXTERNAL_ID,
  MAX_REASON,
  optionalText,
  PupilIndex,
  RowChecker,
  RowResult,
  stockholmDateTime,
  textProblem,
} from './import-rows';

/**
 * SS 12000 v2.1.0 → lessons, without a database. A `/calendarEvents?expand=attendance` element is
 * a lesson of the timetable (times, length, cancellation, per-pupil exceptions) with its
 * attendance records; an `/attendances` element names its lesson only by `calendarEvent.id`,
 * so it is read against the event the import already knows.
 */

/** A pupil's exception from the event (`studentExceptions`), with its times already worked out. */
export interface StudentExceptionTimes {
  /** The SS 12000 person id (the pupil's externalId). */
  student: string;
  participates: boolean;
  date?: string;
  startTime?: string;
  offeredMinutes?: number;
}

/** A calendar event as the import keeps it (ss12000_calendar_event). */
export interface CalendarEventTimes {
  id: string;
  /** Date and start in Swedish time. */
  date: string;
  startTime: string;
  /** teachingLengthStudent, or end − start. */
  offeredMinutes: number;
  cancelled: boolean;
  exceptions: StudentExceptionTimes[];
}

/** What one element of a /calendarEvents page gives. */
export interface CalendarEventRead {
  /** Null when the event itself is invalid (then `rows` holds its problems). */
  event: CalendarEventTimes | null;
  /** One per embedded attendance record, or one for the event alone. */
  rows: RowResult[];
  /** Our pupils (ids) whose exception says they do not take part: their lesson must go. */
  notTakingPart: string[];
}

const MAX_LESSON_MINUTES = 600;

const member = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

const absent = (value: unknown) => value === undefined || value === null;

const isMinutes = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_LESSON_MINUTES;

function idProblem(field: string, value: unknown): LessonProblem[] {
  if (typeof value !== 'string' || !value.trim())
    return [{ field, code: 'required', reason: 'must be a non-empty string' }];
  return textProblem(field, value.trim(), MAX_EXTERNAL_ID);
}

const minutesBetween = (startMs: number, endMs: number) => Math.round((endMs - startMs) / 60_000);

/** An element of a `data` array is a calendar event when it has the event's own times. */
export function isCalendarEvent(value: unknown): boolean {
  return member(value, 'startTime') !== undefined || member(value, 'endTime') !== undefined;
}

/** The event's own fields; problems name the member (`startTime`, `studentExceptions[1].teachingLength` …). */
export function readCalendarEvent(value: unknown): { event: CalendarEventTimes | null; problems: LessonProblem[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { event: null, problems: [{ field: 'row', code: 'not-object', reason: 'must be a calendar event object' }] };
  }
  const problems: LessonProblem[] = [...idProblem('id', member(value, 'id'))];
  const start = stockholmDateTime(member(value, 'startTime'));
  const end = stockholmDateTime(member(value, 'endTime'));
  if (!start) problems.push({ field: 'startTime', code: 'invalid-date', reason: 'must be an RFC 3339 date-time' });
  if (!end) problems.push({ field: 'endTime', code: 'invalid-date', reason: 'must be an RFC 3339 date-time' });
  const length = start && end ? minutesBetween(start.ms, end.ms) : NaN;
  if (start && end && length <= 0)
    problems.push({ field: 'endTime', code: 'before-start', reason: 'must be after startTime' });
  const teaching = member(value, 'teachingLengthStudent');
  if (!absent(teaching) && !isMinutes(teaching, 1)) {
    problems.push({
      field: 'teachingLengthStudent',
      code: 'invalid-minutes',
      reason: `must be whole minutes, 1–${MAX_LESSON_MINUTES}`,
    });
  }
  const offered = isMinutes(teaching, 1) ? teaching : length;
  if (absent(teaching) && length > MAX_LESSON_MINUTES) {
    problems.push({
      field: 'endTime',
      code: 'lesson-too-long',
      reason: `the lesson may last at most ${MAX_LESSON_MINUTES} minutes`,
    });
  }
  const cancelled = member(value, 'cancelled');
  if (!absent(cancelled) && typeof cancelled !== 'boolean') {
    problems.push({ field: 'cancelled', code: 'not-boolean', reason: 'must be true or false' });
  }
  const rawExceptions = member(value, 'studentExceptions');
  const exceptions: StudentExceptionTimes[] = [];
  if (!absent(rawExceptions) && !Array.isArray(rawExceptions)) {
    problems.push({ field: 'studentExceptions', code: 'not-list', reason: 'must be an array' });
  } else if (start && end) {
    (rawExceptions as unknown[] | undefined)?.forEach((raw, i) => {
      const field = (name: string) => `studentExceptions[${i}].${name}`;
      const student = member(member(raw, 'student'), 'id');
      const participates = member(raw, 'participates');
      const exStart = absent(member(raw, 'startTime')) ? start : stockholmDateTime(member(raw, 'startTime'));
      const exEnd = absent(member(raw, 'endTime')) ? end : stockholmDateTime(member(raw, 'endTime'));
      const exLength = member(raw, 'teachingLength');
      const before = problems.length;
      problems.push(...idProblem(field('student.id'), student));
      if (typeof participates !== 'boolean')
        problems.push({ field: field('participates'), code: 'not-boolean', reason: 'must be true or false' });
      if (!exStart)
        problems.push({ field: field('startTime'), code: 'invalid-date', reason: 'must be an RFC 3339 date-time' });
      if (!exEnd)
        problems.push({ field: field('endTime'), code: 'invalid-date', reason: 'must be an RFC 3339 date-time' });
      if (!absent(exLength) && !isMinutes(exLength, 1)) {
        problems.push({
          field: field('teachingLength'),
          code: 'invalid-minutes',
          reason: `must be whole minutes, 1–${MAX_LESSON_MINUTES}`,
        });
      }
      if (problems.length > before || !exStart || !exEnd) return;
      const ownTimes = exStart !== start || exEnd !== end;
      const exOffered = isMinutes(exLength, 1) ? exLength : ownTimes ? minutesBetween(exStart.ms, exEnd.ms) : undefined;
      if (exOffered !== undefined && !isMinutes(exOffered, 1)) {
        problems.push({
          field: field('endTime'),
          code: 'before-start',
          reason: 'must be after startTime, at most 600 minutes later',
        });
        return;
      }
      exceptions.push({
        student: (student as string).trim(),
        participates: participates as boolean,
        ...(ownTimes ? { date: exStart.date, startTime: exStart.time } : {}),
        ...(exOffered !== undefined ? { offeredMinutes: exOffered } : {}),
      });
    });
  }
  if (problems.length) return { event: null, problems };
  return {
    event: {
      id: (member(value, 'id') as string).trim(),
      date: start!.date,
      startTime: start!.time,
      offeredMinutes: offered,
      cancelled: cancelled === true,
      exceptions,
    },
    problems,
  };
}

/** Where and how long a pupil's lesson of this event is; null when the pupil does not take part. */
export function lessonSlot(
  event: CalendarEventTimes,
  student: string,
): { date: string; startTime: string; offeredMinutes: number } | null {
  const exception = event.exceptions.find((e) => e.student === student);
  if (exception && !exception.participates) return null;
  return {
    date: exception?.date ?? event.date,
    startTime: exception?.startTime ?? event.startTime,
    offeredMinutes: exception?.offeredMinutes ?? event.offeredMinutes,
  };
}

/** How a problem with the lesson's time or length is named: on the event, or on the reference to it. */
export interface EventFields {
  time: string;
  length: string;
}

const ON_EVENT: EventFields = { time: 'startTime', length: 'teachingLengthStudent' };
const BY_REFERENCE: EventFields = { time: 'calendarEvent.id', length: 'calendarEvent.id' };

/**
 * An Attendance object → the pupil's lesson of `event`. `isReported=false`: a lesson without
 * minutes, left out of the figures (one in the future is not written at all); otherwise
 * `otherAttendanceMinutes` count as present and, without `attendanceMinutes`, the pupil was
 * present for whatever of the offered time is not absence.
 */
export function attendanceRow(
  line: number,
  value: unknown,
  event: CalendarEventTimes | undefined,
  pupils: PupilIndex,
  checker: RowChecker,
  prefix = '',
  eventFields: EventFields = BY_REFERENCE,
): RowResult {
  const fail = (problems: LessonProblem[]): RowResult => ({
    ok: false,
    errors: problems.map((p): ImportError => ({ line, field: p.field, code: p.code, reason: p.reason })),
  });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail([
      { field: `${prefix || 'row'}`.replace(/\.$/, ''), code: 'not-object', reason: 'must be an attendance object' },
    ]);
  }
  const problems: LessonProblem[] = [...idProblem(`${prefix}id`, member(value, 'id'))];
  const studentKey = member(member(value, 'student'), 'id');
  let studentId = '';
  const studentProblems = idProblem(`${prefix}student.id`, studentKey);
  problems.push(...studentProblems);
  if (!studentProblems.length) {
    studentId = pupils.get((studentKey as string).trim()) ?? '';
    if (!studentId)
      problems.push({
        field: `${prefix}student.id`,
        code: 'unknown-pupil',
        reason: 'no pupil with this id at your school',
      });
  }
  // Under its event (expand=attendance) the reference may be left out: the event is the parent.
  const listedUnder = eventFields === ON_EVENT && event;
  const eventKey = member(member(value, 'calendarEvent'), 'id') ?? (listedUnder ? event.id : undefined);
  const eventProblems = idProblem(`${prefix}calendarEvent.id`, eventKey);
  problems.push(...eventProblems);
  if (!eventProblems.length && !event) {
    problems.push({
      field: `${prefix}calendarEvent.id`,
      code: 'unknown-calendar-event',
      reason: 'unknown calendar event: import its /calendarEvents page first',
    });
  } else if (!eventProblems.length && event && (eventKey as string).trim() !== event.id) {
    problems.push({
      field: `${prefix}calendarEvent.id`,
      code: 'calendar-event-mismatch',
      reason: 'is not the calendar event it is listed under',
    });
  } else if (event?.cancelled) {
    problems.push({
      field: `${prefix}calendarEvent.id`,
      code: 'calendar-event-cancelled',
      reason: 'the calendar event is cancelled',
    });
  }
  const isReported = member(value, 'isReported');
  if (typeof isReported !== 'boolean')
    problems.push({ field: `${prefix}isReported`, code: 'not-boolean', reason: 'must be true or false' });

  const minutes: Record<string, number | undefined> = {};
  for (const name of ['attendanceMinutes', 'otherAttendanceMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes']) {
    const raw = member(value, name);
    if (absent(raw)) continue;
    if (isMinutes(raw)) minutes[name] = raw;
    else
      problems.push({
        field: `${prefix}${name}`,
        code: 'invalid-minutes',
        reason: `must be whole minutes, 0–${MAX_LESSON_MINUTES}`,
      });
  }
  const rawReason = member(value, 'absenceReason');
  if (!absent(rawReason) && typeof rawReason !== 'string') {
    problems.push({ field: `${prefix}absenceReason`, code: 'not-text', reason: 'must be a string' });
  }
  const reason = optionalText(rawReason);
  problems.push(...textProblem(`${prefix}absenceReason`, reason, MAX_REASON));

  const slot = event && typeof studentKey === 'string' ? lessonSlot(event, studentKey.trim()) : undefined;
  if (event && studentId && slot === null) {
    problems.push({
      field: `${prefix}student.id`,
      code: 'not-participating',
      reason: 'the pupil does not take part in this calendar event (studentExceptions)',
    });
  }
  if (problems.length || !slot) return fail(problems);

  const reported = isReported === true;
  if (!reported && slot.date > checker.today) return { ok: true, lesson: null };
  const valid = reported ? (minutes.validAbsenceMinutes ?? 0) : 0;
  const invalid = reported ? (minutes.invalidAbsenceMinutes ?? 0) : 0;
  const attended = !reported
    ? 0
    : minutes.attendanceMinutes !== undefined
      ? minutes.attendanceMinutes + (minutes.otherAttendanceMinutes ?? 0)
      : slot.offeredMinutes - valid - invalid;
  if (attended < 0) {
    return fail([
      {
        field: `${prefix}invalidAbsenceMinutes`,
        code: 'minutes-exceed-offered',
        reason: 'absent minutes exceed the offered minutes',
      },
    ]);
  }
  const named: Record<string, string> = {
    date: eventFields.time,
    start_time: eventFields.time,
    offered_minutes: eventFields.length,
    attendance_minutes: `${prefix}attendanceMinutes`,
    valid_absence_minutes: `${prefix}validAbsenceMinutes`,
    invalid_absence_minutes: `${prefix}invalidAbsenceMinutes`,
  };
  const ruleProblems = checker.problems({
    date: slot.date,
    startTime: slot.startTime,
    offeredMinutes: slot.offeredMinutes,
    attendedMinutes: attended,
    validAbsenceMinutes: valid,
    invalidAbsenceMinutes: invalid,
  });
  if (ruleProblems.length)
    return fail(ruleProblems.map((p) => ({ field: named[p.field] ?? p.field, code: p.code, reason: p.reason })));
  return {
    ok: true,
    lesson: {
      line,
      studentId,
      date: slot.date,
      startTime: slot.startTime,
      offeredMinutes: slot.offeredMinutes,
      attendedMinutes: attended,
      validAbsenceMinutes: valid,
      invalidAbsenceMinutes: invalid,
      reason,
      externalId: (member(value, 'id') as string).trim(),
      calendarEventId: event!.id,
      reported,
    },
  };
}

/**
 * A `/calendarEvents?expand=attendance` element → the event and one row per embedded attendance
 * record. A cancelled event, or one without attendance yet, is one row that writes no lesson.
 */
export function calendarEventRows(
  line: number,
  value: unknown,
  pupils: PupilIndex,
  checker: RowChecker,
): CalendarEventRead {
  const { event, problems } = readCalendarEvent(value);
  const embedded = member(member(value, '_embedded'), 'attendance');
  if (!absent(embedded) && !Array.isArray(embedded)) {
    problems.push({ field: '_embedded.attendance', code: 'not-list', reason: 'must be an array' });
  }
  if (!event || problems.length) {
    return { event: null, rows: [{ ok: false, errors: problems.map((p) => ({ line, ...p })) }], notTakingPart: [] };
  }
  const notTakingPart = event.exceptions
    .filter((e) => !e.participates)
    .map((e) => pupils.get(e.student))
    .filter((id): id is string => !!id);
  const records = (embedded as unknown[] | undefined) ?? [];
  if (event.cancelled || !records.length) return { event, rows: [{ ok: true, lesson: null }], notTakingPart };
  return {
    event,
    rows: records.map((record, i) =>
      attendanceRow(line, record, event, pupils, checker, `_embedded.attendance[${i}].`, ON_EVENT),
    ),
    notTakingPart,
  };
}
