import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { AppUser, Organisation } from '@app/identity';

@Entity('ss12000_source')
@Unique('ss12000_source_name_key', ['organisationId', 'name'])
@Check('ss12000_source_auth_type_check', `auth_type IN ('none', 'bearer', 'oauth2_client_credentials')`)
@Check('ss12000_source_every_check', `sync_every_minutes BETWEEN 5 AND 10080`)
export class Ss12000Source {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('Organisation', { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  baseUrl!: string;

  @Column({ type: 'text' })
  authType!: string;

  @Column({ type: 'jsonb', default: {} })
  authSettings!: unknown;

  @Column({ type: 'text', nullable: true })
  authSecret!: string | null;

  @Column({ type: 'date', nullable: true })
  syncFrom!: string | null;

  @Column({ type: 'integer', nullable: true })
  syncEveryMinutes!: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
