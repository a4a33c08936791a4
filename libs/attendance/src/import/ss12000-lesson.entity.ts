import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import type { Student } from '@app/students';

@Entity('ss12000_lesson')
@Unique('ss12000_lesson_slot_key', ['studentId', 'lessonDate', 'startTime'])
@Index('ss12000_lesson_event_idx', ['calendarEventId'])
export class Ss12000Lesson {
  @PrimaryColumn({ type: 'uuid' })
  studentId!: string;

  @ManyToOne('Student', { nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @PrimaryColumn({ type: 'text' })
  calendarEventId!: string;

  @Column({ type: 'date' })
  lessonDate!: string;

  @Column({ type: 'time' })
  startTime!: string;

  @Column({ type: 'text', nullable: true })
  attendanceId!: string | null;
}
