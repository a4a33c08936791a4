import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { poolClientOf, releaseRunner } from '@app/database';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { decodeCursor, DomainError, ForbiddenError, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { refreshAttendanceDays } from '../attendance-days';
import { BodyReader } from './body-reader';
import { CSV_COLUMNS, CsvReader, detectDelimiter } from './csv-reader';
import { ImportDto, ImportFormat, ImportMode, ImportStatus } from './import.dto';
import { csvRow, ImportError, PupilIndex, RowChecker, RowResult } from './import-rows';
import { AttendanceImportsRepository, ImportRow } from './import.repository';
import { readSs12000, Ss12000Changes } from './ss12000-reader';
import { Ss12000LessonsRepository } from './ss12000.repository';
import { CREATE_STAGING, STAGING_TABLE, StagingCopy, TOUCHED_TABLE } from './staging';
import { ImportEncoding, ImportFileError, ImportTextDecoder } from './text-decoder';

/** Who imports: a school's staff member, or an SS 12000 sync run acting for a school (no user). */
export type ImportActor = Pick<Caller, 'agencyId' | 'agencyType' | 'organisationId' | 'requestId'> & {
  userId: string | null;
  syncRunId?: string;
};

export const MAX_REPORTED_ERRORS = 100;
const DUPLICATE_TABLE = 'attendance_import_duplicate';
const MAX_HEADER = 4096;

export interface ImportOptions {
  format: ImportFormat;
  mode: ImportMode;
  encoding: ImportEncoding | 'detect';
}

const IMPORT_COLUMNS = `id, school_id, format, mode, status, rows_total, rows_imported, rows_rejected, errors, started_at, finished_at`;

const toDto = (r: ImportRow): ImportDto => ({
  id: r.id,
  format: r.format,
  mode: r.mode,
  status: r.status,
  rowsTotal: r.rows_total,
  rowsImported: r.rows_imported,
  rowsRejected: r.rows_rejected,
  errors: r.errors,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
});

/** What one import has seen so far: counts of everything, the first problems only. */
class Report {
  rowsTotal = 0;
  rowsRejected = 0;
  errors: ImportError[] = [];
  fileError: ImportError | null = null;

  add(errors: ImportError[]): void {
    this.rowsRejected++;
    for (const error of errors) if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
  }

  merge(more: ImportError[], rows: number): void {
    this.rowsRejected += rows;
    this.errors = [...this.errors, ...more].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
  }

  final(): ImportError[] {
    if (!this.fileError) return this.errors;
    return [...this.errors.slice(0, MAX_REPORTED_ERRORS - 1), this.fileError];
  }
}

/** The CSV header is wrong: the file cannot be read at all (400, not a rejected import). */
class HeaderError extends Error {}

/** All-or-nothing said no: the import row is stored as `rejected`, the answer is 422. */
class Rejection extends Error {}

/**
 * Bulk attendance import: the request body streams through a decoder and a parser, each row is
 * checked in JS and copied (`COPY … FROM STDIN`) into a temporary staging table on one
 * dedicated connection, inside one transaction; then one `INSERT … ON CONFLICT … DO UPDATE
 * WHERE … IS DISTINCT FROM …` writes the lessons (a re-import changes nothing) and the per-day
 * aggregate is refreshed for the days that changed. Any failure rolls everything back.
 */
@Injectable()
export class AttendanceImportService {
  private readonly logger = new Logger('AttendanceImport');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly ss12000: Ss12000LessonsRepository,
    private readonly importsRepository: AttendanceImportsRepository,
  ) {}

  async import(caller: ImportActor, body: Readable, options: ImportOptions): Promise<ImportDto> {
    if (caller.agencyType !== 'school') {
      body.resume();
      throw new ForbiddenError('Attendance is imported by the staff of a school, for its own pupils.');
    }
    const reader = new BodyReader(body);
    const runner = this.dataSource.createQueryRunner();
    let id: string;
    try {
      await runner.connect();
      // The session that will run the import: if the server dies, the row is failed once it is gone.
      // As text: a JS Date would drop the microseconds the comparison needs.
      const [session]: { pid: number; started: string }[] = await runner.query(
        `SELECT pid, backend_start::text AS started FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
      );
      [{ id }] = await this.dataSource.query(
        `INSERT INTO attendance_import (organisation_id, school_id, created_by, format, mode, status,
                                       backend_pid, backend_started_at, sync_run_id)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7::timestamptz, $8) RETURNING id`,
        [
          caller.organisationId,
          caller.agencyId,
          caller.userId,
          options.format,
          options.mode,
          session.pid,
          session.started,
          caller.syncRunId ?? null,
        ],
      );
    } catch (error) {
      reader.discard();
      await runner.release().catch(() => undefined);
      throw error;
    }
    const report = new Report();
    const changes = new Ss12000Changes();
    let connectionError: Error | undefined;
    try {
      await runner.startTransaction();
      await runner.query(CREATE_STAGING);
      const pupils = await this.pupils(runner.manager, caller, options.format);
      const client = poolClientOf(runner);
      const copy = new StagingCopy(client);
      try {
        await this.readRows(reader, options, caller.agencyId, pupils, copy, report, changes);
        await copy.finish();
      } catch (error) {
        copy.abort();
        if (!(error instanceof ImportFileError)) throw error;
        reader.discard();
        report.fileError = { line: error.line, field: error.field, code: error.code, reason: error.message };
        if (error.field === 'header') throw new HeaderError(error.message);
      }

      if (report.fileError || (options.mode === 'all_or_nothing' && report.rowsRejected > 0)) {
        if (!report.fileError) await this.reportDuplicates(runner, report);
        throw new Rejection();
      }
      // One import per school at a time, so the fast path's "all new" cannot change under it.
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('attendance-import'), hashtext($1))`, [
        caller.agencyId,
      ]);
      await runner.query(`CREATE TEMP TABLE ${TOUCHED_TABLE} (student_id uuid, lesson_date date) ON COMMIT DROP`);
      const ss12000 = options.format === 'ss12000';
      // Only lessons of events an earlier import stored can have moved (a sync's page of new days
      // usually has none): then the moved-lesson search, which reads the school's whole lesson
      // identity table, is skipped, and each page costs the same however much the term holds.
      let earlierEvents = false;
      if (ss12000) {
        earlierEvents = await this.ss12000.anyKnown(
          runner.manager,
          caller.agencyId,
          changes.removals.map((r) => r.event),
        );
        // Before the lessons are written: a moved lesson's old row and removed lessons go first.
        await this.ss12000.saveEvents(runner.manager, caller.agencyId, [...changes.events.values()]);
        await this.ss12000.removeLessons(runner.manager, caller.agencyId, changes.removals);
        if (earlierEvents) await this.ss12000.vacateMovedLessons(runner.manager, caller.agencyId);
      }
      let skipDuplicates = false;
      let allNew = false;
      let touched = `SELECT student_id, lesson_date FROM ${TOUCHED_TABLE}`;
      if (await this.insertAllNew(runner, options.format)) {
        allNew = true;
        touched += ` UNION ALL SELECT student_id, lesson_date FROM ${STAGING_TABLE}`;
      } else {
        await runner.query(`SAVEPOINT attendance_import_apply`);
        try {
          await this.apply(runner, options.format, false);
        } catch (error) {
          // The same lesson twice in one file: find the repeats only now, when they exist.
          if ((error as { code?: string }).code !== '21000') throw error;
          await runner.query(`ROLLBACK TO SAVEPOINT attendance_import_apply`);
          await this.reportDuplicates(runner, report);
          if (options.mode === 'all_or_nothing') throw new Rejection();
          await this.apply(runner, options.format, true);
          skipDuplicates = true;
        }
      }
      if (ss12000) {
        // All lessons new: no slot was held, so no other event's identity is there to replace.
        await this.ss12000.saveIdentities(
          runner.manager,
          caller.agencyId,
          skipDuplicates ? DUPLICATE_TABLE : undefined,
          !allNew,
        );
      }
      // A day can be left without a reported lesson only where lessons were removed, moved or changed.
      const removedSome = earlierEvents || changes.removals.length > 0 || !allNew;
      await refreshAttendanceDays(runner.manager, touched, [], { removeEmptyDays: ss12000 && removedSome });
      const row = await this.finish(runner.manager, caller, id, 'completed', report);
      await runner.commitTransaction();
      return toDto(row);
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch((e: Error) => {
          connectionError = e;
        });
      }
      reader.discard();
      if (error instanceof Rejection || error instanceof HeaderError) {
        const row = await this.dataSource.transaction((manager) =>
          this.finish(manager, caller, id, 'rejected', report),
        );
        if (error instanceof HeaderError) {
          throw new DomainError('validation', 400, 'Bad Request', error.message, {
            importId: id,
            errors: [{ field: 'header', code: 'invalid-header', message: error.message }],
          });
        }
        throw new UnprocessableError(
          report.fileError
            ? `The file was rejected: ${report.fileError.reason} (line ${report.fileError.line}). Nothing was imported.`
            : `The file was rejected: ${row.rows_rejected} of ${row.rows_total} rows have problems. Nothing was imported.`,
          {
            importId: id,
            rowsTotal: row.rows_total,
            rowsRejected: row.rows_rejected,
            errors: row.errors,
          },
        );
      }
      connectionError ??= error as Error;
      this.logger.warn(`import ${id} failed: ${(error as Error)?.message}`);
      await this.dataSource
        .transaction((manager) => this.finish(manager, caller, id, 'failed', report))
        .catch((e: Error) => this.logger.warn(`import ${id}: could not record the failure: ${e.message}`));
      throw error;
    } finally {
      // A connection that broke is destroyed, not handed back to the pool.
      await releaseRunner(runner, connectionError);
    }
  }

  /** The earlier imports of the caller's own school, newest first (logged with the imports listed). */
  async list(caller: Caller, query: PageQuery): Promise<Page<ImportDto>> {
    await this.access.requireSchool(caller, caller.agencyId, 'attendance.import.list');
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.importsRepository.listForSchool(caller.agencyId, query.limit + 1, cursor);
    const page = toPage(rows, query.limit, (r) => [r.started_at.toISOString(), r.id], toDto);
    await this.access.logList(
      caller,
      'attendance.import.list',
      'attendance_import',
      page.items.map((i) => i.id),
    );
    return page;
  }

  async get(caller: Caller, id: string): Promise<ImportDto> {
    let [row]: ImportRow[] = await this.dataSource.query(
      `SELECT ${IMPORT_COLUMNS} FROM attendance_import WHERE id = $1`,
      [id],
    );
    await this.access.require({
      caller,
      action: 'read',
      logAction: 'attendance.import.read',
      subject: row ? { type: 'student', schoolId: row.school_id } : null,
      subjectType: 'attendance_import',
      subjectId: id,
    });
    if (row.status === 'running') {
      // Its server died if its database session is gone: PostgreSQL rolled the data back, so: failed.
      const [rows]: [ImportRow[], number] = await this.dataSource.query(
        `UPDATE attendance_import i SET status = 'failed', finished_at = clock_timestamp()
          WHERE i.id = $1 AND i.status = 'running'
            AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                             WHERE a.pid = i.backend_pid AND a.backend_start = i.backend_started_at)
          RETURNING ${IMPORT_COLUMNS}`,
        [id],
      );
      row = rows[0] ?? row;
    }
    return toDto(row);
  }

  /** The caller's school's pupils by personnummer (CSV) or external id (SS 12000): a school, not a file. */
  private async pupils(manager: EntityManager, caller: ImportActor, format: ImportFormat): Promise<PupilIndex> {
    const column = format === 'csv' ? 'personnummer' : 'external_id';
    const rows: { id: string; key: string }[] = await manager.query(
      `SELECT id, ${column} AS key FROM student
        WHERE organisation_id = $1 AND school_id = $2 AND ${column} IS NOT NULL`,
      [caller.organisationId, caller.agencyId],
    );
    return new Map(rows.map((r) => [r.key.trim(), r.id]));
  }

  private async readRows(
    reader: BodyReader,
    options: ImportOptions,
    schoolId: string,
    pupils: PupilIndex,
    copy: StagingCopy,
    report: Report,
    changes: Ss12000Changes,
  ): Promise<void> {
    const checker = new RowChecker(swedishDate());
    const take = async (result: RowResult) => {
      report.rowsTotal++;
      if (!result.ok) report.add(result.errors);
      else if (result.lesson && copy.add(result.lesson)) await copy.flush();
    };
    if (options.format === 'ss12000') {
      const events = (ids: string[]) => this.ss12000.eventsByIds(schoolId, ids);
      await readSs12000(reader, options.encoding, events, pupils, checker, take, changes);
      return;
    }

    const state: { csv: CsvReader | null; head: string } = { csv: null, head: '' };
    const decoder = new ImportTextDecoder(options.encoding, () => state.csv?.currentLine ?? 1);
    const handle = async (text: string, last: boolean) => {
      if (!state.csv) {
        const head = state.head + text;
        const newline = head.indexOf('\n');
        if (newline < 0 && !last) {
          if (head.length > MAX_HEADER) throw headerError();
          state.head = head;
          return;
        }
        const delimiter = detectDelimiter(newline < 0 ? head : head.slice(0, newline));
        if (!delimiter) throw headerError();
        state.csv = new CsvReader(delimiter);
        state.head = '';
        text = head.replace(/^\uFEFF/, '');
      }
      for (const record of state.csv.push(text)) {
        if (record.line === 1) continue;
        await take(csvRow(record.line, record.fields, pupils, checker));
      }
    };
    for (let chunk = await reader.next(); chunk; chunk = await reader.next())
      await handle(decoder.decode(chunk), false);
    await handle(decoder.end(), true);
    if (!state.csv) throw headerError();
    for (const record of state.csv.end()) {
      if (record.line !== 1) await take(csvRow(record.line, record.fields, pupils, checker));
    }
  }

  /**
   * The fast path, for the usual file of new lessons: a plain INSERT in partition order, without
   * the per-row conflict machinery of ON CONFLICT. False (and nothing written) as soon as one
   * lesson already exists — a re-import or a correction — or the file repeats a lesson.
   */
  private async insertAllNew(runner: QueryRunner, format: ImportFormat): Promise<boolean> {
    await runner.query(`SAVEPOINT attendance_import_fast`);
    try {
      await runner.query(
        `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                        valid_absence_minutes, invalid_absence_minutes, reason, source, external_id,
                                        reported)
         SELECT student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                valid_absence_minutes, invalid_absence_minutes, reason, $1, external_id, reported
           FROM ${STAGING_TABLE}
          ORDER BY lesson_date, student_id, start_time`,
        [format],
      );
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await runner.query(`ROLLBACK TO SAVEPOINT attendance_import_fast`);
      return false;
    }
  }

  /** Writes the staged lessons; only rows that really change are updated (and listed as touched). */
  private async apply(runner: QueryRunner, format: ImportFormat, skipDuplicates: boolean): Promise<void> {
    await runner.query(
      `WITH written AS (
         INSERT INTO attendance_lesson AS a (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                             valid_absence_minutes, invalid_absence_minutes, reason, source, external_id,
                                             reported)
         SELECT s.student_id, s.lesson_date, s.start_time, s.offered_minutes, s.attended_minutes,
                s.valid_absence_minutes, s.invalid_absence_minutes, s.reason, $1, s.external_id, s.reported
           FROM ${STAGING_TABLE} s
          ${skipDuplicates ? `WHERE NOT EXISTS (SELECT 1 FROM ${DUPLICATE_TABLE} d WHERE d.line = s.line)` : ''}
         ON CONFLICT (student_id, lesson_date, start_time) DO UPDATE
            SET offered_minutes = excluded.offered_minutes, attended_minutes = excluded.attended_minutes,
                valid_absence_minutes = excluded.valid_absence_minutes,
                invalid_absence_minutes = excluded.invalid_absence_minutes, reason = excluded.reason,
                source = excluded.source, external_id = coalesce(excluded.external_id, a.external_id),
                reported = excluded.reported, updated_at = now()
          WHERE (a.offered_minutes, a.attended_minutes, a.valid_absence_minutes, a.invalid_absence_minutes,
                 a.reason, a.source, a.external_id, a.reported)
                IS DISTINCT FROM
                (excluded.offered_minutes, excluded.attended_minutes, excluded.valid_absence_minutes,
                 excluded.invalid_absence_minutes, excluded.reason, excluded.source,
                 coalesce(excluded.external_id, a.external_id), excluded.reported)
         RETURNING a.student_id, a.lesson_date)
       INSERT INTO ${TOUCHED_TABLE} SELECT DISTINCT student_id, lesson_date FROM written`,
      [format],
    );
  }

  /** Rows that repeat an earlier row's lesson (same pupil, date and start time). */
  private async reportDuplicates(runner: QueryRunner, report: Report): Promise<void> {
    await runner.query(
      `CREATE TEMP TABLE ${DUPLICATE_TABLE} ON COMMIT DROP AS
       SELECT line, first_line FROM (
         SELECT line, min(line) OVER (PARTITION BY student_id, lesson_date, start_time) AS first_line
           FROM ${STAGING_TABLE}) d
        WHERE line > first_line`,
    );
    const [{ count }]: { count: number }[] = await runner.query(
      `SELECT count(*)::int AS count FROM ${DUPLICATE_TABLE}`,
    );
    if (!count) return;
    const first: { line: number; first_line: number }[] = await runner.query(
      `SELECT line, first_line FROM ${DUPLICATE_TABLE} ORDER BY line LIMIT ${MAX_REPORTED_ERRORS}`,
    );
    report.merge(
      first.map((d) => ({
        line: d.line,
        field: 'row',
        code: 'duplicate-lesson',
        reason: `the same lesson (pupil, date, start time) as line ${d.first_line}`,
      })),
      count,
    );
  }

  private async finish(
    manager: EntityManager,
    caller: ImportActor,
    id: string,
    status: ImportStatus,
    report: Report,
  ): Promise<ImportRow> {
    const imported = status === 'completed' ? report.rowsTotal - report.rowsRejected : 0;
    const [rows]: [ImportRow[], number] = await manager.query(
      `UPDATE attendance_import
          SET status = $2, rows_total = $3, rows_imported = $4, rows_rejected = $5, errors = $6::jsonb,
              finished_at = clock_timestamp()
        WHERE id = $1
        RETURNING ${IMPORT_COLUMNS}`,
      [id, status, report.rowsTotal, imported, report.rowsRejected, JSON.stringify(report.final())],
    );
    await this.access.logChange(caller, 'attendance.import', 'attendance_import', [id], manager);
    return rows[0];
  }
}

function headerError(): ImportFileError {
  return new ImportFileError(
    1,
    'header',
    `The first line must be the header ${CSV_COLUMNS.join(',')} (comma- or semicolon-separated).`,
  );
}
