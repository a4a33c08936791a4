import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addDays, daysBetween, isIsoDate, swedishDate } from '@app/attendance/school-dates';
import { decodeCursor, encodeCursor, Page, ValidationError } from '@app/http';
import { maskPersonnummer } from '@app/students';
import { AbsenceRulesService } from './absence-rules.service';
import {
  evaluateRules,
  longestRun,
  percentOf,
  PupilSignalFacts,
  RuleHit,
  RuleSet,
  signalWindows,
} from './rule-evaluation';
import { WatchlistItemDto, WatchlistQuery } from './watchlist.dto';

export interface PupilSignals {
  studentId: string;
  firstName: string;
  lastName: string;
  className: string;
  grade: number;
  personnummerMasked: string;
  facts: PupilSignalFacts;
  openFlag: boolean;
  investigationStarted: boolean;
}

interface SignalRow {
  id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  grade: number;
  personnummer: string;
  offered: number | null;
  valid: number | null;
  invalid: number | null;
  week_offered: (number | null)[];
  week_absent: (number | null)[];
  weekday_weeks: number[];
  invalid_pattern: string;
  invalid_days: string[] | null;
  open_flag: boolean;
  investigation_started: boolean;
}

/**
 * Every rule's figures for a set of pupils in ONE statement over the per-day aggregate
 * (`attendance_day`): at most one row per pupil (only candidates: see the pre-filter), nothing hydrated.
 * `pupilsWhere` filters `student s` (e.g. `s.school_id = $1`), its parameters numbered from $1.
 *
 * Per pupil (a lateral join: each pupil's days are one index range scan on (student_id, day),
 * aggregated on the spot, so nothing is sorted or materialised across pupils):
 * - share: sums over the share window;
 * - weekday: per ISO weekday, the days of the weekday window missed ≥ minAbsentShareOfDay %;
 * - trend: offered and absent minutes per ISO week of the trend window (fixed positions);
 * - streak: the pupil's school days in order as a string of 1 (invalid absence) and 0, with the
 *   days of invalid absence; `longestRun` finds the islands of 1s (runs of consecutive school days)
 *   and keeps the longest ending within the streak window. Computing this in the same pass as the
 *   sums halves the cost of the statement compared with a window function per pupil.
 */
