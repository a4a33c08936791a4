import { canMove, TRANSITIONS } from './cases.rules';

describe('case status transitions', () => {
  it('moves forward through the work and back from follow-up to an active plan', () => {
    expect(canMove('open', 'mapping')).toBe(true);
    expect(canMove('mapping', 'plan_active')).toBe(true);
    expect(canMove('plan_active', 'follow_up')).toBe(true);
    expect(canMove('follow_up', 'plan_active')).toBe(true);
  });

  it('skips no step and never goes back to open', () => {
    expect(canMove('open', 'plan_active')).toBe(false);
    expect(canMove('mapping', 'follow_up')).toBe(false);
    expect(canMove('plan_active', 'open')).toBe(false);
    expect(canMove('open', 'open')).toBe(false);
  });

  it('closes from every open state, and a closed case moves nowhere', () => {
    for (const from of ['open', 'mapping', 'plan_active', 'follow_up'] as const)
      expect(canMove(from, 'closed')).toBe(true);
    expect(TRANSITIONS.closed).toEqual([]);
    expect(canMove('closed', 'open')).toBe(false);
  });
});
