import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
import { WatchlistRepository, WEEKDAY_BITS } from './watchlist.repository';
import { VersionedCache } from './watchlist-cache';

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

// One collator for every comparison: `localeCompare(b, 'sv')` builds one per call, which for a
// sort of a few hundred pupils costs more than the rest of the request.
const swedish = new Intl.Collator('sv');
const byName = (a: WatchlistItemDto, b: WatchlistItemDto) =>
  swedish.compare(a.lastName, b.lastName) ||
  swedish.compare(a.firstName, b.firstName) ||
  a.studentId.localeCompare(b.studentId);

type WatchlistSort = NonNullable<WatchlistQuery['sort']>;

/** The order of `?sort=` (names last: a total order, so the same whatever order the items came in). */
function comparator(sort: WatchlistSort): (a: WatchlistItemDto, b: WatchlistItemDto) => number {
  return (a, b) => {
    if (sort === 'rules') {
      const d = b.rulesHit.length - a.rulesHit.length || b.absencePercent - a.absencePercent;
      if (d) return d;
    } else if (sort === 'absence') {
      const d = b.absencePercent - a.absencePercent;
      if (d) return d;
    }
    return byName(a, b);
  };
}

/** A school's evaluated watch list, shared by every reader of one data version (items not to be changed). */
interface SchoolScan {
  sortedBy(sort: WatchlistSort): WatchlistItemDto[];
}

/** Cached scans: a few per school (rule sets, reference days), one version each. */
const CACHED_SCANS = 64;

/** The school's watch list: pupils hitting at least one enabled rule. */
@Injectable()
export class WatchlistService {
  constructor(
    private readonly repository: WatchlistRepository,
    private readonly access: AccessService,
    private readonly rules: AbsenceRulesService,
  ) {}

  /** The shared rule scans by school, rules and day, per data version (`watchlist_version`). */
  readonly scans = new VersionedCache<SchoolScan>(CACHED_SCANS);

  /**
   * Every rule's figures for a set of pupils (one statement: `WatchlistRepository.signalRows`),
   * only pupils who hit a rule or nearly; `pupilsWhere` filters `student s`, its parameters from $1.
   */
  async pupilSignals(
    manager: EntityManager,
    pupilsWhere: string,
    pupilParams: unknown[],
    rules: RuleSet,
    referenceDay: string,
  ): Promise<PupilSignals[]> {
    const rows = await this.repository.signalRows(manager, pupilsWhere, pupilParams, rules, referenceDay);
    const w = signalWindows(rules, referenceDay);
    const trendWeeks = Math.floor(daysBetween(w.trendFrom, w.trendTo) / 7) + 1;
    const weekStarts = Array.from({ length: trendWeeks }, (_, i) => addDays(w.trendFrom, 7 * i));
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

  /** The rules a pupil hits now (for a flag's snapshot): `[]` when none. */
  async currentRuleHits(manager: EntityManager, studentId: string, rules: RuleSet, day: string): Promise<RuleHit[]> {
    const [pupil] = await this.pupilSignals(manager, 's.id = $1', [studentId], rules, day);
    return pupil ? evaluateRules(pupil.facts, rules) : [];
  }

  async list(caller: Caller, schoolId: string, query: WatchlistQuery): Promise<Page<WatchlistItemDto>> {
    // The caller's own organisation's rules are read while the access check runs (two pooled
    // connections, one round trip saved); nothing about the school is read before the check passes.
    const [, rules] = await Promise.all([
      this.access.requireSchool(caller, schoolId, 'watchlist.read'),
      this.rules.rulesFor(caller.organisationId),
    ]);
    const day = referenceDay(query.date);
    const offset = decodeOffset(query.cursor);
    const version = await this.repository.dataVersion(schoolId);
    // Every teacher of a school reads the same list: the scan is shared until the school's data
    // changes (the version) or the rules (the key holds them whole). The rest is per caller.
    const scan = await this.scans.get(`${schoolId}|${day}|${JSON.stringify(rules)}`, version, () =>
      this.scanSchool(schoolId, rules, day),
    );
    const page = offsetPage(scan.sortedBy(query.sort ?? 'absence'), offset, query.limit);
    // Copies: the open cases below are this caller's view.
    page.items = page.items.map((item) => ({ ...item }));
    await this.addOpenCases(caller, page.items);
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

  /** A school's watch list before the caller's view (open cases): the rule scan, evaluated; each order made once. */
  private async scanSchool(schoolId: string, rules: RuleSet, day: string): Promise<SchoolScan> {
    const pupils = await this.pupilSignals(this.repository.manager, 's.school_id = $1', [schoolId], rules, day);
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
    const orders = new Map<WatchlistSort, WatchlistItemDto[]>();
    return {
      sortedBy(sort) {
        let sorted = orders.get(sort);
        if (!sorted) orders.set(sort, (sorted = [...items].sort(comparator(sort))));
        return sorted;
      },
    };
  }

  /**
   * Marks each pupil's open case: every reader of the list learns that there is one (a flag for
   * the pupil would be refused with its reference anyway); its id, reference and status only
   * those who may read the school's cases (principal, elevhälsa).
   */
  private async addOpenCases(caller: Caller, items: WatchlistItemDto[]): Promise<void> {
    const rows = await this.repository.openCasesOf(items.map((i) => i.studentId));
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
