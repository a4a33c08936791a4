import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import { CasePlan } from './case-plan.entity';
import type { Agency, AppUser } from '@app/identity';
import type { Intervention } from '@app/interventions';

@Entity('plan_action')
@Check('plan_action_dates_check', `start_date IS NULL OR start_date <= due_date`)
@Check('plan_action_status_check', `status IN ('planned', 'in_progress', 'done', 'cancelled')`)
@Check('plan_action_version_check', `version >= 1`)
@Index('plan_action_agency_idx', ['agencyId', 'dueDate'], { where: `removed_at IS NULL` })
@Index('plan_action_intervention_idx', ['interventionId'], { where: `intervention_id IS NOT NULL` })
@Index('plan_action_plan_idx', ['planId', 'position'])
@Index('plan_action_responsible_idx', ['responsibleUserId', 'dueDate'], { where: `removed_at IS NULL` })
export class PlanAction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CasePlan, { nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<CasePlan>;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'uuid', nullable: true })
  responsibleUserId!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'responsible_user_id' })
  responsibleUser?: Relation<AppUser> | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', default: 'planned' })
  status!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  interventionId!: string | null;

  @ManyToOne('Intervention', { nullable: true })
  @JoinColumn({ name: 'intervention_id' })
  intervention?: Relation<Intervention> | null;
}
