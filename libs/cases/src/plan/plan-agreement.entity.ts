import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { CasePlan } from './case-plan.entity';
import type { Agency, AppUser } from '@app/identity';

@Entity('plan_agreement')
@Check('plan_agreement_agency_check', `(participant = 'agency') = (agency_id IS NOT NULL)`)
@Check('plan_agreement_participant_check', `participant IN ('pupil', 'guardian', 'agency')`)
@Index('plan_agreement_plan_idx', ['planId', 'agreedAt'])
export class PlanAgreement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CasePlan, { nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<CasePlan>;

  @Column({ type: 'integer' })
  planVersion!: number;

  @Column({ type: 'text' })
  participant!: string;

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne('Agency', { nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency> | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'timestamptz' })
  agreedAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser>;
}
