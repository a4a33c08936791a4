import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addDays, daysBetween, isIsoDate, swedishDate } from '@app/calendar';
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
import { watchlistRepository } from './watchlist.repository';

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
  weekday_weeks: number | null;
  invalid_pattern: string;
  invalid_days: number[] | null;
  open_flag: boolean;
  investigation_started: boolean;
}

/** Bits per weekday in the packed weekday counts: a count is at most `ofWeeks` (≤ 8 by its bounds), below 16. */
const WEEKDAY_BITS = 4;

/** Monday … Friday counts from the packed sum `Σ 1 << (4 × weekday)` (weekends, bits 20+, ignored). */
export const unpackWeekdayWeeks = (packed: number | null): number[] =>
  [0, 1, 2, 3, 4].map((dow) => Math.floor((packed ?? 0) / 2 ** (WEEKDAY_BITS * dow)) % 2 ** WEEKDAY_BITS);

/**
 * The days of invalid absence (days after the scan's first day, in the order aggregated) as dates,
 * from `dates` (every date of the scan window, made once per statement). They must come in day
 * order, as the pattern's characters do: a plan that broke the order would be caught here rather
 * than give wrong runs.
 */
function invalidDays(offsets: number[] | null, dates: string[]): string[] {
  return (offsets ?? []).map((offset, i, all) => {
    if (i > 0 && offset <= all[i - 1]) throw new Error('attendance days were aggregated out of order');
    return dates[offset];
  });
}

/**
 * The trend rule's necessary condition in SQL, on the per-week arrays `o` (offered) and `a`
 * (absent), 1-based, `weeks` long: the latest week with lessons is at least `minPercent` (as
 * rounded to one decimal: 2 000 × absent ≥ (20 × minPercent − 1) × offered) and higher than the
 * week with lessons before it (exact fractions: rounded percentages rising implies this).
 * Only these pupils reach Node, where `evaluateRules` checks the whole run of weeks exactly.
 */
function risingTrendCondition(o: string, a: string, weeks: number, minPercent: string): string {
  const higherThanPrevious = (i: number): string => {
    const earlier = Array.from({ length: i - 1 }, (_, k) => i - 1 - k);
    if (!earlier.length) return 'false';
    const whens = earlier.map(
      (j) => `WHEN ${o}[${j}] > 0 THEN ${a}[${i}]::bigint * ${o}[${j}] > ${a}[${j}]::bigint * ${o}[${i}]`,
    );
    return `CASE ${whens.join(' ')} ELSE false END`;
  };
  const latest = Array.from({ length: weeks }, (_, k) => weeks - k).map(
    (i) =>
      `WHEN ${o}[${i}] > 0 THEN ${a}[${i}]::bigint * 2000 >= (20 * ${minPercent}::int - 1)::bigint * ${o}[${i}] AND ${higherThanPrevious(i)}`,
  );
  return `CASE ${latest.join(' ')} ELSE false END`;
}

