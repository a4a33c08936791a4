import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { Student } from '@app/students';

/** The per-day aggregate the watch list reads; its key's index INCLUDEs the minutes (migration Signals). */
@Entity('attendance_day')
export class AttendanceDay {
  @PrimaryColumn({ type: 'uuid' })
  studentId!: string;

  @ManyToOne('Student', { nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'smallint' })
  lessons!: number;

  @Column({ type: 'integer' })
  offeredMinutes!: number;

  @Column({ type: 'integer' })
  validAbsenceMinutes!: number;

  @Column({ type: 'integer' })
  invalidAbsenceMinutes!: number;
}
