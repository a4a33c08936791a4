import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only: a trigger and the runtime role's grants refuse updates and deletes (migrations).
 * Partitioned by month of `at` (migration Retention), which TypeORM cannot say: `synchronize: false`.
 */
@Entity('access_log', { synchronize: false })
@Check('access_log_outcome_check', `outcome IN ('allowed', 'denied')`)
// CREATE INDEX access_log_role_change_idx ON access_log USING btree ((subject_ids[1]), id DESC) WHERE (action = 'user.roles.change'::text)
@Index('access_log_role_change_idx', { synchronize: false })
// CREATE INDEX access_log_subject_idx ON access_log USING gin (subject_ids)
@Index('access_log_subject_idx', { synchronize: false })
// CREATE INDEX access_log_subject_organisation_idx ON access_log USING btree (subject_organisation_id, id DESC)
@Index('access_log_subject_organisation_idx', { synchronize: false })
// CREATE INDEX access_log_user_at_idx ON access_log USING btree (user_id, at DESC)
@Index('access_log_user_at_idx', { synchronize: false })
export class AccessLog {
  @PrimaryColumn({ type: 'bigint', default: () => `nextval('access_log_id_seq'::regclass)` })
  id!: string;

  // In the key because a partitioned table's key must hold its partition key.
  @PrimaryColumn({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'text', array: true, default: [] })
  subjectIds!: string[];

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: unknown | null;

  @Column({ type: 'uuid', nullable: true })
  subjectOrganisationId!: string | null;
}
