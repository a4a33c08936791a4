/**
 * Pure rules of the intervention catalogue and of pupils' courses of interventions, in MST
 * Sweden's terms (seed 002): how a course ends, which behaviours it was referred for, and when
 * its follow-ups 6 and 18 months after the end may be recorded.
 */
import { addDays, addMonths } from '@app/calendar';

export const PROVIDER_AGENCY_TYPES = ['school', 'social_services', 'bup', 'habilitation', 'other'] as const;
export type ProviderAgencyType = (typeof PROVIDER_AGENCY_TYPES)[number];

/** The behaviours a pupil is referred to an intervention for (remitterade beteenden). */
export const BEHAVIOURS = [
  'school_absence',
  'crime',
  'drugs',
  'aggression',
  'conflicts_at_home',
  'running_away',
  'other',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** How a course ends: MST reports completed, placement and lack of engagement as their own slices. */
export const END_REASONS = ['completed', 'placement', 'lack_of_engagement', 'moved', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Follow-ups after a course's end (not the case's closure). */
export const COURSE_FOLLOW_UP_MONTHS = [6, 18] as const;
export type CourseFollowUpMonths = (typeof COURSE_FOLLOW_UP_MONTHS)[number];

/** A follow-up may be recorded from two weeks before it is due (as the case's follow-ups). */
export const RECORDABLE_DAYS_BEFORE_DUE = 14;

/** Attendance before a course's start and before its end: the 8 most recent weeks with lessons. */
export const ATTENDANCE_SCHOOL_WEEKS = 8;

/** Trims free text; an empty or blank optional text is stored as null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed.length ? trimmed : null;
}

export const isFollowUpMonths = (months: number): months is CourseFollowUpMonths =>
  (COURSE_FOLLOW_UP_MONTHS as readonly number[]).includes(months);

/** The day a follow-up of a course that ended on `endedOn` is due, and from which day it may be recorded. */
export function followUpDue(endedOn: string, months: CourseFollowUpMonths): { dueOn: string; recordableFrom: string } {
  const dueOn = addMonths(endedOn, months);
  return { dueOn, recordableFrom: addDays(dueOn, -RECORDABLE_DAYS_BEFORE_DUE) };
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A course starts on a day that has come (Swedish today). */
export function startProblems(startedOn: string, today: string): FieldProblem[] {
  return startedOn > today ? [{ field: 'startedOn', message: 'must not be in the future' }] : [];
}

/** A course ends on a day that has come, not before it started. */
export function endProblems(endedOn: string, startedOn: string, today: string): FieldProblem[] {
  if (endedOn > today) return [{ field: 'endedOn', message: 'must not be in the future' }];
  if (endedOn < startedOn)
    return [{ field: 'endedOn', message: `must not be before the course started (${startedOn})` }];
  return [];
}

/** The middle value of a sorted list (the mean of the two middle ones for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Attendance % from offered and absent minutes, as the case's reviews and follow-ups give it:
 * 100 − the absence share (one decimal) of offered minutes; null when no lesson was offered.
 */
export function attendancePercentOf(offered: number, absent: number): number | null {
  if (offered <= 0) return null;
  const absence = Math.round((absent / offered) * 1000) / 10;
  return Math.round((100 - absence) * 10) / 10;
}