export async function loadPupilSignals(
  manager: EntityManager,
  pupilsWhere: string,
  pupilParams: unknown[],
  rules: RuleSet,
  referenceDay: string,
): Promise<PupilSignals[]> {
  const w = signalWindows(rules, referenceDay);
  const n = pupilParams.length;
  const p = (i: number) => `$${n + i}`;
  const trendWeeks = Math.floor(daysBetween(w.trendFrom, w.trendTo) / 7) + 1;
  // Filters on small integers computed once per day row: days since the trend window's Monday,
  // the weekday (0 = Monday, from a Monday long ago) and whether the day counts as missed.
  const week = (i: number) => `tday >= ${7 * i} AND tday < ${7 * (i + 1)} AND day <= ${p(7)}::date`;
  const weeks = Array.from({ length: trendWeeks }, (_, i) => i);
  const weekday = (dow: number) => `count(*) FILTER (WHERE dow = ${dow} AND day >= ${p(4)}::date AND missed)`;
  const rows: SignalRow[] = await manager.query(
    `SELECT s.id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer,
            f.offered, f.valid, f.invalid, f.weekday_weeks, f.week_offered, f.week_absent,
            f.invalid_pattern, f.invalid_days,
            EXISTS (SELECT 1 FROM absence_flag af WHERE af.student_id = s.id AND af.status = 'new') AS open_flag,
            EXISTS (SELECT 1 FROM absence_investigation ai
                     WHERE ai.student_id = s.id AND ai.started_on > ${p(2)}::date - interval '12 months'
                       AND ai.started_on <= ${p(2)}::date) AS investigation_started
       FROM student s
      CROSS JOIN LATERAL (
        SELECT sum(offered) FILTER (WHERE day >= ${p(3)}::date)::int AS offered,
               sum(valid) FILTER (WHERE day >= ${p(3)}::date)::int AS valid,
               sum(invalid) FILTER (WHERE day >= ${p(3)}::date)::int AS invalid,
               sum(valid + invalid) AS absent_any,
               sum(invalid) AS invalid_any,
               string_agg(CASE WHEN invalid > 0 THEN '1' ELSE '0' END, '' ORDER BY day) AS invalid_pattern,
               array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY day) FILTER (WHERE invalid > 0) AS invalid_days,
               ARRAY[${[0, 1, 2, 3, 4].map(weekday).join(', ')}]::int[] AS weekday_weeks,
               ARRAY[${weeks.map((i) => `sum(offered) FILTER (WHERE ${week(i)})`).join(', ')}]::int[] AS week_offered,
               ARRAY[${weeks.map((i) => `sum(valid + invalid) FILTER (WHERE ${week(i)})`).join(', ')}]::int[] AS week_absent
          FROM (SELECT x.day, x.offered_minutes AS offered, x.valid_absence_minutes AS valid,
                       x.invalid_absence_minutes AS invalid, x.day - ${p(6)}::date AS tday,
                       (x.day - date '2000-01-03') % 7 AS dow,
                       (x.valid_absence_minutes + x.invalid_absence_minutes) * 100
                         >= ${p(5)}::int * x.offered_minutes AS missed
                  FROM attendance_day x
                 WHERE x.student_id = s.id AND x.day BETWEEN ${p(1)}::date AND ${p(2)}::date
                   AND x.offered_minutes > 0) d
      ) f
      WHERE (${pupilsWhere}) AND f.absent_any > 0
        -- A loose pre-filter (each enabled rule's necessary condition) so that only candidates
        -- reach Node; evaluateRules decides exactly.
        AND ((${p(8)}::boolean AND (f.valid + f.invalid) * 100 >= ${p(9)}::int * f.offered)
          OR (${p(10)}::boolean AND strpos(f.invalid_pattern, repeat('1', ${p(11)}::int)) > 0)
          OR (${p(12)}::boolean AND (SELECT max(v) FROM unnest(f.weekday_weeks) v) >= ${p(13)}::int)
          OR (${p(14)}::boolean AND EXISTS (SELECT 1 FROM unnest(f.week_offered, f.week_absent) u(o, a)
                                             WHERE o > 0 AND a * 100 >= ${p(15)}::int * o)))`,
    [
      ...pupilParams,
      w.scanFrom,
      w.to,
      w.shareFrom,
      w.weekdayFrom,
      rules.weekday_pattern.params.minAbsentShareOfDay,
      w.trendFrom,
      w.trendTo,
      rules.absence_share.enabled,
      rules.absence_share.params.percent,
      rules.invalid_streak.enabled,
      rules.invalid_streak.params.days,
      rules.weekday_pattern.enabled,
      rules.weekday_pattern.params.weeksHit,
      rules.rising_trend.enabled,
      rules.rising_trend.params.minPercent,
    ],
  );
  return rows.map((r) => ({
    studentId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    className: r.class_name,
    grade: r.grade,
    personnummerMasked: maskPersonnummer(r.personnummer),
    facts: {
      offered: r.offered ?? 0,
      valid: r.valid ?? 0,
      invalid: r.invalid ?? 0,
      weeks: weeks
        .map((i) => ({
          weekStart: addDays(w.trendFrom, 7 * i),
          offered: r.week_offered[i] ?? 0,
          absent: r.week_absent[i] ?? 0,
        }))
        .filter((x) => x.offered > 0),
      streak: longestRun(r.invalid_pattern, r.invalid_days ?? [], w.streakEndFrom),
      weekdayWeeks: r.weekday_weeks,
    },
    openFlag: r.open_flag,
    investigationStarted: r.investigation_started,
  }));
}

/** A reference day from `?date=`: a real date, not in the future; default today in Sweden. */
export function referenceDay(date: string | undefined, field = 'date'): string {
  const today = swedishDate();
  if (date === undefined) return today;
  if (!isIsoDate(date)) throw new ValidationError([{ field, message: `${field} must be a real date` }]);
  if (date > today) throw new ValidationError([{ field, message: `${field} must not be in the future` }]);
  return date;
}

