import { isIsoDate } from '@app/calendar';
import type { FieldError } from '@app/http';

/**
 * The dates of an investigation: real days, not after `today`, and the huvudman informed not
 * before the investigation started. `informedOn` undefined: not (yet) given.
 */
export function dateProblems(startedOn: string, informedOn: string | undefined, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(startedOn))
    errors.push({ field: 'startedOn', code: 'invalid-date', message: 'startedOn must be a real date' });
  else if (startedOn > today)
    errors.push({ field: 'startedOn', code: 'in-future', message: 'startedOn must not be in the future' });
  if (informedOn !== undefined) {
    if (!isIsoDate(informedOn)) {
      errors.push({
        field: 'huvudmanInformedOn',
        code: 'invalid-date',
        message: 'huvudmanInformedOn must be a real date',
      });
    } else if (informedOn > today) {
      errors.push({
        field: 'huvudmanInformedOn',
        code: 'in-future',
        message: 'huvudmanInformedOn must not be in the future',
      });
    } else if (isIsoDate(startedOn) && informedOn < startedOn) {
      errors.push({
        field: 'huvudmanInformedOn',
        code: 'before-start',
        message: 'huvudmanInformedOn must not be before startedOn',
      });
    }
  }
  return errors;
}
