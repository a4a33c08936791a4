import { formatDate, formatPercent, formatWeek } from '../format';
import { texts } from '../texts';
import type { RuleHit } from '../api-types';

const t = texts.pupils.reasons;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const pct = (value: unknown) => formatPercent(num(value), true);

/**
 * Why a pupil is on the watch list, in Swedish words built from the rule hit's figures. A rule
 * this app does not know (or figures it cannot read) falls back to the API's own explanation.
 */
export function ruleHitText(hit: RuleHit): string {
  const f = hit.figures ?? {};
  switch (hit.rule) {
    case 'absence_share': {
      const weeks = num(f.weeks);
      if (num(f.absencePercent) === null || weeks === null) break;
      return t.absenceShare(pct(f.absencePercent), weeks, pct(f.invalidAbsencePercent), pct(f.thresholdPercent));
    }
    case 'invalid_streak': {
      const days = num(f.days);
      if (days === null) break;
      return t.invalidStreak(days, formatDate(str(f.from)), formatDate(str(f.to)));
    }
    case 'weekday_pattern': {
      const ofWeeks = num(f.ofWeeks);
      const weekdays = Array.isArray(f.weekdays) ? (f.weekdays as { weekday?: unknown; weeksHit?: unknown }[]) : [];
      const days = weekdays
        .map((d) => ({ name: t.weekdays[String(d.weekday)], weeksHit: num(d.weeksHit) }))
        .filter((d): d is { name: string; weeksHit: number } => !!d.name && d.weeksHit !== null);
      if (ofWeeks === null || !days.length) break;
      return t.weekdayPattern(days, ofWeeks);
    }
    case 'rising_trend': {
      const weeks = Array.isArray(f.weeks) ? (f.weeks as { week?: unknown; absencePercent?: unknown }[]) : [];
      if (weeks.length < 2) break;
      return t.risingTrend(weeks.map((w) => t.trendStep(formatWeek(String(w.week ?? '')), pct(w.absencePercent))));
    }
  }
  return hit.explanation;
}
