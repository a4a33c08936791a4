import { DEFAULT_TERM_DATES, termBounds, termOf, TermDates } from '@app/calendar';
import { Count, CountCells, MIN_CELL, ORGANISATION, StatsTable, suppressSmallCells } from './suppression.rules';

const A = 'school-a';
const B = 'school-b';
const C = 'school-c';

/** One count per school (one pupil per case); the organisation's is their sum. */
function column(name: string, bySchool: Record<string, number>, extra: Partial<CountCells> = {}): CountCells {
  const units: Record<string, Count> = {};
  for (const [school, n] of Object.entries(bySchool)) units[school] = { n, pupils: n };
  const total = Object.values(bySchool).reduce((sum, n) => sum + n, 0);
  units[ORGANISATION] = { n: total, pupils: total };
  return { name, units, ...extra };
}

const table = (schools: string[], counts: CountCells[], derived: StatsTable['derived'] = []): StatsTable => ({
  schools,
  counts,
  derived,
});

/** What an attacker who sees every unit's shown cells (an admin asking per school) can work out. */
function shownFigures(t: StatsTable, name: string) {
  const suppression = suppressSmallCells(t);
  const cells = t.counts.find((c) => c.name === name)!;
  const shown = (unit: string) => (suppression.isSuppressed(unit, name) ? null : (cells.units[unit]?.n ?? 0));
  return {
    suppression,
    organisation: shown(ORGANISATION),
    schools: Object.fromEntries(t.schools.map((s) => [s, shown(s)])),
  };
}

/** The organisation's figure minus the shown schools': what the hidden schools add up to. */
function residue(figures: ReturnType<typeof shownFigures>): number | null {
  if (figures.organisation === null) return null;
  const shown = Object.values(figures.schools).filter((v): v is number => v !== null);
  return figures.organisation - shown.reduce((sum, n) => sum + n, 0);
}

const isSafe = (n: number | null) => n === null || n === 0 || n >= MIN_CELL;

