import {
  effectiveRules,
  evaluateRules,
  formatDayRange,
  formatPercent,
  isoWeekLabel,
  longestRun,
  PupilSignalFacts,
  RuleSet,
  signalWindows,
  validateRuleParams,
} from './rule-evaluation';

const none: PupilSignalFacts = {
  offered: 1000,
  valid: 0,
  invalid: 0,
  weeks: [],
  streak: null,
  weekdayWeeks: [0, 0, 0, 0, 0],
};
const defaults = effectiveRules([]);
const rulesOf = (hits: ReturnType<typeof evaluateRules>) => hits.map((h) => h.rule);

describe('effective rules', () => {
  it('are the defaults without overrides', () => {
    expect(defaults.absence_share).toMatchObject({ enabled: true, params: { percent: 10, weeks: 4 }, isDefault: true });
    expect(defaults.invalid_streak.params).toEqual({ days: 3, withinWeeks: 4 });
    expect(defaults.weekday_pattern.params).toEqual({ weeksHit: 3, ofWeeks: 4, minAbsentShareOfDay: 50 });
    expect(defaults.rising_trend.params).toEqual({ weeks: 3, minPercent: 5 });
  });

  it('merge an override with the defaults', () => {
    const set = effectiveRules([{ kind: 'absence_share', enabled: false, params: { percent: 15 } }]);
    expect(set.absence_share).toMatchObject({ enabled: false, params: { percent: 15, weeks: 4 }, isDefault: false });
    expect(set.rising_trend.isDefault).toBe(true);
  });
});

describe('validateRuleParams', () => {
  it('accepts values within bounds and fills omitted ones with defaults', () => {
    expect(validateRuleParams('absence_share', { percent: 50 })).toEqual({
      params: { percent: 50, weeks: 4 },
      errors: [],
    });
    expect(validateRuleParams('absence_share', { percent: 1, weeks: 12 }).errors).toEqual([]);
  });

  it('names the field out of bounds, unknown or not whole', () => {
    expect(validateRuleParams('absence_share', { percent: 51 }).errors).toEqual([
      { field: 'params.percent', code: expect.any(String), message: 'percent must be between 1 and 50' },
    ]);
    expect(validateRuleParams('absence_share', { percent: 0 }).errors[0].field).toBe('params.percent');
    expect(validateRuleParams('invalid_streak', { days: 1 }).errors[0].field).toBe('params.days');
    expect(validateRuleParams('invalid_streak', { days: 2.5 }).errors[0].field).toBe('params.days');
    expect(validateRuleParams('rising_trend', { foo: 1 }).errors[0].field).toBe('params.foo');
    expect(validateRuleParams('weekday_pattern', { weeksHit: 5, ofWeeks: 4 }).errors[0].field).toBe('params.weeksHit');
    expect(validateRuleParams('weekday_pattern', 'x').errors[0].field).toBe('params');
  });
});

