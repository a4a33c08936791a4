import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import type { Agency, AppUser } from '@app/identity';

@Entity('mapping_contribution')
@Check(
  'mapping_section_check',
  `section IN ('school', 'health', 'home_family', 'leisure_friends', 'pupil_view', 'guardian_view')`,
)
@Index('mapping_contribution_case_idx', ['caseId', 'section', 'createdAt'])
export class MappingContribution {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'text' })
  section!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<AppUser>;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
