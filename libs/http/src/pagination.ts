import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationError } from './domain-error';

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

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((v) => ['string', 'number'].includes(typeof v))) {
      return key;
    }
  } catch {
    // falls through to the validation error
  }
  throw new ValidationError([{ field: 'cursor', message: 'cursor is not one this API gave out' }]);
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
