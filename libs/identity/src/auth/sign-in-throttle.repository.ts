import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlCount, sqlRow } from '@app/database';

/** One bump of a bucket's counter, as the database answers it (numbers may arrive as strings). */
export interface BumpRow {
  current: number | string;
  previous: number | string;
  elapsed: number | string;
}

/** All SQL of `sign_in_throttle`: one counter row per bucket (client address) and fixed window. */
@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one attempt in the bucket's current window, atomically (an upsert), and reads the
   * window before and the seconds since the current one began.
   */
  async bump(bucket: string, windowSeconds: number): Promise<BumpRow> {
    const row = await sqlRow<BumpRow>(
      this.dataSource.manager,
      `WITH bumped AS (
         INSERT INTO sign_in_throttle (bucket, window_start, attempts)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int), 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET attempts = sign_in_throttle.attempts + 1
         RETURNING attempts, window_start
       )
       SELECT b.attempts AS current,
              coalesce((SELECT p.attempts FROM sign_in_throttle p
                         WHERE p.bucket = $1 AND p.window_start = b.window_start - make_interval(secs => $2::int)), 0) AS previous,
              extract(epoch FROM now() - b.window_start)::float8 AS elapsed
         FROM bumped b`,
      [bucket, windowSeconds],
    );
    return row!;
  }

  /** Removes the windows that began more than `olderThanSeconds` ago. */
  async removeOlderThan(olderThanSeconds: number): Promise<void> {
    await sqlCount(
      this.dataSource.manager,
      `DELETE FROM sign_in_throttle WHERE window_start < now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
  }
}
