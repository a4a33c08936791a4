import { addWorkingDays, isIsoDate, isWorkingDay } from '@app/calendar';

/** The default time an agency has to answer an invitation. */
export const RESPONSE_WORKING_DAYS = 5;

/** The answer's deadline: as given, or five working days from `today`. */
export function invitationDeadline(given: string | undefined, today: string): string {
  return given ?? addWorkingDays(today, RESPONSE_WORKING_DAYS);
}

/** A deadline is a real working day (not a weekend or public holiday) after `today`. */
export function isValidDeadline(deadline: string, today: string): boolean {
  return isIsoDate(deadline) && deadline > today && isWorkingDay(deadline);
}
