/**
 * Small-cell suppression for outcome statistics, as pure logic over one table: the organisation
 * and each of its schools (the units) × the figures. Applied once to the whole table of a term,
 * so that every caller's slice (an admin's organisation or school, a principal's school) shows
 * and hides the same cells, and no hidden cell can be worked out from shown ones.
 *
 * 1. Primary: a count of fewer than MIN_CELL distinct pupils (zero included) is hidden; so is a
 *    yes/no count whose "no" side (base − yes) is below MIN_CELL, since the base gives it back.
 * 2. A yes/no count is hidden wherever its base is hidden (yes + no would give the base back).
 * 3. Complementary: counts add up across schools, so for every count (and every "no" side) the
 *    organisation's figure minus the sum of the shown schools' figures must be 0 or at least
 *    MIN_CELL (and MIN_CELL pupils); otherwise the smallest shown school's figure is hidden too,
 *    and when no school is left to hide, the organisation's. The staff of a school know its true
 *    figures (they read its cases), so the rest must hold without any one hidden school too: a
 *    principal colluding with the admin learns nothing below MIN_CELL. A hidden organisation
 *    figure with every school shown would be their sum, so one school is hidden then as well.
 * 4. Steps 2–3 repeat until nothing changes (hiding only grows, so this ends).
 * 5. Derived figures (shares, medians, percentages) are hidden when fewer than MIN_CELL pupils
 *    are behind them or a count they depend on is hidden (a share next to its base gives the count).
 */

/** Cells counting fewer pupils than this are suppressed, as are figures derived from them. */
export const MIN_CELL = 5;

/** The unit key of the organisation's total; schools are keyed by their id. */
export const ORGANISATION = 'organisation';

export interface Count {
  /** The figure shown (cases, plans, follow-ups): it adds up across schools. */
  n: number;
  /** Distinct pupils behind it. */
  pupils: number;
  /** For a yes/no count (`partOf` set): distinct pupils on the "no" side. */
  complementPupils?: number;
}

export interface CountCells {
  /** The cell's name in the answer, e.g. `casesByStatus.open`. */
  name: string;
  /** The count this is the "yes" part of: its base, so that base − this is known too. */
  partOf?: string;
  /** Per unit (ORGANISATION or a school id); a unit missing here counts zero. */
  units: Record<string, Count>;
}

export interface DerivedCells {
  /** The figure's name in the answer, e.g. `medianDaysToPlan`. */
  name: string;
  /** Distinct pupils behind the figure, per unit; missing counts zero. */
  pupils: Record<string, number>;
  /** Counts whose suppression hides this figure too. */
  dependsOn?: string[];
}

export interface StatsTable {
  schools: string[];
  counts: CountCells[];
  derived: DerivedCells[];
}

const NONE: Count = { n: 0, pupils: 0, complementPupils: 0 };

/** What the hidden cells of a column add up to may be known when it is 0 or not small. */
const isSafeResidue = (n: number, pupils: number) => n === 0 || (n >= MIN_CELL && pupils >= MIN_CELL);

