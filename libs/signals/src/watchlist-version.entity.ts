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

/**
 * A school marked by a transaction that changed its watch-list data; the mark becomes a new version
 * when the transaction commits (a deferred constraint trigger) and is deleted then.
 */
@Entity('watchlist_pending')
export class WatchlistPending {
  /** The writing transaction (txid_current()). */
  @PrimaryColumn({ type: 'bigint', default: () => 'txid_current()' })
  xact!: string;

  @PrimaryColumn({ type: 'uuid' })
  schoolId!: string;
}
