import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import type { AppUser } from '@app/identity';

@Entity('case_plan')
@Unique('case_plan_case_key', ['caseId'])
export class CasePlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text', nullable: true })
  pupilView!: string | null;

  @Column({ type: 'text', nullable: true })
  guardianView!: string | null;

  @Column({ type: 'date', array: true, default: [] })
  reviewDates!: string[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'updated_by' })
  updatedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
