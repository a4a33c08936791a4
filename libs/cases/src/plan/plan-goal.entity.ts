import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { CasePlan } from './case-plan.entity';

@Entity('plan_goal')
@Check('plan_goal_target_check', `target_attendance_percent BETWEEN 0 AND 100`)
@Index('plan_goal_plan_idx', ['planId', 'position'])
export class PlanGoal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => CasePlan, { nullable: false })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<CasePlan>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true })
  targetAttendancePercent!: string | null;

  @Column({ type: 'date', nullable: true })
  targetDate!: string | null;

  @Column({ type: 'text', nullable: true })
  targetText!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}
