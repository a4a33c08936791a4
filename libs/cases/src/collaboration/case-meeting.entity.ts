import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import type { AppUser } from '@app/identity';

@Entity('case_meeting')
@Check('case_meeting_where_check', `place IS NOT NULL OR video_link IS NOT NULL`)
@Index('case_meeting_case_idx', ['caseId', 'startsAt'])
export class CaseMeeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  videoLink!: string | null;

  @Column({ type: 'uuid', array: true })
  agencyIds!: string[];

  @Column({ type: 'boolean', default: false })
  pupilPresent!: boolean;

  @Column({ type: 'boolean', default: false })
  guardiansPresent!: boolean;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'text', nullable: true })
  decisions!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
