import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import type { AppUser } from '@app/identity';

@Entity('plan_review')
@Index('plan_review_case_idx', ['caseId', 'reviewedOn'])
export class PlanReview {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'date' })
  reviewedOn!: string;

  @Column({ type: 'date' })
  periodBeforeFrom!: string;

  @Column({ type: 'date' })
  periodBeforeTo!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true })
  attendanceBeforePercent!: string | null;

  @Column({ type: 'date' })
  periodAfterFrom!: string;

  @Column({ type: 'date' })
  periodAfterTo!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true })
  attendanceAfterPercent!: string | null;

  @Column({ type: 'boolean' })
  goalReached!: boolean;

  @Column({ type: 'text', nullable: true })
  decisions!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
