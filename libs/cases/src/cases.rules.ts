import type { CaseStatus } from './case-access';

/** The only moves a case makes. Closing is possible from every open state (with an outcome). */
export const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  open: ['mapping', 'closed'],
  mapping: ['plan_active', 'closed'],
  plan_active: ['follow_up', 'closed'],
  follow_up: ['plan_active', 'closed'],
  closed: [],
};

/** A day counts toward the first signal when absence over the 4 weeks up to it reached 10 %. */
export const SIGNAL_PERCENT = 10;

/** Whether a case in `from` may become `to`. */
export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
