import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SyncCounts, SyncError } from './sync.rules';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface RunRow {
  id: string;
  source_id: string;
  status: RunStatus;
  trigger: 'manual' | 'schedule';
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date | null;
  counts: Partial<SyncCounts>;
  errors: SyncError[];
  failure: string | null;
}

export interface SyncStateRow {
  modified_after: string | null;
  listing_started_at: string | null;
  resume_page_token: string | null;
}

const RUN_COLUMNS = `id, source_id, status, trigger, created_at, started_at, finished_at, heartbeat_at, counts, errors, failure`;
/** A running run whose instance has not written for this long died with it. */
export const STALE_AFTER_SECONDS = 120;

/** Sync runs, and per source and entity the delta watermark and the resume point of a listing. */
@Injectable()
export class SyncRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new queued run, or null while the source has one queued or running (the partial unique index). */
  async enqueue(sourceId: string, trigger: RunRow['trigger'], userId: string | null): Promise<RunRow | null> {
    // A run left `running` by an instance that died is failed first, so the source is not stuck.
    await this.failStale(sourceId);
    const rows = (await this.dataSource.query(
      `INSERT INTO ss12000_sync_run (source_id, status, trigger, requested_by) VALUES ($1, 'queued', $2, $3)
       ON CONFLICT (source_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING ${RUN_COLUMNS}`,
      [sourceId, trigger, userId],
    )) as RunRow[];
    return rows[0] ?? null;
  }

  async failStale(sourceId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ss12000_sync_run SET status = 'failed', finished_at = now(),
              failure = 'the instance running it stopped; the next run continues where it ended'
        WHERE source_id = $1 AND status = 'running'
          AND coalesce(heartbeat_at, started_at) < now() - make_interval(secs => $2)`,
      [sourceId, STALE_AFTER_SECONDS],
    );
  }

  /** Takes a queued run to `running`; false when another instance already took it. */
  async start(runId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE ss12000_sync_run SET status = 'running', started_at = now(), heartbeat_at = now()
        WHERE id = $1 AND status = 'queued' RETURNING id`,
      [runId],
    )) as unknown[];
    return rows.length > 0;
  }

  async heartbeat(runId: string, counts: SyncCounts, errors: SyncError[], manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE ss12000_sync_run SET heartbeat_at = now(), counts = $2::jsonb, errors = $3::jsonb WHERE id = $1`,
      [runId, JSON.stringify(counts), JSON.stringify(errors)],
    );
  }

  async finish(
    runId: string,
    status: 'succeeded' | 'failed',
    counts: SyncCounts,
    errors: SyncError[],
    failure: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE ss12000_sync_run SET status = $2, finished_at = now(), heartbeat_at = now(), counts = $3::jsonb,
              errors = $4::jsonb, failure = $5
        WHERE id = $1`,
      [runId, status, JSON.stringify(counts), JSON.stringify(errors), failure],
    );
  }

  async find(sourceId: string, runId: string): Promise<RunRow | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM ss12000_sync_run WHERE id = $1 AND source_id = $2`,
      [runId, sourceId],
    )) as RunRow[];
    return row ?? null;
  }

  async list(sourceId: string, limit: number, before: [string, string] | null): Promise<RunRow[]> {
    return (await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM ss12000_sync_run
        WHERE source_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [sourceId, before?.[0] ?? null, before?.[1] ?? null, limit],
    )) as RunRow[];
  }

  async latest(sourceIds: string[]): Promise<RunRow[]> {
    return (await this.dataSource.query(
      `SELECT DISTINCT ON (source_id) ${RUN_COLUMNS} FROM ss12000_sync_run
        WHERE source_id = ANY($1::uuid[]) ORDER BY source_id, created_at DESC, id DESC`,
      [sourceIds],
    )) as RunRow[];
  }

  async state(sourceId: string, entity: string): Promise<SyncStateRow> {
    const [row] = (await this.dataSource.query(
      `SELECT modified_after::text AS modified_after, listing_started_at::text AS listing_started_at, resume_page_token
         FROM ss12000_sync_state WHERE source_id = $1 AND entity = $2`,
      [sourceId, entity],
    )) as SyncStateRow[];
    return row ?? { modified_after: null, listing_started_at: null, resume_page_token: null };
  }

  /** The database's clock, which every watermark uses (never a server's own). */
  async now(): Promise<string> {
    const [{ now }] = (await this.dataSource.query(`SELECT now()::text AS now`)) as { now: string }[];
    return now;
  }

  /**
   * After a committed page: where the listing resumes (`nextToken`), or — its last page — the
   * watermark becomes the time the listing started (pages are not ordered by meta.modified, so
   * only a complete listing may move it).
   */
  async savePage(
    manager: EntityManager,
    sourceId: string,
    entity: string,
    listingStartedAt: string,
    nextToken: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ss12000_sync_state AS s (source_id, entity, modified_after, listing_started_at, resume_page_token)
       VALUES ($1, $2, CASE WHEN $4::text IS NULL THEN $3::timestamptz END,
               CASE WHEN $4::text IS NOT NULL THEN $3::timestamptz END, $4)
       ON CONFLICT (source_id, entity) DO UPDATE
          SET modified_after = CASE WHEN $4::text IS NULL THEN $3::timestamptz ELSE s.modified_after END,
              listing_started_at = CASE WHEN $4::text IS NOT NULL THEN $3::timestamptz END,
              resume_page_token = $4`,
      [sourceId, entity, listingStartedAt, nextToken],
    );
  }

  async setWatermark(sourceId: string, entity: string, at: string): Promise<void> {
    await this.savePage(this.dataSource.manager, sourceId, entity, at, null);
  }
}
