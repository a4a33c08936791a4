import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from './support-case.entity';
import type { Agency, AppUser } from '@app/identity';

@Entity('consent')
@Check('consent_given_by_check', `given_by IN ('guardian', 'pupil')`)
@Check(
  'consent_scope_check',
  `cardinality(scope) > 0 AND scope <@ ARRAY['case_summary', 'attendance', 'health_notes', 'mapping', 'plan']::text[]`,
)
@Check('consent_validity_check', `valid_until IS NULL OR valid_until >= given_at`)
@Index('consent_case_agency_idx', ['caseId', 'agencyId'])
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => SupportCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<SupportCase>;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'text' })
  givenBy!: string;

  @Column({ type: 'text' })
  givenByName!: string;

  @Column({ type: 'text', array: true })
  scope!: string[];

  @Column({ type: 'date' })
  givenAt!: string;

  @Column({ type: 'date' })
  validUntil!: string;

  @Column({ type: 'text', nullable: true })
  documentReference!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'recorded_by' })
  recordedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
