import { luhnCheckDigit, maskPersonnummer, parsePersonnummer } from './personnummer';

const today = new Date('2026-11-23T12:00:00Z');

describe('parsePersonnummer', () => {
  // 811218-9876 is Skatteverket's textbook example of a valid number.
  it.each([
    ['198112189876', '198112189876'],
    ['19811218-9876', '198112189876'],
    ['811218-9876', '198112189876'],
    ['  811218-9876 ', '198112189876'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(parsePersonnummer(input, today)).toMatchObject({ ok: true, canonical, coordinationNumber: false });
  });

  it('reads YYMMDD+NNNN as a person of 100 or more', () => {
    expect(parsePersonnummer('811218+9876', today)).toMatchObject({ ok: true, canonical: '188112189876' });
  });

  it('puts a short form in the latest century that is not in the future', () => {
    const check = luhnCheckDigit('120315123');
    expect(parsePersonnummer(`120315-123${check}`, today)).toMatchObject({
      ok: true,
      canonical: `20120315123${check}`,
    });
  });

  it('accepts a samordningsnummer (day + 60) and reports its real birth date', () => {
    const check = luhnCheckDigit('120375123');
    expect(parsePersonnummer(`20120375123${check}`, today)).toEqual({
      ok: true,
      canonical: `20120375123${check}`,
      coordinationNumber: true,
      birthDate: '2012-03-15',
    });
  });

  it.each([
    ['198112189875', 'the check digit is wrong'],
    ['19810230' + '1234', 'the date part is not a real date'],
    ['20301218' + '9876', 'the date part is in the future'],
    ['8112189876', 'a 10-digit number needs its separator (- or +)'],
    ['19811218+9876', 'the + separator belongs to the 10-digit form only'],
    ['198112189', 'must be YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN'],
    ['19811218-98765', 'must be YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN'],
    ['abcdefgh-ijkl', 'must be YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN'],
  ])('refuses %s: %s', (input, reason) => {
    expect(parsePersonnummer(input, today)).toEqual({ ok: false, reason });
  });

  it('refuses day 92 (a samordningsnummer day beyond 31 + 60)', () => {
    expect(parsePersonnummer('20120392-1234', today)).toMatchObject({
      ok: false,
      reason: 'the date part is not a real date',
    });
  });
});

describe('maskPersonnummer', () => {
  it('keeps the birth date and hides the last four digits', () => {
    expect(maskPersonnummer('201203151234')).toBe('20120315-****');
  });
});
