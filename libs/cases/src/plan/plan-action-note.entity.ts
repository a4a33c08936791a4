import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { PlanAction } from './plan-action.entity';
import type { Agency, AppUser } from '@app/identity';

@Entity('plan_action_note')
@Index('plan_action_note_action_idx', ['actionId', 'createdAt'])
export class PlanActionNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => PlanAction, { nullable: false })
  @JoinColumn({ name: 'action_id' })
  action?: Relation<PlanAction>;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<AppUser>;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
