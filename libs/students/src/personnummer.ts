/**
 * Swedish personnummer and samordningsnummer (Skatteverket SKV 704; samordningsnummer adds 60
 * to the day). Accepted forms: YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN (100+).
 * The canonical stored form is 12 digits, YYYYMMDDNNNN.
 */

export type PersonnummerResult =
  { ok: true; canonical: string; coordinationNumber: boolean; birthDate: string } | { ok: false; reason: string };

/** Luhn over the 10 digits YYMMDDNNNC: returns true when the last digit checks. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit for the 9 digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(nineDigits + c)) return c;
  throw new Error('unreachable');
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `today` decides the century of the short forms and refuses birth dates in the future. */
export function parsePersonnummer(input: string, today: Date = new Date()): PersonnummerResult {
  const value = input.trim();
  const match = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/.exec(value);
  if (!match) {
    return { ok: false, reason: 'must be YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN' };
  }
  const [, century, yy, mm, dd, separator, last4] = match;
  if (century && separator === '+') return { ok: false, reason: 'the + separator belongs to the 10-digit form only' };
  if (!century && !separator) return { ok: false, reason: 'a 10-digit number needs its separator (- or +)' };

  let year: number;
  if (century) {
    year = Number(century + yy);
  } else {
    // The short form means the latest such year not in the future; '+' means 100 years more.
    const thisYear = today.getUTCFullYear();
    year = thisYear - ((((thisYear - Number(yy)) % 100) + 100) % 100);
    if (separator === '+') year -= 100;
  }
  const month = Number(mm);
  let day = Number(dd);
  const coordinationNumber = day > 60;
  if (coordinationNumber) day -= 60;
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'the date part is not a real date' };
  const birthDate = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  if (new Date(`${birthDate}T00:00:00Z`) > today) return { ok: false, reason: 'the date part is in the future' };
  if (!luhnValid(`${yy}${mm}${dd}${last4}`)) return { ok: false, reason: 'the check digit is wrong' };
  return { ok: true, canonical: `${year}${mm}${dd}${last4}`, coordinationNumber, birthDate };
}

/**
 * For lists: `20120315-****`. The full number is only shown to those who look a pupil up. A pupil
 * known only by a temporary number of the school register (SS 12000) has none: ''.
 */
export function maskPersonnummer(canonical: string | null): string {
  if (!canonical) return '';
  return `${canonical.slice(0, 8)}-****`;
}
