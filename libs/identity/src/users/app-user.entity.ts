import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity';

@Entity('app_user')
@Check(
  'app_user_roles_check',
  `cardinality(roles) > 0 AND roles <@ ARRAY['school_staff', 'principal', 'elevhalsa', 'agency_worker', 'admin', 'auditor']::text[]`,
)
@Check(
  'app_user_roles_separation_check',
  `NOT (roles && ARRAY['admin', 'auditor']::text[] AND roles && ARRAY['school_staff', 'principal', 'elevhalsa', 'agency_worker']::text[])`,
)
@Index('app_user_agency_idx', ['agencyId'])
// CREATE UNIQUE INDEX app_user_username_key ON app_user USING btree (lower(username))
@Index('app_user_username_key', { synchronize: false })
export class AppUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { nullable: false })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ type: 'integer', default: 0 })
  lockouts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;
}
