import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per pupil and lesson. Partitioned by month in its migration, which TypeORM cannot say
 * (hence `synchronize: false`); no foreign key to `student` on purpose (migration LessonIntegrity).
 */
@Entity('attendance_lesson', { synchronize: false })
@Check('attendance_attended_check', `attended_minutes >= 0`)
@Check('attendance_invalid_check', `invalid_absence_minutes >= 0`)
@Check(
  'attendance_minutes_check',
  `attended_minutes + valid_absence_minutes + invalid_absence_minutes <= offered_minutes`,
)
@Check('attendance_offered_check', `offered_minutes > 0`)
@Check('attendance_source_check', `source IN ('manual', 'csv', 'ss12000', 'demo')`)
@Check(
  'attendance_unreported_check',
  `reported OR attended_minutes + valid_absence_minutes + invalid_absence_minutes = 0`,
)
@Check('attendance_valid_check', `valid_absence_minutes >= 0`)
export class AttendanceLesson {
  @PrimaryColumn({ type: 'uuid' })
  studentId!: string;

  @PrimaryColumn({ type: 'date' })
  lessonDate!: string;

  @PrimaryColumn({ type: 'time' })
  startTime!: string;

  @Column({ type: 'smallint' })
  offeredMinutes!: number;

  @Column({ type: 'smallint' })
  attendedMinutes!: number;

  @Column({ type: 'smallint', default: 0 })
  validAbsenceMinutes!: number;

  @Column({ type: 'smallint', default: 0 })
  invalidAbsenceMinutes!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'boolean', default: true })
  reported!: boolean;
}
