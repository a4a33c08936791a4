import { parsePersonnummer, PersonnummerResult } from '@app/students/personnummer';
import { LessonInput, lessonProblems, LessonProblem } from '../lesson-rules';

/** One valid row, ready for the staging table. */
export interface StagedLesson {
  line: number;
  studentId: string;
  date: string;
  startTime: string;
  offeredMinutes: number;
  attendedMinutes: number;
  validAbsenceMinutes: number;
  invalidAbsenceMinutes: number;
  reason: string | null;
  externalId: string | null;
}

/** A line of the report. Reasons never quote a value from the file (no personnummer leaks). */
export interface ImportError {
  line: number;
  field: string;
  reason: string;
}

export type RowResult = { ok: true; lesson: StagedLesson } | { ok: false; errors: ImportError[] };

/** The caller's school's pupils, by the key the format matches on (personnummer or external id). */
export type PupilIndex = ReadonlyMap<string, string>;

const CACHE_LIMIT = 50_000;

/** A copy of a string that shares no memory with the text it was cut from. */
const detached = (value: string): string => Buffer.from(value, 'utf8').toString('utf8');

/**
 * The shared rules, memoised for one import: a file repeats the same pupils, dates, times and
 * minutes over and over, so most rows are answered from a map. Both maps are bounded (cleared
 * when full), so memory stays flat whatever the size of the file.
 */
export class RowChecker {
  private readonly numbers = new Map<string, PersonnummerResult>();
  private readonly rules = new Map<string, LessonProblem[]>();

  constructor(readonly today: string) {}

  personnummer(raw: string): PersonnummerResult {
    let result = this.numbers.get(raw);
    if (!result) {
      // `raw` is a slice of a 64 KiB chunk of the file and would keep the whole chunk alive as
      // long as it is cached: cache (and parse) a copy of its own instead.
      const own = detached(raw);
      result = parsePersonnummer(own);
      if (this.numbers.size >= CACHE_LIMIT) this.numbers.clear();
      this.numbers.set(own, result);
    }
    return result;
  }

  /** lessonProblems(); the array returned is shared: do not change it. */
  problems(lesson: LessonInput): readonly LessonProblem[] {
    const key = `${lesson.date}|${lesson.startTime}|${lesson.offeredMinutes}|${lesson.attendedMinutes}|${lesson.validAbsenceMinutes}|${lesson.invalidAbsenceMinutes}`;
    let problems = this.rules.get(key);
    if (!problems) {
      problems = lessonProblems(lesson, this.today);
      if (this.rules.size >= CACHE_LIMIT) this.rules.clear();
      this.rules.set(detached(key), problems);
    }
    return problems;
  }
}

const MAX_REASON = 200;
const MAX_EXTERNAL_ID = 100;
const WHOLE = /^\s*\d{1,4}\s*$/;

const minutes = (value: string) => (WHOLE.test(value) ? Number(value) : NaN);

const NO_PROBLEMS: LessonProblem[] = [];

function textProblem(field: string, value: string | null, max: number): LessonProblem[] {
  if (value === null) return NO_PROBLEMS;
  if (value.length > max) return [{ field, reason: `must be at most ${max} characters` }];
  if (value.includes('\u0000')) return [{ field, reason: 'must not contain a NUL character' }];
  return NO_PROBLEMS;
}

const optionalText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function result(line: number, problems: LessonProblem[], lesson: Omit<StagedLesson, 'line'>): RowResult {
  if (problems.length) return { ok: false, errors: problems.map((p) => ({ line, ...p })) };
  return { ok: true, lesson: { line, ...lesson } };
}

/**
 * A CSV record (columns as in CSV_COLUMNS) → a lesson of one of the school's pupils, matched by
 * personnummer; attended minutes are offered minus absent minutes. This runs once per row of
 * files with millions of rows, so the path of a good row allocates nothing it can avoid.
 */
