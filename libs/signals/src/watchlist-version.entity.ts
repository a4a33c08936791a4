import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A school's watch-list data version, bumped by statement-level triggers on every table the rule
 * scan reads (migration WatchlistVersion); the key of the watch list's result cache. No row: 0.
 */
@Entity('watchlist_version')
export class WatchlistVersion {
  @PrimaryColumn({ type: 'uuid' })
  schoolId!: string;

  @Column({ type: 'bigint' })
  version!: string;
}
