import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { InterventionCourse } from './intervention-course.entity';
import type { AppUser } from '@app/identity';

@Entity('intervention_follow_up')
@Unique('intervention_follow_up_key', ['courseId', 'months'])
@Check(
  'intervention_follow_up_behaviours_check',
  `new_intervention_for <@ ARRAY['school_absence', 'crime', 'drugs', 'aggression', 'conflicts_at_home', 'running_away', 'other']::text[]`,
)
@Check('intervention_follow_up_months_check', `months IN (6, 18)`)
export class InterventionFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => InterventionCourse, { nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Relation<InterventionCourse>;

  @Column({ type: 'smallint' })
  months!: number;

  @Column({ type: 'text', array: true })
  newInterventionFor!: string[];

  @Column({ name: 'school_or_work_20h', type: 'boolean' })
  schoolOrWork20h!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser>;
}
