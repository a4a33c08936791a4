import { types } from 'pg';
import { DATE_ARRAY_OID, DATE_OID } from './index';

describe('DATE type parser', () => {
  it('gives a DATE as its YYYY-MM-DD text, not a Date (whatever the time zone)', () => {
    expect(types.getTypeParser(DATE_OID)('2026-01-13')).toBe('2026-01-13');
  });

  it('gives a date[] as an array of YYYY-MM-DD strings, NULL elements as null', () => {
    expect(types.getTypeParser(DATE_ARRAY_OID)('{2026-01-13,2025-12-31,NULL}')).toEqual([
      '2026-01-13',
      '2025-12-31',
      null,
    ]);
    expect(types.getTypeParser(DATE_ARRAY_OID)('{}')).toEqual([]);
  });
});
