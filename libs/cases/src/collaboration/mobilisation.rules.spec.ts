import { invitationDeadline, isValidDeadline } from './mobilisation.rules';

describe('invitation deadline', () => {
  it('defaults to five working days, skipping the weekend and holidays', () => {
    // Friday 2026-12-18 → Mon 21, Tue 22, Wed 23, (24–26 Christmas, 27 Sunday) Mon 28, Tue 29.
    expect(invitationDeadline(undefined, '2026-12-18')).toBe('2026-12-29');
    expect(invitationDeadline('2027-01-05', '2026-12-18')).toBe('2027-01-05');
  });

  it('is a working day after today', () => {
    expect(isValidDeadline('2026-12-21', '2026-12-18')).toBe(true);
    expect(isValidDeadline('2026-12-18', '2026-12-18')).toBe(false); // today
    expect(isValidDeadline('2026-12-17', '2026-12-18')).toBe(false); // past
    expect(isValidDeadline('2026-12-19', '2026-12-18')).toBe(false); // Saturday
    expect(isValidDeadline('2026-12-25', '2026-12-18')).toBe(false); // Christmas Day
    expect(isValidDeadline('2026-02-30', '2026-01-01')).toBe(false); // no such day
  });
});
