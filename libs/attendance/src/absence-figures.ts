import { ApiProperty } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';

export class AbsenceTotals {
  @ApiProperty() offeredMinutes: number;
  @ApiProperty({ description: 'Valid plus invalid absence.' }) absentMinutes: number;
  @ApiProperty({ description: 'Giltig frånvaro.' }) validAbsenceMinutes: number;
  @ApiProperty({ description: 'Ogiltig frånvaro.' }) invalidAbsenceMinutes: number;
  @ApiProperty({ description: 'Share of offered minutes, one decimal.' }) absencePercent: number;
  @ApiProperty() validAbsencePercent: number;
  @ApiProperty() invalidAbsencePercent: number;
}

export class AbsenceWeek extends AbsenceTotals {
  @ApiProperty({ example: '2026-W47', description: 'ISO week.' }) week: string;
  @ApiProperty({ format: 'date', description: 'The Monday of the week.' }) weekStart: string;
}

export class AbsenceFigures extends AbsenceTotals {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ description: 'Pupils counted (1 for a pupil, the class size for a class).' }) pupils: number;
  @ApiProperty({ type: [AbsenceWeek] }) weeks: AbsenceWeek[];
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export function totals(offered: number, valid: number, invalid: number): AbsenceTotals {
  return {
    offeredMinutes: offered,
    absentMinutes: valid + invalid,
    validAbsenceMinutes: valid,
    invalidAbsenceMinutes: invalid,
    absencePercent: percent(valid + invalid, offered),
    validAbsencePercent: percent(valid, offered),
    invalidAbsencePercent: percent(invalid, offered),
  };
}

/**
 * Absence of a set of pupils between two dates (inclusive), in total and per ISO week, summed
 * in SQL from the per-day aggregate. `studentsSql` selects the pupils' ids (column `id`).
 */
export async function absenceFigures(
  manager: EntityManager,
  studentsSql: string,
  params: unknown[],
  from: string,
  to: string,
): Promise<AbsenceFigures> {
  const n = params.length;
  const weeks: { week: string; week_start: string; offered: number; valid: number; invalid: number }[] =
    await manager.query(
      `SELECT to_char(d.day, 'IYYY-"W"IW') AS week,
              to_char(date_trunc('week', d.day), 'YYYY-MM-DD') AS week_start,
              sum(d.offered_minutes)::int AS offered,
              sum(d.valid_absence_minutes)::int AS valid,
              sum(d.invalid_absence_minutes)::int AS invalid
         FROM attendance_day d
        WHERE d.student_id IN (${studentsSql}) AND d.day BETWEEN $${n + 1} AND $${n + 2}
        GROUP BY 1, 2
        ORDER BY 2`,
      [...params, from, to],
    );
  const [{ pupils }]: { pupils: number }[] = await manager.query(
    `SELECT count(*)::int AS pupils FROM (${studentsSql}) s`,
    params,
  );
  const sum = (key: 'offered' | 'valid' | 'invalid') => weeks.reduce((acc, w) => acc + w[key], 0);
  return {
    from,
    to,
    pupils,
    ...totals(sum('offered'), sum('valid'), sum('invalid')),
    weeks: weeks.map((w) => ({
      week: w.week,
      weekStart: w.week_start,
      ...totals(w.offered, w.valid, w.invalid),
    })),
  };
}
