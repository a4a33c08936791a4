import { ValidationError } from './domain-error';

/**
 * Checks on raw request input that run before authentication, in one place for every route:
 * JSON nesting depth and the NUL character (U+0000), which PostgreSQL cannot store in text or
 * JSONB and which no field of this API may hold.
 */

/** Deeper JSON than this is refused before anything walks it (class-transformer recurses per level). */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;
const DIGIT_ZERO = 0x30;

export interface JsonBodyFacts {
  /** More than MAX_JSON_DEPTH levels of objects and arrays. */
  tooDeep: boolean;
  /** A `\u0000` escape inside a string (a key or a value). */
  hasNul: boolean;
}

/**
 * One pass over the raw JSON bytes (body-parser's `verify` hook), before parsing: depth counts
 * brackets outside strings; a NUL can only appear as the escape `\u0000` (a raw control
 * character is not valid JSON and fails the parser anyway).
 */
export function inspectJsonBody(body: Buffer): JsonBodyFacts {
  let depth = 0;
  let inString = false;
  let hasNul = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) {
        if (
          body[i + 1] === LETTER_U &&
          body[i + 2] === DIGIT_ZERO &&
          body[i + 3] === DIGIT_ZERO &&
          body[i + 4] === DIGIT_ZERO &&
          body[i + 5] === DIGIT_ZERO
        ) {
          hasNul = true;
        }
        i++; // the escaped character never ends the string
      } else if (byte === QUOTE) {
        inString = false;
      }
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return { tooDeep: true, hasNul };
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return { tooDeep: false, hasNul };
}

/** The error body-parser passes on when the depth check fails; the problem filter gives it a fixed text. */
export function jsonTooDeepError(): Error {
  return Object.assign(new Error('JSON nested too deeply'), { status: 400, type: 'entity.too.deep' });
}

/** The dotted path of the first key or string value holding U+0000, or null (`guardians.0.name`). */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    // A NUL in the key itself: name the place without the key, which cannot be shown safely.
    if (key.includes('\u0000')) return path || 'body';
    const found = findNul(child, childPath);
    if (found) return found;
  }
  return null;
}

/** The 400 for a NUL found at `field`. */
export function nulCharacterError(field: string): ValidationError {
  return new ValidationError([
    { field, code: 'nul-character', message: `${field} must not contain the NUL character (U+0000)` },
  ]);
}
