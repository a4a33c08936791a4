/**
 * A Swedish personnummer or samordningsnummer as someone may type it into a URL: 10 or 12
 * digits, with or without `-` or `+` (also percent-encoded, `%2B`) before the last four. Only
 * whole numbers: not part of a longer run of letters and digits (an id), but right after a
 * percent-encoded character (`%2F201001011234`).
 */
const PERSONAL_NUMBER = /(?:(?<![0-9A-Za-z])|(?<=%[0-9A-Fa-f]{2}))(?:\d{2})?\d{6}(?:[-+]|%2[Bb])?\d{4}(?![0-9A-Za-z])/g;

/** Replaces every personnummer-shaped number in text that is about to be logged (a request path). */
export function redactPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, '[redacted]');
}