/**
 * Every rule's figures for a set of pupils in ONE statement over the per-day aggregate
 * (`attendance_day`): one row per pupil who hits a rule (or nearly: see the filter), nothing hydrated.
 * `pupilsWhere` filters `student s` (e.g. `s.school_id = $1`), its parameters numbered from $1.
 *
 * Per pupil (a lateral join: each pupil's days of the scan window are one index-only range scan
 * on the covering primary key (student_id, day), aggregated on the spot, so nothing is sorted or
 * materialised across pupils). The cost is the aggregate transitions per day row (~30 rows for
 * each of 2 000 pupils), so each day row feeds as few aggregates as possible:
 * - share: sums over the share window;
 * - weekday: `Σ 1 << (4 × weekday)` over the days of the weekday window missed
 *   ≥ minAbsentShareOfDay %: five counters (each ≤ 8) in one sum instead of five counts;
 * - trend: offered and absent minutes per ISO week of the trend window (the week number computed
 *   once per row);
 * - streak: the pupil's school days in order as a string, `0` without invalid absence, `1` with,
 *   `2` with and on or after the first day a run may end; plus the days of invalid absence (days
 *   after the scan start). A run hits iff the string has `days` non-zero characters in a row, the
 *   last a `2`: a regular expression in the filter; `longestRun` gives the figures in Node.
 *
 * The WHERE clause applies every enabled rule exactly (share, streak, weekday) or by a necessary
 * condition (trend: see risingTrendCondition), so that only pupils on the list reach Node, where
 * `evaluateRules` decides exactly and explains.
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
  const weeks = Array.from({ length: trendWeeks }, (_, i) => i);
  const weekdayHit = [0, 1, 2, 3, 4]
    .map((dow) => `((f.weekday_weeks >> ${WEEKDAY_BITS * dow}) & ${2 ** WEEKDAY_BITS - 1}) >= ${p(13)}::int`)
    .join(' OR ');
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
               string_agg(CASE WHEN invalid = 0 THEN '0' WHEN day >= ${p(16)}::date THEN '2' ELSE '1' END, '')
                 AS invalid_pattern,
               array_agg(day - ${p(1)}::date) FILTER (WHERE invalid > 0) AS invalid_days,
               sum(1 << (${WEEKDAY_BITS} * dow))::int AS weekday_weeks,
               ARRAY[${weeks.map((i) => `sum(offered) FILTER (WHERE week = ${i})`).join(', ')}]::int[] AS week_offered,
               ARRAY[${weeks.map((i) => `sum(valid + invalid) FILTER (WHERE week = ${i})`).join(', ')}]::int[] AS week_absent
          FROM (SELECT x.day, x.offered_minutes AS offered, x.valid_absence_minutes AS valid,
                       x.invalid_absence_minutes AS invalid,
                       CASE WHEN x.day >= ${p(4)}::date
                             AND (x.valid_absence_minutes + x.invalid_absence_minutes) * 100
                                 >= ${p(5)}::int * x.offered_minutes
                            THEN (x.day - date '2000-01-03') % 7 END AS dow,
                       CASE WHEN x.day BETWEEN ${p(6)}::date AND ${p(7)}::date
                            THEN (x.day - ${p(6)}::date) / 7 END AS week
                  FROM attendance_day x
                 WHERE x.student_id = s.id AND x.day BETWEEN ${p(1)}::date AND ${p(2)}::date
                   AND x.offered_minutes > 0
                 -- The days in order for the pattern, from the index (no Sort node). Ordering the input
                 -- rather than each aggregate (string_agg(... ORDER BY day)) is PostgreSQL's documented
                 -- alternative; an aggregate's ORDER BY sorts per pupil (before 16: ~35 % of the statement).
                 ORDER BY x.day) d
        -- A fence: the filter below reads the aggregates once per pupil instead of being pushed
        -- into the aggregate with every array expression repeated wherever it is referenced.
        OFFSET 0
      ) f
      WHERE (${pupilsWhere})
        AND ((${p(8)}::boolean AND (f.valid + f.invalid) * 100 >= ${p(9)}::int * f.offered)
          OR (${p(10)}::boolean AND f.invalid_pattern ~ ${p(11)}::text)
          OR (${p(12)}::boolean AND (${weekdayHit}))
          OR (${p(14)}::boolean
              AND ${risingTrendCondition('f.week_offered', 'f.week_absent', trendWeeks, p(15))}))`,
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
      `[12]{${Math.max(0, rules.invalid_streak.params.days - 1)}}2`,
      rules.weekday_pattern.enabled,
      rules.weekday_pattern.params.weeksHit,
      rules.rising_trend.enabled,
      rules.rising_trend.params.minPercent,
      w.streakEndFrom,
    ],
  );
  const weekStarts = weeks.map((i) => addDays(w.trendFrom, 7 * i));
  const scanDates = Array.from({ length: daysBetween(w.scanFrom, w.to) + 1 }, (_, i) => addDays(w.scanFrom, i));
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
      weeks: weekStarts
        .map((weekStart, i) => ({ weekStart, offered: r.week_offered[i] ?? 0, absent: r.week_absent[i] ?? 0 }))
        .filter((x) => x.offered > 0),
      streak: longestRun(r.invalid_pattern, invalidDays(r.invalid_days, scanDates), w.streakEndFrom),
      weekdayWeeks: unpackWeekdayWeeks(r.weekday_weeks),
    },
    openFlag: r.open_flag,
    investigationStarted: r.investigation_started,
  }));
}

/** A reference day from `?date=`: a real date, not in the future; default today in Sweden. */
export function referenceDay(date: string | undefined, field = 'date'): string {
  const today = swedishDate();
  if (date === undefined) return today;
  if (!isIsoDate(date))
    throw new ValidationError([{ field, code: 'invalid-date', message: `${field} must be a real date` }]);
  if (date > today)
    throw new ValidationError([{ field, code: 'in-future', message: `${field} must not be in the future` }]);
  return date;
}

/** Offset pagination for lists computed per request: the cursor is an opaque offset. */
export function decodeOffset(cursor: string | undefined): number {
  const decoded = decodeCursor(cursor, ['int']);
  return decoded ? (decoded[0] as number) : 0;
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

// One collator for every comparison: `localeCompare(b, 'sv')` builds one per call, which for a
// sort of a few hundred pupils costs more than the rest of the request.
const swedish = new Intl.Collator('sv');
const byName = (a: WatchlistItemDto, b: WatchlistItemDto) =>
  swedish.compare(a.lastName, b.lastName) ||
  swedish.compare(a.firstName, b.firstName) ||
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
    // The caller's own organisation's rules are read while the access check runs (two pooled
    // connections, one round trip saved); nothing about the school is read before the check passes.
    const [, rules] = await Promise.all([
      this.access.requireSchool(caller, schoolId, 'watchlist.read'),
      this.rules.rulesFor(caller.organisationId),
    ]);
    const day = referenceDay(query.date);
    const offset = decodeOffset(query.cursor);
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
        hasOpenCase: false,
        case: null,
      });
    }
    await this.addOpenCases(caller, items);
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
    const cases = page.items.flatMap((i) => (i.case ? [i.case.id] : []));
    if (cases.length) await this.access.logList(caller, 'watchlist.read', 'case', cases);
    return page;
  }

  /**
   * Marks each pupil's open case: every reader of the list learns that there is one (a flag for
   * the pupil would be refused with its reference anyway); its id, reference and status only
   * those who may read the school's cases (principal, elevhälsa).
   */
  private async addOpenCases(caller: Caller, items: WatchlistItemDto[]): Promise<void> {
    const rows = await watchlistRepository.openCasesOf(
      this.dataSource.manager,
      items.map((i) => i.studentId),
    );
    const byPupil = new Map(rows.map((r) => [r.student_id, r]));
    const mayRead = caller.permissions.has('case.read');
    for (const item of items) {
      const open = byPupil.get(item.studentId);
      if (!open) continue;
      item.hasOpenCase = true;
      if (mayRead) item.case = { id: open.id, reference: open.reference, status: open.status };
    }
  }
}
