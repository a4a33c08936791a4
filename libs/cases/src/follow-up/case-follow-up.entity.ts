import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import type { AppUser } from '@app/identity';

@Entity('case_follow_up')
@Unique('case_follow_up_key', ['caseId', 'months'])
@Check('case_follow_up_months_check', `months IN (6, 18)`)
@Check('case_follow_up_recorded_check', `(recorded_at IS NULL) = (recorded_by IS NULL)`)
@Index('case_follow_up_due_idx', ['dueOn'], { where: `recorded_at IS NULL` })
export class CaseFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'smallint' })
  months!: number;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true })
  attendancePercent!: string | null;

  @Column({ name: 'school_or_work_20h', type: 'boolean', nullable: true })
  schoolOrWork20h!: boolean | null;

  @Column({ type: 'text', array: true, nullable: true })
  newInterventions!: string[] | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser> | null;
}
