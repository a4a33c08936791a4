import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { AppUser } from '@app/identity';
import type { Student } from '@app/students';

@Entity('guardian_notice')
@Unique('guardian_notice_day_key', ['studentId', 'absenceDate'])
@Check('guardian_notice_method_check', `method IN ('phone', 'sms', 'email', 'letter', 'in_person', 'school_app')`)
export class GuardianNotice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ManyToOne('Student', { nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'date' })
  absenceDate!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'timestamptz' })
  informedAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
