import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Intervention } from './intervention.entity';
import type { SupportCase } from '@app/cases';
import type { AppUser } from '@app/identity';

@Entity('intervention_course')
@Check(
  'intervention_course_behaviours_check',
  `cardinality(referred_behaviours) > 0 AND referred_behaviours <@ ARRAY['school_absence', 'crime', 'drugs', 'aggression', 'conflicts_at_home', 'running_away', 'other']::text[]`,
)
@Check(
  'intervention_course_end_check',
  `(ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL) = (ended_at IS NULL) AND (ended_on IS NULL OR ended_on >= started_on)`,
)
@Check(
  'intervention_course_end_reason_check',
  `end_reason IN ('completed', 'placement', 'lack_of_engagement', 'moved', 'other')`,
)
@Index('intervention_course_case_idx', ['caseId', 'startedOn'])
@Index('intervention_course_ended_idx', ['interventionId', 'endedOn'])
@Index('intervention_course_running_key', ['caseId', 'interventionId'], { unique: true, where: `ended_on IS NULL` })
export class InterventionCourse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne('SupportCase', { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'uuid' })
  interventionId!: string;

  @ManyToOne(() => Intervention, { nullable: false })
  @JoinColumn({ name: 'intervention_id' })
  intervention?: Relation<Intervention>;

  @Column({ type: 'date' })
  startedOn!: string;

  @Column({ type: 'text', array: true })
  referredBehaviours!: string[];

  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true })
  attendanceBeforeStart!: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true })
  attendanceBeforeEnd!: string | null;

  @Column({ type: 'uuid' })
  startedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'started_by' })
  startedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  endedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'ended_by' })
  endedByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
