/**
 * The data classes of the retention rules (gallringsregler), in the order the rules are shown.
 * Their defaults, bounds and legal bases are data (`retention_class`, migration
 * Retention1795004000000, RetentionSignals1795004600000; docs/DATA-PROTECTION.md); this list names them for the API.
 */
export const DATA_CLASSES = [
  'attendance_lesson',
  'attendance_day',
  'guardian_notice',
  'dismissed_flag',
  'absence_investigation',
  'closed_case',
  'notification',
  'attendance_import',
  'sign_in_session',
  'access_log',
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const RETENTION_UNITS = ['days', 'months', 'years', 'school_years'] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

/**
 * Why an item past its period is kept (a legal hold): a closed case while its pupil has an
 * investigation not yet reported to the huvudman or it has an unanswered invitation; an absence
 * investigation while its pupil has a case that is not closed.
 */
export const HOLD_REASONS = ['open-investigation', 'pending-invitation', 'open-case'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** The classes whose items can be held. */
export const HELD_CLASSES = ['closed_case', 'absence_investigation'] as const;
export type HeldClass = (typeof HELD_CLASSES)[number];

/**
 * The erase function of each class that the job calls per organisation, one batch per call
 * (each call is its own short transaction). `access_log` is one table for every organisation
 * and is erased by whole months (retention_erase_access_log); whole months of lessons go first
 * by retention_drop_lesson_month.
 */
export const ERASE_FUNCTIONS: Record<Exclude<DataClass, 'access_log'>, string> = {
  attendance_lesson: 'retention_erase_lessons',
  attendance_day: 'retention_erase_days',
  guardian_notice: 'retention_erase_guardian_notices',
  dismissed_flag: 'retention_erase_flags',
  absence_investigation: 'retention_erase_investigations',
  closed_case: 'retention_erase_cases',
  notification: 'retention_erase_notifications',
  attendance_import: 'retention_erase_imports',
  sign_in_session: 'retention_erase_sessions',
};

/** Rows (or cases, flags…) per erase call: small enough that no call holds its locks for long. */
export const BATCH_SIZE = 5000;

/** Whether a period lies within a class's bounds. */
export function withinBounds(period: number, bounds: { minPeriod: number; maxPeriod: number }): boolean {
  return Number.isInteger(period) && period >= bounds.minPeriod && period <= bounds.maxPeriod;
}
