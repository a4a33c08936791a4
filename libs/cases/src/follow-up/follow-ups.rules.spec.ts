import { ConflictError, UnprocessableError, ValidationError } from '@app/http';
import {
  followUpAttendancePeriod,
  followUpMonths,
  recordableFrom,
  requireClosedForFollowUp,
  requireRecordable,
} from './follow-ups.rules';

describe('follow-up rules', () => {
  it('knows the 6- and 18-month follow-ups only', () => {
    expect(followUpMonths('6')).toBe(6);
    expect(followUpMonths('18')).toBe(18);
    for (const months of ['12', '0', '6.5', 'six', '']) {
      expect(() => followUpMonths(months)).toThrow(ValidationError);
    }
    try {
      followUpMonths('12');
    } catch (error) {
      expect((error as ValidationError).errors).toEqual([
        expect.objectContaining({ field: 'months', code: 'not-a-choice' }),
      ]);
    }
  });

  it('is recordable from 14 days before it is due', () => {
    expect(recordableFrom('2027-06-01')).toBe('2027-05-18');
    expect(recordableFrom('2027-03-10')).toBe('2027-02-24');
  });

  it('is recorded after closure only', () => {
    expect(() => requireClosedForFollowUp('closed')).not.toThrow();
    for (const status of ['open', 'mapping', 'plan_active', 'follow_up']) {
      expect(() => requireClosedForFollowUp(status)).toThrow(ConflictError);
    }
  });

  it('refuses a follow-up too early (422 with the day it becomes recordable) and a second recording (409)', () => {
    expect(() => requireRecordable(6, '2027-06-01', false, '2027-05-18')).not.toThrow();
    expect(() => requireRecordable(6, '2027-06-01', false, '2027-09-01')).not.toThrow();
    let early: unknown;
    try {
      requireRecordable(6, '2027-06-01', false, '2027-05-17');
    } catch (error) {
      early = error;
    }
    expect(early).toBeInstanceOf(UnprocessableError);
    expect((early as UnprocessableError).extensions).toEqual(
      expect.objectContaining({
        recordableFrom: '2027-05-18',
        errors: [expect.objectContaining({ field: 'months', code: 'too-early' })],
      }),
    );
    expect(() => requireRecordable(18, '2027-06-01', true, '2027-09-01')).toThrow(ConflictError);
    // Already recorded wins over too early.
    expect(() => requireRecordable(18, '2027-06-01', true, '2027-01-01')).toThrow(ConflictError);
  });

  it('measures attendance over the last 4 weeks, the day of recording included', () => {
    expect(followUpAttendancePeriod('2027-06-28')).toEqual({ from: '2027-06-01', to: '2027-06-28' });
  });
});