/** Offset pagination for lists computed per request: the cursor is an opaque offset. */
export function decodeOffset(cursor: string | undefined): number {
  const decoded = decodeCursor(cursor, 1);
  if (!decoded) return 0;
  const [offset] = decoded;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new ValidationError([{ field: 'cursor', message: 'cursor is not one this API gave out' }]);
  }
  return offset;
}

export function offsetPage<T>(all: T[], offset: number, limit: number): Page<T> {
  const items = all.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < all.length ? encodeCursor([offset + limit]) : null };
}

/** The rules a pupil hits now (for a flag's snapshot): `[]` when none. */
export async function currentRuleHits(
  manager: EntityManager,
  studentId: string,
  rules: RuleSet,
  day: string,
): Promise<RuleHit[]> {
  const [pupil] = await loadPupilSignals(manager, 's.id = $1', [studentId], rules, day);
  return pupil ? evaluateRules(pupil.facts, rules) : [];
}

const byName = (a: WatchlistItemDto, b: WatchlistItemDto) =>
  a.lastName.localeCompare(b.lastName, 'sv') ||
  a.firstName.localeCompare(b.firstName, 'sv') ||
  a.studentId.localeCompare(b.studentId);

/** The school's watch list: pupils hitting at least one enabled rule. */
@Injectable()
export class WatchlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly rules: AbsenceRulesService,
  ) {}

  async list(caller: Caller, schoolId: string, query: WatchlistQuery): Promise<Page<WatchlistItemDto>> {
    await requireSchool(this.dataSource.manager, this.access, caller, schoolId, 'watchlist.read');
    const day = referenceDay(query.date);
    const offset = decodeOffset(query.cursor);
    const rules = await this.rules.rulesFor(caller.organisationId);
    const pupils = await loadPupilSignals(this.dataSource.manager, 's.school_id = $1', [schoolId], rules, day);
    const items: WatchlistItemDto[] = [];
    for (const pupil of pupils) {
      const rulesHit = evaluateRules(pupil.facts, rules);
      if (!rulesHit.length) continue;
      const { facts } = pupil;
      items.push({
        studentId: pupil.studentId,
        firstName: pupil.firstName,
        lastName: pupil.lastName,
        className: pupil.className,
        grade: pupil.grade,
        personnummerMasked: pupil.personnummerMasked,
        absencePercent: percentOf(facts.valid + facts.invalid, facts.offered),
        invalidAbsencePercent: percentOf(facts.invalid, facts.offered),
        rulesHit,
        openFlag: pupil.openFlag,
        investigationStarted: pupil.investigationStarted,
      });
    }
    const sort = query.sort ?? 'absence';
    items.sort((a, b) => {
      if (sort === 'rules') {
        const d = b.rulesHit.length - a.rulesHit.length || b.absencePercent - a.absencePercent;
        if (d) return d;
      } else if (sort === 'absence') {
        const d = b.absencePercent - a.absencePercent;
        if (d) return d;
      }
      return byName(a, b);
    });
    const page = offsetPage(items, offset, query.limit);
    await this.access.logList(
      caller,
      'watchlist.read',
      'student',
      page.items.map((i) => i.studentId),
    );
    return page;
  }
}

/**
 * The access check of `/schools/:id/...` routes: the caller's own school only; another school
 * (or an unknown id) is a 404, logged.
 */
export async function requireSchool(
  manager: EntityManager,
  access: AccessService,
  caller: Caller,
  schoolId: string,
  logAction: string,
  action: 'read' | 'write' = 'read',
): Promise<void> {
  const [school] = await manager.query(`SELECT id FROM agency WHERE id = $1 AND type = 'school'`, [schoolId]);
  await access.require({
    caller,
    action,
    logAction,
    subject: school ? { type: 'student', schoolId } : null,
    subjectType: 'school',
    subjectId: schoolId,
    manager,
  });
}
