import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationError } from './domain-error';
import { isIsoInstant } from './iso-instant';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `?limit=&cursor=` of every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, as given.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** For OpenAPI: the list envelope of an item class. */
export function pageSchema(itemClass: abstract new (...args: never[]) => unknown) {
  class PageOf {
    @ApiProperty({ type: [itemClass] }) items: unknown[];
    @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  }
  Object.defineProperty(PageOf, 'name', { value: `PageOf${itemClass.name}` });
  return PageOf;
}

/**
 * Keyset pagination: the cursor is the sort key of the last item seen, opaque to clients.
 * Keys are simple JSON values (strings, numbers) so that the cursor is small and stable.
 */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The type of one sort-key column, as the list's SQL compares it. A cursor is client input:
 * each value is checked against its column's type here, so that a hand-made cursor is a 400
 * on `cursor` and never reaches PostgreSQL as a value it cannot cast (or a NUL it cannot store).
 */
export type CursorKey = 'text' | 'uuid' | 'int' | 'date' | 'time' | 'timestamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

const KEY_CHECKS: Record<CursorKey, (value: unknown) => boolean> = {
  // Text keys are names and usernames: no NUL (PostgreSQL refuses it), bounded by the cursor's length.
  text: (v) => typeof v === 'string' && !v.includes('\u0000'),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  int: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoInstant(v),
  time: (v) => typeof v === 'string' && TIME.test(v),
  timestamp: (v) => typeof v === 'string' && v.includes('T') && isIsoInstant(v),
};

/**
 * Reads a cursor this API gave out for a list sorted by `keys`, or null when none was given.
 * Anything else — not base64url JSON, the wrong number of values, a value of the wrong type —
 * is a 400 on the `cursor` field.
 */
export function decodeCursor(cursor: string | undefined, keys: readonly CursorKey[]): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === keys.length && key.every((value, i) => KEY_CHECKS[keys[i]](value))) {
      return key;
    }
  } catch {
    // falls through to the validation error
  }
  throw new ValidationError([
    { field: 'cursor', code: 'invalid-cursor', message: 'cursor is not one this API gave out' },
  ]);
}

/** Given `limit + 1` rows, cuts the page and makes the cursor from the last item kept. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => unknown[], map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(map),
    nextCursor: more && kept.length ? encodeCursor(key(kept[kept.length - 1])) : null,
  };
}
