import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Organisation } from '@app/identity';
import { RetentionClass } from './retention-class.entity';
import { RetentionRun } from './retention-run.entity';

/** Per run, organisation and data class: how many rows went and how many cases were held (counts, never content). */
@Entity('retention_run_count')
@Index('retention_run_count_run_idx', ['runId', 'organisationId'])
export class RetentionRunCount {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => RetentionRun, { nullable: false })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<RetentionRun>;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne('Organisation', { nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation> | null;

  @Column({ type: 'text' })
  dataClass!: string;

  @ManyToOne(() => RetentionClass, { nullable: false })
  @JoinColumn({ name: 'data_class' })
  retentionClass?: Relation<RetentionClass>;

  @Column({ type: 'bigint', default: 0 })
  rows!: string;

  @Column({ type: 'integer', default: 0 })
  held!: number;
}
