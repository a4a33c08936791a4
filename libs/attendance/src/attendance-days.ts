import { EntityManager } from 'typeorm';
import { AttendanceRepository } from './attendance.repository';

/**
 * Brings `attendance_day` up to date for the (student, day) pairs that `keysSql` selects
 * (columns `student_id`, `lesson_date`). Every writer of lessons calls it in the transaction
 * that wrote them, so the aggregate never disagrees with the lessons it sums. Lessons not yet
 * reported (SS 12000 isReported=false) are neither present nor absent: they are not counted.
 * `removeEmptyDays`: a writer that can remove lessons, or leave a day with only unreported ones,
 * also drops the day rows left without a reported lesson (the plain writers only add lessons).
 * The SQL is `AttendanceRepository.refreshDays`; this is the entry for other libraries' writers.
 */
export function refreshAttendanceDays(
  manager: EntityManager,
  keysSql: string,
  params: unknown[] = [],
  options: { removeEmptyDays?: boolean } = {},
): Promise<void> {
  return AttendanceRepository.of(manager).refreshDays(manager, keysSql, params, options);
}