export function csvRow(line: number, fields: string[], pupils: PupilIndex, checker: RowChecker): RowResult {
  if (fields.length !== 8) {
    return { ok: false, errors: [{ line, field: 'row', reason: `has ${fields.length} fields, expected 8` }] };
  }
  const offered = minutes(fields[4]);
  const valid = minutes(fields[5]);
  const invalid = minutes(fields[6]);
  const attended = offered - valid - invalid;
  const date = fields[2].trim();
  const startTime = fields[3].trim();
  const problems: LessonProblem[] = [];
  const add = (problem: LessonProblem) => problems.push(problem);

  let studentId = '';
  const parsed = checker.personnummer(fields[1]);
  if (!parsed.ok) add({ field: 'personnummer', reason: parsed.reason });
  else {
    studentId = pupils.get(parsed.canonical) ?? '';
    if (!studentId) add({ field: 'personnummer', reason: 'no pupil with this personnummer at your school' });
  }
  const rules = checker.problems({
    date,
    startTime,
    offeredMinutes: offered,
    attendedMinutes: Math.max(attended, 0),
    validAbsenceMinutes: valid,
    invalidAbsenceMinutes: invalid,
  });
  // Attended minutes are derived here, so the rule about them is the rule about the absence.
  for (const problem of rules) {
    if (problem.field === 'attendance_minutes' || (attended < 0 && problem.reason.includes('exceed'))) continue;
    add(problem);
  }
  if (attended < 0 && !problems.some((p) => p.field.endsWith('minutes'))) {
    add({ field: 'invalid_absence_minutes', reason: 'absent minutes exceed offered minutes' });
  }
  const reason = optionalText(fields[7]);
  const externalId = optionalText(fields[0]);
  for (const problem of textProblem('reason', reason, MAX_REASON)) add(problem);
  for (const problem of textProblem('external_id', externalId, MAX_EXTERNAL_ID)) add(problem);
  if (problems.length) return { ok: false, errors: problems.map((p) => ({ line, ...p })) };
  return {
    ok: true,
    lesson: {
      line,
      studentId,
      date,
      startTime,
      offeredMinutes: offered,
      attendedMinutes: attended,
      validAbsenceMinutes: valid,
      invalidAbsenceMinutes: invalid,
      reason,
      externalId,
    },
  };
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const STOCKHOLM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
/** Stockholm's offset from UTC by UTC hour: changes twice a year, so a small cache serves a file. */
const offsetCache = new Map<number, number>();

function stockholmOffset(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const parts = Object.fromEntries(STOCKHOLM.formatToParts(new Date(hour * 3_600_000)).map((p) => [p.type, p.value]));
    const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
    offset = local - hour * 3_600_000;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** An ISO date-time → the instant (ms) and the Swedish local date and time; null if unreadable. */
export function stockholmDateTime(value: unknown): { ms: number; date: string; time: string } | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, date, hm, seconds = '', zone] = match;
  if (!zone) {
    // No offset: already Swedish local time, as the school system wrote it.
    const ms = Date.parse(`${date}T${hm}${seconds}Z`);
    return Number.isNaN(ms) ? null : { ms, date, time: `${hm}${seconds.slice(0, 3)}` };
  }
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + stockholmOffset(ms)).toISOString();
  const time = local.slice(11, 19);
  return { ms, date: local.slice(0, 10), time: time.endsWith(':00') ? time.slice(0, 5) : time };
}

const JSON_FIELD: Record<string, string> = {
  date: 'calendarEvent.startTime',
  start_time: 'calendarEvent.startTime',
  offered_minutes: 'calendarEvent.endTime',
  attendance_minutes: 'attendanceMinutes',
  valid_absence_minutes: 'validAbsenceMinutes',
  invalid_absence_minutes: 'invalidAbsenceMinutes',
};

const member = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

const jsonMinutes = (value: unknown, fallback?: number) =>
  value === undefined || value === null ? (fallback ?? NaN) : typeof value === 'number' ? value : NaN;

/**
 * An SS 12000 attendance object → a lesson of one of the school's pupils, matched by
 * `student.id` = the pupil's externalId. Offered minutes are the calendar event's length.
 */
export function ss12000Row(line: number, value: unknown, pupils: PupilIndex, checker: RowChecker): RowResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [{ line, field: 'row', reason: 'must be an attendance object' }] };
  }
  const problems: LessonProblem[] = [];
  const id = member(value, 'id');
  if (typeof id !== 'string' || !id.trim()) problems.push({ field: 'id', reason: 'must be a non-empty string' });
  const studentKey = member(member(value, 'student'), 'id');
  let studentId = '';
  if (typeof studentKey !== 'string' || !studentKey.trim()) {
    problems.push({ field: 'student.id', reason: 'must be a non-empty string' });
  } else {
    studentId = pupils.get(studentKey.trim()) ?? '';
    if (!studentId) problems.push({ field: 'student.id', reason: 'no pupil with this id at your school' });
  }
  const event = member(value, 'calendarEvent');
  const start = stockholmDateTime(member(event, 'startTime'));
  const end = stockholmDateTime(member(event, 'endTime'));
  if (!start) problems.push({ field: 'calendarEvent.startTime', reason: 'must be an ISO 8601 date-time' });
  if (!end) problems.push({ field: 'calendarEvent.endTime', reason: 'must be an ISO 8601 date-time' });
  const offered = start && end ? Math.round((end.ms - start.ms) / 60_000) : NaN;
  if (start && end && offered <= 0) {
    problems.push({ field: 'calendarEvent.endTime', reason: 'must be after startTime' });
  }
  const valid = jsonMinutes(member(value, 'validAbsenceMinutes'), 0);
  const invalid = jsonMinutes(member(value, 'invalidAbsenceMinutes'), 0);
  const attended = jsonMinutes(member(value, 'attendanceMinutes'));
  const lesson = {
    date: start?.date ?? '',
    startTime: start?.time ?? '',
    offeredMinutes: offered,
    attendedMinutes: attended,
    validAbsenceMinutes: valid,
    invalidAbsenceMinutes: invalid,
  };
  if (start && end && offered > 0) {
    for (const p of checker.problems(lesson)) {
      const field = JSON_FIELD[p.field] ?? p.field;
      if (!problems.some((q) => q.field === field && q.reason === p.reason)) problems.push({ field, reason: p.reason });
    }
  }
  const rawReason = member(value, 'absenceReason');
  if (rawReason !== undefined && rawReason !== null && typeof rawReason !== 'string') {
    problems.push({ field: 'absenceReason', reason: 'must be a string' });
  }
  const reason = optionalText(rawReason);
  const externalId = typeof id === 'string' ? id.trim() : null;
  problems.push(...textProblem('absenceReason', reason, MAX_REASON), ...textProblem('id', externalId, MAX_EXTERNAL_ID));
  return result(line, problems, { ...lesson, studentId, reason, externalId });
}
