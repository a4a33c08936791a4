import { types } from 'pg';

type Oid = typeof types.builtins.DATE;

/** `date`: PostgreSQL's type id of a DATE column. */
export const DATE_OID: Oid = types.builtins.DATE;
/** `date[]` (`_date`). */
export const DATE_ARRAY_OID = 1182 as Oid;
/** `text[]` (`_text`): pg's parser of it answers an array of strings. */
const TEXT_ARRAY_OID = 1009 as Oid;

/*
 * DATE columns (and `date[]`) arrive as their `YYYY-MM-DD` text, as PostgreSQL writes them (its
 * default DateStyle ISO, which pg's timestamp parsing assumes too), never as a JS `Date` (pg's
 * default makes one at local midnight, which names another day in any time zone west of UTC).
 * Registered once on the one `pg` module that TypeORM, pg-boss and the tests load, when this
 * library is first imported (index.ts exports this file first; data-source-options.ts imports it),
 * so before any connection is made. No `to_char(…, 'YYYY-MM-DD')` on a DATE column.
 */
types.setTypeParser(DATE_OID, (value: string) => value);
types.setTypeParser(DATE_ARRAY_OID, types.getTypeParser(TEXT_ARRAY_OID) as (value: string) => string[]);
