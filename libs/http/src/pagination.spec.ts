import { decodeCursor, encodeCursor } from './pagination';
import { isCalendarDate, isIsoInstant } from './iso-instant';

describe('decodeCursor', () => {
  const uuid = '4f0c1c9e-5d2a-4b8e-9c3f-0a1b2c3d4e5f';

  it('reads back what encodeCursor wrote, for each key type', () => {
    const key = ['Lind', uuid, 7, '2026-01-15', '08:00', '2026-01-15T08:00:00.123456Z'];
    expect(decodeCursor(encodeCursor(key), ['text', 'uuid', 'int', 'date', 'time', 'timestamp'])).toEqual(key);
    expect(decodeCursor(undefined, ['int'])).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'abc', ['int']],
    ['too few values', encodeCursor([1]), ['int', 'uuid']],
    ['a NUL in text', encodeCursor(['a\u0000b']), ['text']],
    ['a number for text', encodeCursor([5]), ['text']],
    ['not a uuid', encodeCursor(['x']), ['uuid']],
    ['a negative int', encodeCursor([-1]), ['int']],
    ['an int as a string', encodeCursor(['1']), ['int']],
    ['an unsafe int', encodeCursor([2 ** 60]), ['int']],
    ['no such day', encodeCursor(['2026-02-30']), ['date']],
    ['a signed year', encodeCursor(['-2026-01-01']), ['date']],
    ['no such time', encodeCursor(['24:00']), ['time']],
    ['a date for a timestamp', encodeCursor(['2026-01-15']), ['timestamp']],
    ['infinity', encodeCursor(['infinity']), ['timestamp']],
  ] as const)('refuses %s with a 400 on cursor', (_, cursor, keys) => {
    expect(() => decodeCursor(cursor, keys)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('isIsoInstant', () => {
  it.each(['2026-01-15', '2026-01-15T08:00', '2026-01-15T08:00:00Z', '2026-01-15T08:00:00.123+01:00', '2024-02-29'])(
    'takes %s',
    (value) => expect(isIsoInstant(value)).toBe(true),
  );
  it.each([
    '-2026-01-01',
    '+002026-01-01',
    '2026-02-30',
    '2025-02-29',
    '0000-01-01',
    '2026-01-15T24:00:00Z',
    '20260115',
    '',
    5,
  ])('refuses %s', (value) => expect(isIsoInstant(value)).toBe(false));
});

describe('isCalendarDate', () => {
  it.each(['2026-01-15', '2024-02-29', '0001-01-01'])('takes %s', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '2026-01-15T08:00', '2026-1-5', '15/01/2026', '', null, 20260115])(
    'refuses %s',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );
});
