import { ApiProperty } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';
import { AttendanceRepository, classPupils, onePupil, PupilSet } from './attendance.repository';

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
export function absenceFigures(
  manager: EntityManager,
  studentsSql: string,
  params: unknown[],
  from: string,
  to: string,
): Promise<AbsenceFigures> {
  return figuresOf(manager, { sql: studentsSql, params }, from, to);
}

/** One pupil's absence between two dates (inclusive). */
export function pupilAbsenceFigures(
  manager: EntityManager,
  studentId: string,
  from: string,
  to: string,
): Promise<AbsenceFigures> {
  return figuresOf(manager, onePupil(studentId), from, to);
}

/** A class's absence between two dates (inclusive): its pupils' minutes summed. */
export function classAbsenceFigures(
  manager: EntityManager,
  schoolId: string,
  className: string,
  from: string,
  to: string,
): Promise<AbsenceFigures> {
  return figuresOf(manager, classPupils(schoolId, className), from, to);
}

async function figuresOf(manager: EntityManager, pupils: PupilSet, from: string, to: string): Promise<AbsenceFigures> {
  const repository = AttendanceRepository.of(manager);
  const weeks = await repository.absenceWeeks(manager, pupils, from, to);
  const count = await repository.pupilCount(manager, pupils);
  const sum = (key: 'offered' | 'valid' | 'invalid') => weeks.reduce((acc, w) => acc + w[key], 0);
  return {
    from,
    to,
    pupils: count,
    ...totals(sum('offered'), sum('valid'), sum('invalid')),
    weeks: weeks.map((w) => ({
      week: w.week,
      weekStart: w.week_start,
      ...totals(w.offered, w.valid, w.invalid),
    })),
  };
}
