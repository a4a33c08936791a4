import { parsePersonnummer, PersonnummerResult } from '@app/students';
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
  /** SS 12000: the calendar event the lesson is, for its identity (ss12000_lesson). */
  calendarEventId: string | null;
  /** SS 12000 isReported=false: no minutes yet, left out of the figures. */
  reported: boolean;
}

/** A line of the report. Reasons never quote a value from the file (no personnummer leaks). */
export interface ImportError {
  line: number;
  field: string;
  /** Machine-readable, stable (clients word it themselves); `reason` is the English text. */
  code: string;
  reason: string;
}

/** A row read: a lesson to stage, nothing to write (`lesson: null`), or why it was refused. */
export type RowResult = { ok: true; lesson: StagedLesson | null } | { ok: false; errors: ImportError[] };

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

export const MAX_REASON = 200;
export const MAX_EXTERNAL_ID = 100;
const WHOLE = /^\s*\d{1,4}\s*$/;

const minutes = (value: string) => (WHOLE.test(value) ? Number(value) : NaN);

const NO_PROBLEMS: LessonProblem[] = [];

export function textProblem(field: string, value: string | null, max: number): LessonProblem[] {
  if (value === null) return NO_PROBLEMS;
  if (value.length > max) return [{ field, code: 'too-long', reason: `must be at most ${max} characters` }];
  if (value.includes('\u0000')) return [{ field, code: 'nul-character', reason: 'must not contain a NUL character' }];
  return NO_PROBLEMS;
}

export const optionalText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * A CSV record (columns as in CSV_COLUMNS) → a lesson of one of the school's pupils, matched by
 * personnummer; attended minutes are offered minus absent minutes. This runs once per row of
 * files with millions of rows, so the path of a good row allocates nothing it can avoid.
 */
export function csvRow(line: number, fields: string[], pupils: PupilIndex, checker: RowChecker): RowResult {
  if (fields.length !== 8) {
    return {
      ok: false,
      errors: [{ line, field: 'row', code: 'wrong-field-count', reason: `has ${fields.length} fields, expected 8` }],
    };
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
  if (!parsed.ok) add({ field: 'personnummer', code: 'invalid-personnummer', reason: parsed.reason });
  else {
    studentId = pupils.get(parsed.canonical) ?? '';
    if (!studentId)
      add({ field: 'personnummer', code: 'unknown-pupil', reason: 'no pupil with this personnummer at your school' });
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
    if (problem.field === 'attendance_minutes' || (attended < 0 && problem.code === 'minutes-exceed-offered')) continue;
    add(problem);
  }
  if (attended < 0 && !problems.some((p) => p.field.endsWith('minutes'))) {
    add({
      field: 'invalid_absence_minutes',
      code: 'minutes-exceed-offered',
      reason: 'absent minutes exceed offered minutes',
    });
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
      calendarEventId: null,
      reported: true,
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
