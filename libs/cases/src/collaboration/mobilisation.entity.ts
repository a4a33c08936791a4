import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupportCase } from '../support-case.entity';
import type { Agency, AppUser } from '@app/identity';

@Entity('mobilisation')
@Check('mobilisation_accepted_check', `(status = 'accepted') = (representative_id IS NOT NULL)`)
@Check('mobilisation_status_check', `status IN ('pending', 'accepted', 'declined')`)
@Index('mobilisation_agency_idx', ['agencyId', 'status', 'deadline'])
@Index('mobilisation_case_agency_key', ['caseId', 'agencyId'], { unique: true, where: `status <> 'declined'::text` })
export class Mobilisation {
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

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'uuid' })
  invitedBy!: string;

  @ManyToOne('AppUser', { nullable: false })
  @JoinColumn({ name: 'invited_by' })
  invitedByAppUser?: Relation<AppUser>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  invitedAt!: Date;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: string;

  @Column({ type: 'uuid', nullable: true })
  representativeId!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'representative_id' })
  representative?: Relation<AppUser> | null;

  @Column({ type: 'uuid', nullable: true })
  respondedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'responded_by' })
  respondedByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;
}
