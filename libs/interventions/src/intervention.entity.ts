import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { AppUser, Organisation } from '@app/identity';

@Entity('intervention')
@Check('intervention_name_check', `length(btrim(name)) > 0`)
@Check(
  'intervention_provider_agency_type_check',
  `provider_agency_type IN ('school', 'social_services', 'bup', 'habilitation', 'other')`,
)
// CREATE UNIQUE INDEX intervention_name_key ON intervention USING btree (organisation_id, lower(name))
@Index('intervention_name_key', { synchronize: false })
export class Intervention {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('Organisation', { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  providerAgencyType!: string;

  @Column({ type: 'boolean' })
  evidenceBased!: boolean;

  @Column({ type: 'text', nullable: true })
  targetGroup!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'updated_by' })
  updatedByAppUser?: Relation<AppUser> | null;
}
