import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Agency, AppUser } from '@app/identity';
import type { Student } from '@app/students';

@Entity('absence_flag')
@Check('absence_flag_status_check', `status IN ('new', 'accepted', 'dismissed')`)
@Check('absence_flag_triage_check', `(status = 'new') = (triaged_at IS NULL)`)
@Index('absence_flag_new_idx', ['studentId'], { where: `status = 'new'::text` })
// CREATE INDEX absence_flag_school_idx ON absence_flag USING btree (school_id, status, created_at DESC, id)
@Index('absence_flag_school_idx', { synchronize: false })
@Index('absence_flag_student_idx', ['studentId'])
export class AbsenceFlag {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  studentId!: string;

  @ManyToOne('Student', { nullable: false })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  @Column({ type: 'uuid' })
  schoolId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<Agency>;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser>;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb' })
  snapshot!: unknown;

  @Column({ type: 'text', default: 'new' })
  status!: string;

  @Column({ type: 'uuid', nullable: true })
  triagedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'triaged_by' })
  triagedByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  dismissReason!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
