import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Agency, AppUser, Organisation } from '@app/identity';
import type { Ss12000SyncRun } from '@app/ss12000';

@Entity('attendance_import')
@Check('attendance_import_author_check', `num_nonnulls(created_by, sync_run_id) = 1`)
@Check('attendance_import_format_check', `format IN ('csv', 'ss12000')`)
@Check('attendance_import_mode_check', `mode IN ('all_or_nothing', 'partial')`)
@Check('attendance_import_status_check', `status IN ('running', 'completed', 'rejected', 'failed')`)
// CREATE INDEX attendance_import_school_idx ON attendance_import USING btree (school_id, started_at DESC)
@Index('attendance_import_school_idx', { synchronize: false })
export class AttendanceImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('Organisation', { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'uuid' })
  schoolId!: string;

  @ManyToOne('Agency', { nullable: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<Agency>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('AppUser', { nullable: true })
  @JoinColumn({ name: 'created_by' })
  createdByAppUser?: Relation<AppUser> | null;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text' })
  mode!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  rowsTotal!: number;

  @Column({ type: 'integer', default: 0 })
  rowsImported!: number;

  @Column({ type: 'integer', default: 0 })
  rowsRejected!: number;

  @Column({ type: 'jsonb', default: [] })
  errors!: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  backendPid!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  backendStartedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  syncRunId!: string | null;

  @ManyToOne('Ss12000SyncRun', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sync_run_id' })
  syncRun?: Relation<Ss12000SyncRun> | null;
}
