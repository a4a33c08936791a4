import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { Agency, AppUser } from '@app/identity';
import type { AbsenceFlag } from '@app/signals';
import type { Student } from '@app/students';

@Entity('support_case')
@Unique('support_case_reference_key', ['reference'])
@Check('support_case_closed_check', `(status = 'closed') = (closed_at IS NOT NULL AND outcome IS NOT NULL)`)
@Check(
  'support_case_outcome_check',
  `outcome IN ('attendance_recovered', 'partly_recovered', 'not_recovered', 'moved', 'other')`,
)
@Check('support_case_status_check', `status IN ('open', 'mapping', 'plan_active', 'follow_up', 'closed')`)
@Index('support_case_flag_key', ['flagId'], { unique: true, where: `flag_id IS NOT NULL` })
@Index('support_case_one_open_key', ['studentId'], { unique: true, where: `status <> 'closed'::text` })
// CREATE INDEX support_case_school_idx ON support_case USING btree (school_id, opened_at DESC, id)
@Index('support_case_school_idx', { synchronize: false })
export class SupportCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

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
  coordinatorId!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'coordinator_id' })
  coordinator?: Relation<AppUser>;

  @Column({ type: 'uuid', nullable: true })
  flagId!: string | null;

  @ManyToOne('AbsenceFlag', { nullable: true })
  @JoinColumn({ name: 'flag_id' })
  flag?: Relation<AbsenceFlag> | null;

  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ type: 'date', nullable: true })
  firstSignalOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  planAgreedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  closeReason!: string | null;
}
