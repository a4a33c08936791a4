import { EntityManager } from 'typeorm';

/**
 * Brings `attendance_day` up to date for the (student, day) pairs that `keysSql` selects
 * (columns `student_id`, `lesson_date`). Every writer of lessons calls it in the transaction
 * that wrote them, so the aggregate never disagrees with the lessons it sums. Lessons not yet
 * reported (SS 12000 isReported=false) are neither present nor absent: they are not counted.
 * `removeEmptyDays`: a writer that can remove lessons, or leave a day with only unreported ones,
 * also drops the day rows left without a reported lesson (the plain writers only add lessons).
 */
export async function refreshAttendanceDays(
  manager: EntityManager,
  keysSql: string,
  params: unknown[] = [],
  options: { removeEmptyDays?: boolean } = {},
): Promise<void> {
  if (options.removeEmptyDays) {
    await manager.query(
      `DELETE FROM attendance_day d
        USING (SELECT DISTINCT student_id, lesson_date FROM (${keysSql}) k) keys
        WHERE d.student_id = keys.student_id AND d.day = keys.lesson_date
          AND NOT EXISTS (SELECT 1 FROM attendance_lesson a
                           WHERE a.student_id = d.student_id AND a.lesson_date = d.day AND a.reported)`,
      params,
    );
  }
  await manager.query(
    `WITH keys AS (SELECT DISTINCT student_id, lesson_date FROM (${keysSql}) k)
     INSERT INTO attendance_day (student_id, day, lessons, offered_minutes, valid_absence_minutes, invalid_absence_minutes)
     SELECT a.student_id, a.lesson_date, count(*), sum(a.offered_minutes), sum(a.valid_absence_minutes),
            sum(a.invalid_absence_minutes)
       FROM attendance_lesson a
       JOIN keys USING (student_id, lesson_date)
      WHERE a.reported
      GROUP BY a.student_id, a.lesson_date
     ON CONFLICT (student_id, day) DO UPDATE
        SET lessons = excluded.lessons,
            offered_minutes = excluded.offered_minutes,
            valid_absence_minutes = excluded.valid_absence_minutes,
            invalid_absence_minutes = excluded.invalid_absence_minutes
      WHERE (attendance_day.lessons, attendance_day.offered_minutes, attendance_day.valid_absence_minutes,
             attendance_day.invalid_absence_minutes)
            IS DISTINCT FROM (excluded.lessons, excluded.offered_minutes, excluded.valid_absence_minutes,
                              excluded.invalid_absence_minutes)`,
    params,
  );
}