describe('small-cell suppression', () => {
  describe('primary suppression', () => {
    it('hides every count of fewer than 5 pupils, zero included, and shows 5 and more', () => {
      const t = table([A, B], [column('casesByStatus.open', { [A]: 5, [B]: 0 }), column('x', { [A]: 4, [B]: 9 })]);
      const s = suppressSmallCells(t);
      expect(s.isSuppressed(A, 'casesByStatus.open')).toBe(false);
      expect(s.isSuppressed(B, 'casesByStatus.open')).toBe(true);
      expect(s.isSuppressed(A, 'x')).toBe(true);
      expect(s.isSuppressed(B, 'x')).toBe(false);
      expect(s.of(B)).toEqual(['casesByStatus.open']);
    });

    it('counts pupils, not cases: five cases of two pupils are hidden', () => {
      const cells: CountCells = {
        name: 'closed',
        units: { [ORGANISATION]: { n: 5, pupils: 2 }, [A]: { n: 5, pupils: 2 } },
      };
      expect(suppressSmallCells(table([A], [cells])).isSuppressed(A, 'closed')).toBe(true);
    });

    it('hides a yes/no count whose "no" side is small, and one whose base is hidden', () => {
      const base: CountCells = {
        name: 'recorded',
        units: { [ORGANISATION]: { n: 11, pupils: 11 }, [A]: { n: 11, pupils: 11 } },
      };
      const yes = (n: number): CountCells => ({
        name: 'back',
        partOf: 'recorded',
        units: {
          [ORGANISATION]: { n, pupils: n, complementPupils: 11 - n },
          [A]: { n, pupils: n, complementPupils: 11 - n },
        },
      });
      expect(suppressSmallCells(table([A], [base, yes(6)])).isSuppressed(A, 'back')).toBe(false);
      // 7 back, 4 not: 11 − 7 would give the four away.
      expect(suppressSmallCells(table([A], [base, yes(7)])).isSuppressed(A, 'back')).toBe(true);
      const smallBase: CountCells = { name: 'recorded', units: { [A]: { n: 3, pupils: 3 } } };
      const inSmall: CountCells = {
        name: 'back',
        partOf: 'recorded',
        units: { [A]: { n: 0, pupils: 0, complementPupils: 3 } },
      };
      expect(suppressSmallCells(table([A], [smallBase, inSmall])).of(A)).toEqual(['recorded', 'back']);
    });
  });

  describe('the known attacks', () => {
    it('organisation minus one school: open 6 − Storsjöskolan 5 no longer gives Parkskolan’s 1', () => {
      const t = table([A, B], [column('casesByStatus.open', { [A]: 5, [B]: 1 })]);
      const figures = shownFigures(t, 'casesByStatus.open');
      expect(figures.schools[B]).toBeNull();
      expect(isSafe(residue(figures))).toBe(true);
      // Storsjöskolan's staff know its 5, so hiding it would not do: the organisation's figure goes.
      expect(figures).toMatchObject({ organisation: null, schools: { [A]: 5, [B]: null } });
    });

    it('organisation minus all but one school: the smallest shown school is hidden too', () => {
      const t = table([A, B, C], [column('closed', { [A]: 20, [B]: 7, [C]: 2 })]);
      const figures = shownFigures(t, 'closed');
      // 29 − 20 − 7 gave C's 2. Hiding B alone is not enough: B's principal knows its 7.
      expect(figures).toMatchObject({ organisation: 29, schools: { [A]: null, [B]: null, [C]: null } });
      expect(residue(figures)).toBe(29);
    });

    it('a principal of one hidden school colluding with the admin learns nothing small', () => {
      // Hidden B (7) and C (2): B's principal knows B's true 7, and 9 − 7 = 2 would give C away.
      const t = table([A, B, C, 'school-d'], [column('closed', { [A]: 20, [B]: 7, [C]: 2, 'school-d': 8 })]);
      const figures = shownFigures(t, 'closed');
      const hidden = [B, C, 'school-d'].filter((s) => figures.schools[s] === null);
      for (const insider of hidden) {
        const known = t.counts[0].units[insider].n;
        expect(isSafe(residue(figures)! - known)).toBe(true);
      }
      expect(figures.organisation).toBe(37);
      expect(figures.schools[A]).toBe(20);
    });

    it('leaves the organisation shown when the hidden schools have nothing', () => {
      const figures = shownFigures(table([A, B], [column('closed', { [A]: 11, [B]: 0 })]), 'closed');
      expect(figures).toEqual(expect.objectContaining({ organisation: 11, schools: { [A]: 11, [B]: null } }));
    });

    it('an organisation of one school shows the same cell as the school', () => {
      expect(shownFigures(table([A], [column('open', { [A]: 3 })]), 'open')).toMatchObject({
        organisation: null,
        schools: { [A]: null },
      });
      expect(shownFigures(table([A], [column('open', { [A]: 8 })]), 'open')).toMatchObject({
        organisation: 8,
        schools: { [A]: 8 },
      });
    });

    it('the "no" side of a yes/no count cannot be subtracted either', () => {
      // Recorded follow-ups 10 at A and 10 at B; back in school 5 at A (5 not), 5 at B … but B's
      // "no" side is 5 and A's is 5, the organisation's 10: all shown. Now make B's "no" side 1.
      const recorded = column('recorded', { [A]: 10, [B]: 6 });
      const back: CountCells = {
        name: 'back',
        partOf: 'recorded',
        units: {
          [ORGANISATION]: { n: 10, pupils: 10, complementPupils: 6 },
          [A]: { n: 5, pupils: 5, complementPupils: 5 },
          [B]: { n: 5, pupils: 5, complementPupils: 1 },
        },
      };
      const t = table([A, B], [recorded, back]);
      const s = suppressSmallCells(t);
      expect(s.isSuppressed(B, 'back')).toBe(true);
      // Otherwise organisation 10 − A 5 = B's 5 back, and B's 6 recorded − 5 = the one who is not.
      const orgBack = s.isSuppressed(ORGANISATION, 'back');
      const aBack = s.isSuppressed(A, 'back');
      expect(orgBack || aBack).toBe(true);
    });

    it('a share whose base is small is hidden, and so is a share next to a hidden part', () => {
      const share = (count: number, reached: number) => {
        const base: CountCells = { name: 'plans', units: { [A]: { n: count, pupils: count } } };
        base.units[ORGANISATION] = base.units[A];
        const part: CountCells = {
          name: 'plans.reached',
          partOf: 'plans',
          units: { [A]: { n: reached, pupils: reached, complementPupils: count - reached } },
        };
        part.units[ORGANISATION] = part.units[A];
        const derived = [
          { name: 'plans.share', pupils: { [A]: count, [ORGANISATION]: count }, dependsOn: ['plans.reached'] },
        ];
        return suppressSmallCells(table([A], [base, part], derived)).isSuppressed(A, 'plans.share');
      };
      expect(share(4, 3)).toBe(true); // 75 % of four pupils
      expect(share(6, 5)).toBe(true); // 83 % of six: the one who did not reach it
      expect(share(11, 5)).toBe(false);
    });

    it('hides a median of fewer than 5 pupils', () => {
      const t = table([A], [], [{ name: 'medianDaysToPlan', pupils: { [A]: 4, [ORGANISATION]: 4 } }]);
      expect(suppressSmallCells(t).of(A)).toEqual(['medianDaysToPlan']);
    });

    it('two overlapping periods can no longer be asked for: terms are fixed and never overlap', () => {
      // With free ranges, [1 Mar, 31 Mar] minus [2 Mar, 31 Mar] gave the cases of one day.
      // Terms partition the calendar: each day lies in exactly one term, whatever the organisation's dates.
      const dateSets: TermDates[] = [DEFAULT_TERM_DATES, { autumnStart: '08-20', springStart: '01-08' }];
      for (const dates of dateSets) {
        const wrong: string[] = [];
        let previous = termOf('2025-01-01', dates);
        for (let i = 1; i < 800; i++) {
          const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
          const term = termOf(day, dates);
          const bounds = termBounds(term.term, dates)!;
          const abuts = term.term === previous.term || term.from === day;
          if (term.from > day || day > term.to || bounds.from !== term.from || bounds.to !== term.to || !abuts) {
            wrong.push(day);
          }
          previous = term;
        }
        expect(wrong).toEqual([]);
      }
    });

    it('is consistent for every caller: one table, one decision per cell', () => {
      // The admin's Storsjöskolan cell and Storsjöskolan's principal's are the same call.
      const t = table([A, B, C], [column('open', { [A]: 12, [B]: 6, [C]: 3 })]);
      const once = suppressSmallCells(t);
      const again = suppressSmallCells(t);
      for (const unit of [ORGANISATION, A, B, C]) expect(once.of(unit)).toEqual(again.of(unit));
    });
  });
});
