import { ValidationArguments, ValidationOptions, ValidateBy } from 'class-validator';

/**
 * An ISO 8601 date or date-time as PostgreSQL reads it without surprises: a four-digit year
 * 0001–9999 (no sign, no expanded year such as `-2026-01-01`, which class-validator's IsISO8601
 * accepts and PostgreSQL rejects), a real calendar day, and an optional time with an optional
 * `Z` or ±hh:mm offset.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

export function isIsoInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC maps years 1–99 to 1901–1999, which have the same leap years: the day check holds.
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The one validator for date and date-time inputs (query filters and body fields). */
export function IsIsoInstant(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value) => isIsoInstant(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a date or date-time (ISO 8601, e.g. 2026-01-31T08:00:00Z)`,
      },
    },
    validationOptions,
  );
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): boolean {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isIsoInstant(value);
}

/** The one validator for date-only inputs: a malformed or impossible date is a 400 at the field. */
export function IsCalendarDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be ${validationOptions?.each ? 'dates' : 'a date'} YYYY-MM-DD`,
      },
    },
    validationOptions,
  );
}

/**
 * `@IsCalendarDate(realDate)`: the message of a date-only input as the services' own check answered
 * before `@IsCalendarDate()` (both with code `invalid-date`): an impossible day (2026-02-30) "must be
 * a real date", anything else "must be a date YYYY-MM-DD".
 */
export const realDate: ValidationOptions = {
  message: ({ property, value }: ValidationArguments): string =>
    CALENDAR_DATE.test(String(value)) ? `${property} must be a real date` : `${property} must be a date YYYY-MM-DD`,
};