describe('evaluateRules', () => {
  it('hits the share rule at exactly 10 % and not at 9.9 %', () => {
    expect(rulesOf(evaluateRules({ ...none, offered: 1000, valid: 40, invalid: 60 }, defaults))).toEqual([
      'absence_share',
    ]);
    expect(evaluateRules({ ...none, offered: 1000, valid: 40, invalid: 59 }, defaults)).toEqual([]);
  });

  it('explains the share rule in Swedish', () => {
    const [hit] = evaluateRules({ ...none, offered: 1000, valid: 80, invalid: 60 }, defaults);
    expect(hit.explanation).toBe('14 % frånvaro senaste 4 veckorna, varav 6 % ogiltig');
    expect(hit.figures).toMatchObject({ absencePercent: 14, invalidAbsencePercent: 6, thresholdPercent: 10 });
    const [decimal] = evaluateRules({ ...none, offered: 1000, valid: 25, invalid: 100 }, defaults);
    expect(decimal.explanation).toBe('12,5 % frånvaro senaste 4 veckorna, varav 10 % ogiltig');
  });

  it('hits the streak rule from 3 days', () => {
    const hits = evaluateRules({ ...none, streak: { days: 3, from: '2026-11-12', to: '2026-11-16' } }, defaults);
    expect(hits).toEqual([
      {
        rule: 'invalid_streak',
        explanation: 'Ogiltig frånvaro 3 skoldagar i rad (12–16 nov)',
        figures: { days: 3, from: '2026-11-12', to: '2026-11-16', thresholdDays: 3 },
      },
    ]);
    expect(evaluateRules({ ...none, streak: { days: 2, from: '2026-11-12', to: '2026-11-13' } }, defaults)).toEqual([]);
  });

  it('hits the weekday rule at 3 of 4 weeks', () => {
    const [hit] = evaluateRules({ ...none, weekdayWeeks: [3, 0, 0, 0, 2] }, defaults);
    expect(hit.explanation).toBe('Frånvarande på måndagar 3 av de senaste 4 veckorna');
    expect(hit.figures.weekdays).toEqual([{ weekday: 'monday', weeksHit: 3 }]);
    const [two] = evaluateRules({ ...none, weekdayWeeks: [3, 0, 0, 0, 4] }, defaults);
    expect(two.explanation).toBe('Frånvarande på måndagar (3 av 4) och fredagar (4 av 4) de senaste 4 veckorna');
    expect(evaluateRules({ ...none, weekdayWeeks: [2, 2, 2, 2, 2] }, defaults)).toEqual([]);
  });

  it('hits the trend rule when each of the last 3 weeks is higher and the latest ≥ 5 %', () => {
    const weeks = (...pcts: number[]) =>
      pcts.map((p, i) => ({ weekStart: `2026-11-0${2 + i}`, offered: 1000, absent: p * 10 }));
    const [hit] = evaluateRules({ ...none, weeks: weeks(20, 4, 9, 15) }, defaults);
    expect(hit.rule).toBe('rising_trend');
    expect(hit.explanation).toBe('Ökande frånvaro 3 veckor i rad: 4 % → 9 % → 15 %');
    expect(evaluateRules({ ...none, weeks: weeks(4, 9, 9) }, defaults)).toEqual([]);
    expect(evaluateRules({ ...none, weeks: weeks(1, 2, 4.9) }, defaults)).toEqual([]);
    expect(rulesOf(evaluateRules({ ...none, weeks: weeks(1, 2, 5) }, defaults))).toEqual(['rising_trend']);
    expect(evaluateRules({ ...none, weeks: weeks(9, 15) }, defaults)).toEqual([]);
  });

  it('never hits a disabled rule', () => {
    const set: RuleSet = effectiveRules([{ kind: 'absence_share', enabled: false, params: {} }]);
    expect(evaluateRules({ ...none, valid: 500 }, set)).toEqual([]);
  });
});

describe('windows and formatting', () => {
  it('uses complete ISO weeks for the trend', () => {
    // Monday 2026-11-23: the last complete week is 16–22 nov.
    const monday = signalWindows(defaults, '2026-11-23');
    expect(monday).toMatchObject({ shareFrom: '2026-10-27', trendTo: '2026-11-22', trendFrom: '2026-10-19' });
    // Friday 2026-11-20: its own week counts.
    expect(signalWindows(defaults, '2026-11-20')).toMatchObject({ trendTo: '2026-11-20', trendFrom: '2026-10-19' });
  });

  it('formats in Swedish', () => {
    expect(formatPercent(9.94)).toBe('9,9 %');
    expect(formatDayRange('2026-10-28', '2026-11-03')).toBe('28 okt–3 nov');
    expect(formatDayRange('2025-12-30', '2026-01-02')).toBe('30 dec 2025–2 jan 2026');
    expect(isoWeekLabel('2026-11-16')).toBe('2026-W47');
    expect(isoWeekLabel('2020-12-28')).toBe('2020-W53');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
  });
});

describe('longestRun', () => {
  const days = ['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-09'];
  it('finds runs of consecutive school days, the longest (latest if tied) ending in the window', () => {
    // school days: 2 3 4 5 6 9 → invalid on 2,3 | 5,6,9
    expect(longestRun('110111', days, '2026-11-01')).toEqual({ days: 3, from: '2026-11-05', to: '2026-11-09' });
    expect(longestRun('1101', ['2026-11-02', '2026-11-03', '2026-11-05'], '2026-11-01')).toEqual({
      days: 2,
      from: '2026-11-02',
      to: '2026-11-03',
    });
    expect(longestRun('11011', ['a1', 'a2', 'b1', 'b2'], 'a')).toEqual({ days: 2, from: 'b1', to: 'b2' });
    expect(longestRun('111000', ['2026-10-01', '2026-10-02', '2026-10-05'], '2026-10-10')).toBeNull();
    expect(longestRun('000', [], '2026-10-10')).toBeNull();
  });

  it('reads 2 (invalid absence on a day a run may end, as the watch-list SQL marks it) like 1', () => {
    expect(longestRun('110122', days, '2026-11-06')).toEqual({ days: 3, from: '2026-11-05', to: '2026-11-09' });
    expect(longestRun('1102', ['2026-11-02', '2026-11-03', '2026-11-06'], '2026-11-04')).toEqual({
      days: 1,
      from: '2026-11-06',
      to: '2026-11-06',
    });
  });
});