/** Which cells of the table are hidden. */
export class Suppression {
  constructor(
    private readonly order: string[],
    private readonly hidden: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  isSuppressed(unit: string, name: string): boolean {
    return this.hidden.get(name)?.has(unit) ?? false;
  }

  /** The hidden cells of one unit, in table order. */
  of(unit: string): string[] {
    return this.order.filter((name) => this.isSuppressed(unit, name));
  }
}

export function suppressSmallCells(table: StatsTable): Suppression {
  const { schools } = table;
  const units = [ORGANISATION, ...schools];
  const hidden = new Map<string, Set<string>>();
  const isHidden = (name: string, unit: string) => hidden.get(name)?.has(unit) ?? false;
  /** Hides one cell; true when it was shown before. */
  const hide = (name: string, unit: string): boolean => {
    if (isHidden(name, unit)) return false;
    if (!hidden.has(name)) hidden.set(name, new Set());
    hidden.get(name)!.add(unit);
    return true;
  };
  const counts = new Map(table.counts.map((cells) => [cells.name, cells]));
  const countOf = (cells: CountCells, unit: string): Count => cells.units[unit] ?? NONE;
  /** The "no" side of a yes/no count: base − yes, with its own pupils. */
  const complementOf = (cells: CountCells, unit: string): Count => {
    const base = counts.get(cells.partOf!);
    if (!base) throw new Error(`${cells.name} is part of ${cells.partOf}, which is not in the table`);
    const yes = countOf(cells, unit);
    return { n: countOf(base, unit).n - yes.n, pupils: yes.complementPupils ?? 0 };
  };

  /**
   * Complementary suppression of one column (a count, or the "no" side of one, which shows and
   * hides with it): hides schools' cells, smallest first, until the organisation's figure minus
   * the shown schools' figures is 0 or at least MIN_CELL, also for an insider of any one hidden
   * school. Hiding more schools of at least MIN_CELL never makes a safe column unsafe, so when
   * even hiding them all would not do, the organisation's figure goes instead. True when it hid anything.
   */
  const protectColumn = (name: string, figure: (unit: string) => Count): boolean => {
    const safeWhenHidden = (hiddenSchools: string[]) => {
      const hiddenCounts = hiddenSchools.map(figure);
      const residue = hiddenCounts.reduce((sum, count) => sum + count.n, 0);
      const pupils = hiddenCounts.reduce((sum, count) => sum + count.pupils, 0);
      // The organisation's figure is the sum of its schools', so the residue is the hidden schools' sum.
      const orgResidue = figure(ORGANISATION).n - (totalOfSchools - residue);
      return [{ n: 0, pupils: 0 }, ...hiddenCounts].every((insider) =>
        isSafeResidue(orgResidue - insider.n, pupils - insider.pupils),
      );
    };
    const totalOfSchools = schools.reduce((sum, school) => sum + figure(school).n, 0);
    let changed = false;
    for (;;) {
      const shown = schools.filter((school) => !isHidden(name, school));
      const smallest = shown
        .map((school) => ({ school, ...figure(school) }))
        .sort((a, b) => a.n - b.n || a.pupils - b.pupils || a.school.localeCompare(b.school))[0];
      if (isHidden(name, ORGANISATION)) {
        if (schools.length === 0 || shown.length < schools.length) return changed;
        changed = hide(name, smallest.school) || changed;
        continue;
      }
      if (safeWhenHidden(schools.filter((school) => isHidden(name, school)))) return changed;
      hide(name, smallest && safeWhenHidden(schools) ? smallest.school : ORGANISATION);
      changed = true;
    }
  };

  for (const cells of table.counts) {
    for (const unit of units) {
      const count = countOf(cells, unit);
      const smallNo = cells.partOf !== undefined && complementOf(cells, unit).pupils < MIN_CELL;
      if (count.pupils < MIN_CELL || smallNo) hide(cells.name, unit);
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of table.counts) {
      if (cells.partOf) {
        for (const unit of units) if (isHidden(cells.partOf, unit)) changed = hide(cells.name, unit) || changed;
      }
      changed = protectColumn(cells.name, (unit) => countOf(cells, unit)) || changed;
      if (cells.partOf) changed = protectColumn(cells.name, (unit) => complementOf(cells, unit)) || changed;
    }
  }
  for (const figure of table.derived) {
    for (const unit of units) {
      const dependsOnHidden = (figure.dependsOn ?? []).some((name) => isHidden(name, unit));
      if ((figure.pupils[unit] ?? 0) < MIN_CELL || dependsOnHidden) hide(figure.name, unit);
    }
  }
  return new Suppression([...table.counts.map((c) => c.name), ...table.derived.map((d) => d.name)], hidden);
}
