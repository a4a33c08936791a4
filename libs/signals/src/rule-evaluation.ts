import { addDays } from '@app/calendar';
import type { FieldError } from '@app/http';

/**
 * The absence rules as data: their defaults and bounds (here, in code), an organisation's
 * overrides (in `absence_rule`), and the pure evaluation of one pupil's figures against them,
 * with the explanation in Swedish words and figures. No I/O: the watch-list SQL supplies the facts.
 */

export const RULE_KINDS = ['absence_share', 'invalid_streak', 'weekday_pattern', 'rising_trend'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface ParamBounds {
  min: number;
  max: number;
  description: string;
}

export interface RuleDefinition {
  kind: RuleKind;
  /** What the rule catches, in Swedish, for the rule editor. */
  description: string;
  defaults: Record<string, number>;
  bounds: Record<string, ParamBounds>;
}

export const RULE_DEFINITIONS: Record<RuleKind, RuleDefinition> = {
  absence_share: {
    kind: 'absence_share',
    description: 'Frånvaro (giltig och ogiltig) minst `percent` % av schemalagd tid de senaste `weeks` veckorna.',
    defaults: { percent: 10, weeks: 4 },
    bounds: {
      percent: { min: 1, max: 50, description: 'Absence share of offered minutes, in per cent (inclusive).' },
      weeks: { min: 1, max: 12, description: 'Window: the last N weeks (7 × N days) ending at the reference day.' },
    },
  },
  invalid_streak: {
    kind: 'invalid_streak',
    description:
      'Ogiltig frånvaro minst `days` skoldagar i rad, där sviten slutar inom de senaste `withinWeeks` veckorna.',
    defaults: { days: 3, withinWeeks: 4 },
    bounds: {
      days: {
        min: 2,
        max: 10,
        description: "Consecutive school days (the pupil's days with scheduled lessons) with any invalid absence.",
      },
      withinWeeks: { min: 1, max: 12, description: 'The run must end within the last N weeks.' },
    },
  },
  weekday_pattern: {
    kind: 'weekday_pattern',
    description:
      'Frånvarande (minst `minAbsentShareOfDay` % av dagen) samma veckodag minst `weeksHit` av de senaste `ofWeeks` veckorna.',
    defaults: { weeksHit: 3, ofWeeks: 4, minAbsentShareOfDay: 50 },
    bounds: {
      weeksHit: { min: 2, max: 8, description: 'Weeks the weekday was missed (at most ofWeeks).' },
      ofWeeks: { min: 2, max: 8, description: 'Window: the last N weeks (7 × N days) ending at the reference day.' },
      minAbsentShareOfDay: {
        min: 25,
        max: 100,
        description: "A day counts as missed when absence is at least this % of that day's offered minutes.",
      },
    },
  },
  rising_trend: {
    kind: 'rising_trend',
    description:
      'Frånvaron har ökat `weeks` hela veckor i rad (varje vecka högre än den förra) och var minst `minPercent` % den senaste veckan.',
    defaults: { weeks: 3, minPercent: 5 },
    bounds: {
      weeks: {
        min: 2,
        max: 6,
        description: 'Number of consecutive complete ISO weeks, each higher than the one before.',
      },
      minPercent: { min: 1, max: 50, description: 'The latest week must reach at least this absence %.' },
    },
  },
};

export interface EffectiveRule {
  kind: RuleKind;
  enabled: boolean;
  params: Record<string, number>;
  /** True when the organisation has no override: the code's default applies. */
  isDefault: boolean;
  updatedAt: string | null;
}

export type RuleSet = Record<RuleKind, EffectiveRule>;

export interface RuleOverride {
  kind: string;
  enabled: boolean;
  params: Record<string, unknown>;
  updatedAt?: string | null;
}

export const isRuleKind = (kind: string): kind is RuleKind => (RULE_KINDS as readonly string[]).includes(kind);

/** Defaults merged with an organisation's overrides (a parameter the override lacks keeps its default). */
export function effectiveRules(overrides: RuleOverride[]): RuleSet {
  const set = {} as RuleSet;
  for (const kind of RULE_KINDS) {
    const override = overrides.find((o) => o.kind === kind);
    const params = { ...RULE_DEFINITIONS[kind].defaults };
    if (override) {
      for (const key of Object.keys(params)) {
        const value = override.params[key];
        if (typeof value === 'number') params[key] = value;
      }
    }
    set[kind] = {
      kind,
      enabled: override ? override.enabled : true,
      params,
      isDefault: !override,
      updatedAt: override?.updatedAt ?? null,
    };
  }
  return set;
}

/**
 * Checks the parameters of one rule against its bounds. Omitted parameters take the default;
 * unknown ones, non-integers and values out of bounds are field errors (`params.percent`).
 */
export function validateRuleParams(
  kind: RuleKind,
  input: unknown,
): { params: Record<string, number>; errors: FieldError[] } {
  const definition = RULE_DEFINITIONS[kind];
  const params = { ...definition.defaults };
  const errors: FieldError[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { params, errors: [{ field: 'params', code: 'not-object', message: 'params must be an object' }] };
  }
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const bounds = definition.bounds[key];
    if (!bounds) {
      errors.push({
        field: `params.${key}`,
        code: 'unknown-field',
        message: `unknown parameter for ${kind}; allowed: ${Object.keys(definition.bounds).join(', ')}`,
      });
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.push({ field: `params.${key}`, code: 'not-whole-number', message: `${key} must be a whole number` });
    } else if (value < bounds.min || value > bounds.max) {
      errors.push({
        field: `params.${key}`,
        code: 'out-of-range',
        message: `${key} must be between ${bounds.min} and ${bounds.max}`,
      });
    } else {
      params[key] = value;
    }
  }
  if (kind === 'weekday_pattern' && !errors.length && params.weeksHit > params.ofWeeks) {
    errors.push({ field: 'params.weeksHit', code: 'too-large', message: 'weeksHit must not exceed ofWeeks' });
  }
  return { params, errors };
}

