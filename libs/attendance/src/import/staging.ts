import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedLesson } from './import-rows';

/** The temporary table rows are copied into; it disappears with the transaction. */
export const STAGING_TABLE = 'attendance_import_staging';

export const CREATE_STAGING = `
  CREATE TEMP TABLE ${STAGING_TABLE} (
    line integer NOT NULL,
    student_id uuid NOT NULL,
    lesson_date date NOT NULL,
    start_time time NOT NULL,
    offered_minutes smallint NOT NULL,
    attended_minutes smallint NOT NULL,
    valid_absence_minutes smallint NOT NULL,
    invalid_absence_minutes smallint NOT NULL,
    reason text,
    external_id text,
    calendar_event_id text,
    reported boolean NOT NULL
  ) ON COMMIT DROP`;

/** (student_id, lesson_date) of every day whose lessons changed: the days to refresh. */
export const TOUCHED_TABLE = 'attendance_import_touched';

/** Staged rows that repeat an earlier row's lesson (line, first line): skipped when the mode allows. */
export const DUPLICATE_TABLE = 'attendance_import_duplicate';

/** COPY text format: backslash, tab, newline and carriage return are escaped; null is \N. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}

export function copyLine(l: StagedLesson): string {
  return (
    `${l.line}\t${l.studentId}\t${l.date}\t${l.startTime}\t${l.offeredMinutes}\t${l.attendedMinutes}\t` +
    `${l.validAbsenceMinutes}\t${l.invalidAbsenceMinutes}\t${copyText(l.reason)}\t${copyText(l.externalId)}\t` +
    `${copyText(l.calendarEventId)}\t${l.reported ? 't' : 'f'}\n`
  );
}

const FLUSH_AT = 256 * 1024;

/**
 * `COPY … FROM STDIN` into the staging table on the import's own connection. Rows are batched
 * into ~256 KiB writes; a full socket buffer makes `add` wait (backpressure), and a database
 * error (e.g. the connection was terminated) surfaces at the next `add` or at `finish`.
 */
export class StagingCopy {
  private readonly stream;
  private batch = '';
  private failure: Error | null = null;
  rows = 0;

  constructor(client: PoolClient) {
    this.stream = client.query(copyFrom(`COPY ${STAGING_TABLE} FROM STDIN`));
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Queues one row; true when the batch is full and `flush()` is due. */
  add(lesson: StagedLesson): boolean {
    this.batch += copyLine(lesson);
    this.rows++;
    return this.batch.length >= FLUSH_AT;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.batch) return;
    const ok = this.stream.write(this.batch);
    this.batch = '';
    if (!ok) await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]);
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream).catch((error: Error) => {
      this.failure ??= error;
    });
    if (this.failure) throw this.failure;
  }

  /** Gives up (the transaction is rolled back by the caller). */
  abort(): void {
    if (!this.stream.destroyed) this.stream.destroy();
  }
}
