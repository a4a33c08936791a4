import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Ss12000Source } from './ss12000-source.entity';

@Entity('ss12000_sync_state')
export class Ss12000SyncState {
  @PrimaryColumn({ type: 'uuid' })
  sourceId!: string;

  @ManyToOne(() => Ss12000Source, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<Ss12000Source>;

  @PrimaryColumn({ type: 'text' })
  entity!: string;

  @Column({ type: 'timestamptz', nullable: true })
  modifiedAfter!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  listingStartedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resumePageToken!: string | null;
}
