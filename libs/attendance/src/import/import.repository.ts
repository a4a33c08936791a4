import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportFormat, ImportMode, ImportStatus } from './import.dto';
import type { ImportError } from './import-rows';

/** One import as stored (and as the school's list reads it (the report's problems included: never a personnummer). */
export interface ImportRow {
  id: string;
  school_id: string;
  format: ImportFormat;
  mode: ImportMode;
  status: ImportStatus;
  rows_total: number;
  rows_imported: number;
  rows_rejected: number;
  errors: ImportError[];
  started_at: Date;
  finished_at: Date | null;
}

/** The SQL of the list of a school's earlier imports. */
@Injectable()
export class AttendanceImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The school's imports, newest first, after `before` (started_at, id) when given; at most `limit`. */
  listForSchool(schoolId: string, limit: number, before: [string, string] | null): Promise<ImportRow[]> {
    return this.dataSource.query(
      `SELECT id, school_id, format, mode, status, rows_total, rows_imported, rows_rejected, errors, started_at, finished_at
         FROM attendance_import
        WHERE school_id = $1 ${before ? 'AND (started_at, id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY started_at DESC, id DESC
        LIMIT $2`,
      before ? [schoolId, limit, ...before] : [schoolId, limit],
    );
  }
}
