import { EntityManager } from 'typeorm';
import { absenceFigures } from '@app/attendance';

/**
 * A pupil's attendance between two dates (inclusive) from the attendance data, one decimal:
 * 100 − absence % of offered minutes. Null when no lesson was offered (nothing to measure,
 * e.g. the pupil has left the school), never 100 %.
 */
export async function attendancePercent(
  manager: EntityManager,
  studentId: string,
  from: string,
  to: string,
): Promise<number | null> {
  if (from > to) return null;
  const figures = await absenceFigures(manager, 'SELECT $1::uuid AS id', [studentId], from, to);
  if (figures.offeredMinutes <= 0) return null;
  return Math.round((100 - figures.absencePercent) * 10) / 10;
}

/** numeric columns come back from pg as strings. */
export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));