// ---------------------------------------------------------------------------------------------
// Windows: which days each rule looks at, for a reference day R (inclusive).

export interface SignalWindows {
  /** First day the SQL needs to read (the earliest of all windows below). */
  scanFrom: string;
  to: string;
  shareFrom: string;
  weekdayFrom: string;
  /** Complete ISO weeks: Monday of the earliest week considered, and the last day of the latest. */
  trendFrom: string;
  trendTo: string;
  /** A run of invalid absence counts when it ends on or after this day. */
  streakEndFrom: string;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * - share and weekday rules: the last N weeks as 7 × N days ending at R;
 * - trend: complete ISO weeks (the week of R counts once R is a Friday or later), looking back
 *   two weeks more than the rule needs so that a holiday week without lessons is skipped;
 * - streak: runs ending within the last `withinWeeks` weeks; the scan starts two weeks earlier
 *   so that a run reaching into the window is counted whole.
 */
export function signalWindows(rules: RuleSet, to: string): SignalWindows {
  const shareFrom = addDays(to, 1 - 7 * rules.absence_share.params.weeks);
  const weekdayFrom = addDays(to, 1 - 7 * rules.weekday_pattern.params.ofWeeks);
  const lastCompleteMonday = isoWeekday(to) >= 5 ? mondayOf(to) : addDays(mondayOf(to), -7);
  const trendFrom = addDays(lastCompleteMonday, -7 * (rules.rising_trend.params.weeks + 1));
  const trendEnd = addDays(lastCompleteMonday, 6);
  const trendTo = trendEnd < to ? trendEnd : to;
  const streakEndFrom = addDays(to, 1 - 7 * rules.invalid_streak.params.withinWeeks);
  const scanFrom = [shareFrom, weekdayFrom, trendFrom, addDays(streakEndFrom, -14)].sort()[0];
  return { scanFrom, to, shareFrom, weekdayFrom, trendFrom, trendTo, streakEndFrom };
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

/** One pupil's figures as the watch-list SQL computes them. */
export interface PupilSignalFacts {
  /** Minutes over the share window. */
  offered: number;
  valid: number;
  invalid: number;
  /** ISO weeks of the trend window that have lessons, oldest first. */
  weeks: { weekStart: string; offered: number; absent: number }[];
  /** The longest run of consecutive school days with invalid absence ending in the window (latest if tied). */
  streak: { days: number; from: string; to: string } | null;
  /** Monday … Friday: in how many of the weekday window's weeks that day was missed. */
  weekdayWeeks: number[];
}

/**
 * Runs of consecutive school days with invalid absence (gaps and islands): `pattern` has one
 * character per school day in order, `0` for a day without invalid absence and `1` (or `2`: the
 * watch-list SQL marks days on or after `endFrom` so) for a day with; `invalidDays` are the dates
 * of the non-zero days in order. Returns the longest run ending on or after `endFrom` (the latest if tied).
 */
export function longestRun(
  pattern: string,
  invalidDays: string[],
  endFrom: string,
): { days: number; from: string; to: string } | null {
  let best: { days: number; from: string; to: string } | null = null;
  let seen = 0;
  for (const match of pattern.matchAll(/[12]+/g)) {
    const length = match[0].length;
    const from = invalidDays[seen];
    const to = invalidDays[seen + length - 1];
    seen += length;
    if (to === undefined || to < endFrom) continue;
    if (!best || length >= best.days) best = { days: length, from, to };
  }
  return best;
}

export interface RuleHit {
  rule: RuleKind;
  explanation: string;
  figures: Record<string, unknown>;
}

/** One decimal, as the absence figures are shown everywhere else. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** "14 %", "9,9 %": Swedish decimal comma. */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')} %`;
}

const MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
const WEEKDAYS_PLURAL = ['måndagar', 'tisdagar', 'onsdagar', 'torsdagar', 'fredagar'];
export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** "12–14 nov", "28 okt–3 nov", "30 dec 2025–2 jan 2026". */
export function formatDayRange(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (from === to) return `${td} ${MONTHS[tm - 1]}`;
  if (fy !== ty) return `${fd} ${MONTHS[fm - 1]} ${fy}–${td} ${MONTHS[tm - 1]} ${ty}`;
  if (fm !== tm) return `${fd} ${MONTHS[fm - 1]}–${td} ${MONTHS[tm - 1]}`;
  return `${fd}–${td} ${MONTHS[tm - 1]}`;
}

const joinSwedish = (parts: string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;

const lastWeeks = (weeks: number) => (weeks === 1 ? 'senaste veckan' : `senaste ${weeks} veckorna`);

/** ISO week label (2026-W47) of a Monday. */
export function isoWeekLabel(monday: string): string {
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const januaryFirst = new Date(Date.UTC(year, 0, 1));
  const week = 1 + Math.floor((thursday.getTime() - januaryFirst.getTime()) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The rules a pupil hits, each explained. Disabled rules never hit. */
export function evaluateRules(facts: PupilSignalFacts, rules: RuleSet): RuleHit[] {
  const hits: RuleHit[] = [];

  const share = rules.absence_share;
  const absent = facts.valid + facts.invalid;
  // Compared in whole minutes, not rounded percentages: 9.99 % is below a 10 % threshold.
  if (share.enabled && facts.offered > 0 && absent * 100 >= share.params.percent * facts.offered) {
    const absencePercent = percentOf(absent, facts.offered);
    const invalidAbsencePercent = percentOf(facts.invalid, facts.offered);
    hits.push({
      rule: 'absence_share',
      explanation:
        `${formatPercent(absencePercent)} frånvaro ${lastWeeks(share.params.weeks)}, ` +
        `varav ${formatPercent(invalidAbsencePercent)} ogiltig`,
      figures: {
        absencePercent,
        invalidAbsencePercent,
        validAbsencePercent: percentOf(facts.valid, facts.offered),
        offeredMinutes: facts.offered,
        absentMinutes: absent,
        weeks: share.params.weeks,
        thresholdPercent: share.params.percent,
      },
    });
  }

  const streakRule = rules.invalid_streak;
  if (streakRule.enabled && facts.streak && facts.streak.days >= streakRule.params.days) {
    const { days, from, to } = facts.streak;
    hits.push({
      rule: 'invalid_streak',
      explanation: `Ogiltig frånvaro ${days} skoldagar i rad (${formatDayRange(from, to)})`,
      figures: { days, from, to, thresholdDays: streakRule.params.days },
    });
  }

  const weekday = rules.weekday_pattern;
  if (weekday.enabled) {
    const hitDays = facts.weekdayWeeks
      .map((weeksHit, i) => ({ weekday: WEEKDAY_NAMES[i], plural: WEEKDAYS_PLURAL[i], weeksHit }))
      .filter((d) => d.weeksHit >= weekday.params.weeksHit);
    if (hitDays.length) {
      const of = weekday.params.ofWeeks;
      const explanation =
        hitDays.length === 1
          ? `Frånvarande på ${hitDays[0].plural} ${hitDays[0].weeksHit} av de ${lastWeeks(of)}`
          : `Frånvarande på ${joinSwedish(hitDays.map((d) => `${d.plural} (${d.weeksHit} av ${of})`))} de ${lastWeeks(of)}`;
      hits.push({
        rule: 'weekday_pattern',
        explanation,
        figures: {
          weekdays: hitDays.map((d) => ({ weekday: d.weekday, weeksHit: d.weeksHit })),
          ofWeeks: of,
          thresholdWeeks: weekday.params.weeksHit,
          minAbsentShareOfDay: weekday.params.minAbsentShareOfDay,
        },
      });
    }
  }

  const trend = rules.rising_trend;
  if (trend.enabled) {
    const n = trend.params.weeks;
    const recent = facts.weeks.filter((w) => w.offered > 0).slice(-n);
    const percents = recent.map((w) => percentOf(w.absent, w.offered));
    const rising = recent.length === n && percents.every((p, i) => i === 0 || p > percents[i - 1]);
    // Week labels only for a hit: most pupils on the list are there for another rule.
    if (rising && percents[n - 1] >= trend.params.minPercent) {
      const weeks = recent.map((w, i) => ({
        week: isoWeekLabel(w.weekStart),
        weekStart: w.weekStart,
        absencePercent: percents[i],
      }));
      hits.push({
        rule: 'rising_trend',
        explanation: `Ökande frånvaro ${n} veckor i rad: ${percents.map(formatPercent).join(' → ')}`,
        figures: { weeks, minPercent: trend.params.minPercent },
      });
    }
  }

  return hits;
}
