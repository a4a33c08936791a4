import { luhnCheckDigit } from '@app/students';
import { csvRow, RowChecker, stockholmDateTime } from './import-rows';

const nine = '120315123';
const PNR = `20${nine.slice(0, 6)}${nine.slice(6)}${luhnCheckDigit(nine)}`;
const pupils = new Map([[PNR, 'pupil-1']]);
const TODAY = new RowChecker('2026-02-01');
const csv = (...fields: string[]) => fields;

describe('csvRow', () => {
  it('derives attended minutes and matches by any personnummer form', () => {
    const dashed = `${PNR.slice(2, 8)}-${PNR.slice(8)}`;
    expect(csvRow(2, csv('e1', dashed, '2026-01-12', '08:10', '60', '10', '20', ' Sjuk '), pupils, TODAY)).toEqual({
      ok: true,
      lesson: {
        line: 2,
        studentId: 'pupil-1',
        date: '2026-01-12',
        startTime: '08:10',
        offeredMinutes: 60,
        attendedMinutes: 30,
        validAbsenceMinutes: 10,
        invalidAbsenceMinutes: 20,
        reason: 'Sjuk',
        externalId: 'e1',
        calendarEventId: null,
        reported: true,
      },
    });
  });

  it.each([
    [csv('', '201203151230', '2026-01-12', '08:10', '60', '0', '0', ''), 'personnummer', /check digit/],
    [csv('', '201203151234'.replace(/\d$/, '0'), '2026-01-12', '08:10', '60', '0', '0', ''), 'personnummer', /./],
    [csv('', PNR, '2026-03-01', '08:10', '60', '0', '0', ''), 'date', /future/],
    [csv('', PNR, '2026-01-12', '08:10', '60', '40', '30', ''), 'invalid_absence_minutes', /exceed/],
    [csv('', PNR, '2026-01-12', '8', '60', '0', '0', ''), 'start_time', /HH:MM/],
    [csv('', PNR, '2026-01-12', '08:10', 'sixty', '0', '0', ''), 'offered_minutes', /whole minutes/],
  ])('reports %j on %s', (fields, field, reason) => {
    const result = csvRow(3, fields, pupils, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toContainEqual({
        line: 3,
        field,
        code: expect.any(String),
        reason: expect.stringMatching(reason),
      });
  });

  it('reports an unknown pupil without quoting the personnummer', () => {
    const other = `20130101${'123'}${luhnCheckDigit('130101123')}`;
    const result = csvRow(4, csv('', other, '2026-01-12', '08:10', '60', '0', '0', ''), pupils, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          line: 4,
          field: 'personnummer',
          code: expect.any(String),
          reason: 'no pupil with this personnummer at your school',
        },
      ],
    });
    expect(JSON.stringify(result)).not.toContain(other);
  });

  it('reports a wrong number of fields', () => {
    expect(csvRow(5, ['a', 'b'], pupils, TODAY)).toEqual({
      ok: false,
      errors: [{ line: 5, field: 'row', code: expect.any(String), reason: 'has 2 fields, expected 8' }],
    });
  });
});

describe('stockholmDateTime', () => {
  it('converts summer and winter time, and keeps local times without an offset', () => {
    expect(stockholmDateTime('2026-06-01T06:15:00Z')).toMatchObject({ date: '2026-06-01', time: '08:15' });
    expect(stockholmDateTime('2026-01-12T23:30:00Z')).toMatchObject({ date: '2026-01-13', time: '00:30' });
    expect(stockholmDateTime('2026-01-12T08:10:00+01:00')).toMatchObject({ date: '2026-01-12', time: '08:10' });
    expect(stockholmDateTime('2026-01-12T08:10')).toMatchObject({ date: '2026-01-12', time: '08:10' });
    expect(stockholmDateTime('12/01/2026')).toBeNull();
  });
});
