import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Ss12000Source } from './ss12000-source.entity';
import type { AppUser } from '@app/identity';

@Entity('ss12000_sync_run')
@Check('ss12000_sync_run_status_check', `status IN ('queued', 'running', 'succeeded', 'failed')`)
@Check('ss12000_sync_run_trigger_check', `trigger IN ('manual', 'schedule')`)
@Index('ss12000_sync_run_active_key', ['sourceId'], {
  unique: true,
  where: `status = ANY (ARRAY['queued'::text, 'running'::text])`,
})
// CREATE INDEX ss12000_sync_run_source_idx ON ss12000_sync_run USING btree (source_id, created_at DESC, id DESC)
@Index('ss12000_sync_run_source_idx', { synchronize: false })
export class Ss12000SyncRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sourceId!: string;

  @ManyToOne(() => Ss12000Source, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<Ss12000Source>;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  trigger!: string;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'requested_by' })
  requestedByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ type: 'jsonb', default: {} })
  counts!: unknown;

  @Column({ type: 'jsonb', default: [] })
  errors!: unknown;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;
}
