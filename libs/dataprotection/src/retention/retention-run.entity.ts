import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { AppUser, Organisation } from '@app/identity';

/** One gallring run (the gallring log); one `running` at a time across instances. */
@Entity('retention_run')
@Check('retention_run_finished_check', `(status = 'running') = (finished_at IS NULL)`)
@Check('retention_run_status_check', `status IN ('running', 'finished', 'failed')`)
@Check('retention_run_trigger_check', `trigger IN ('schedule', 'manual')`)
// CREATE UNIQUE INDEX retention_run_one_running_key ON retention_run USING btree ((true)) WHERE (status = 'running'::text)
@Index('retention_run_one_running_key', { synchronize: false })
// CREATE INDEX retention_run_started_idx ON retention_run USING btree (started_at DESC, id DESC)
@Index('retention_run_started_idx', { synchronize: false })
export class RetentionRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  trigger!: string;

  @Column({ type: 'uuid', nullable: true })
  startedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'started_by' })
  starter?: Relation<AppUser> | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne('Organisation', { nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  clockAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', default: 'running' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;
}
