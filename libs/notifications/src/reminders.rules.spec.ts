import { REMINDER_KINDS, reminderDay } from './reminders.rules';

describe('the reminder sweep day', () => {
  it('counts working days on an ordinary Wednesday', () => {
    expect(reminderDay('2026-03-04')).toEqual({
      today: '2026-03-04',
      deadlineSoonUntil: '2026-03-05',
      escalateBefore: '2026-03-03',
      flagBefore: '2026-03-03',
      dueSoonUntil: '2026-03-06',
    });
  });

  it('skips the weekend on a Monday and a Friday', () => {
    expect(reminderDay('2026-03-09')).toMatchObject({ escalateBefore: '2026-03-06', dueSoonUntil: '2026-03-11' });
    expect(reminderDay('2026-03-06').deadlineSoonUntil).toBe('2026-03-09');
  });

  it('skips Swedish holidays: from Maundy Thursday the next working day is the Tuesday after Easter', () => {
    expect(reminderDay('2026-04-02').deadlineSoonUntil).toBe('2026-04-07');
    expect(reminderDay('2026-04-07').escalateBefore).toBe('2026-04-02');
  });

  it('runs every reminder kind once', () => {
    expect(new Set(REMINDER_KINDS).size).toBe(REMINDER_KINDS.length);
    expect(REMINDER_KINDS).toHaveLength(8);
  });
});
