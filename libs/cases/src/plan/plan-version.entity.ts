import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CasePlan } from './case-plan.entity';
import type { Agency, AppUser } from '@app/identity';

@Entity('plan_version')
export class PlanVersion {
  @PrimaryColumn({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CasePlan, { nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<CasePlan>;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  snapshot!: unknown;

  @Column({ type: 'uuid' })
  changedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'changed_by' })
  changedByAppUser?: Relation<AppUser>;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'text' })
  change!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
