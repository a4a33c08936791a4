import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { poolClientOf, releaseRunner } from '@app/database';
import { EntityManager, QueryRunner } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import {
  decodeCursor,
  DomainError,
  ForbiddenError,
  Page,
  PageQuery,
  recordImport,
  toPage,
  UnprocessableError,
} from '@app/http';
import { BodyReader } from './body-reader';
import { CSV_COLUMNS, CsvReader, detectDelimiter } from './csv-reader';
import { ImportDto, ImportFormat, ImportMode, ImportStatus } from './import.dto';
import { csvRow, ImportError, PupilIndex, RowChecker, RowResult } from './import-rows';
import { AttendanceImportsRepository, ImportRow } from './import.repository';
import { readSs12000, Ss12000Changes } from './ss12000-reader';
import { Ss12000LessonsRepository } from './ss12000.repository';
import { DUPLICATE_TABLE, StagingCopy } from './staging';
import { ImportEncoding, ImportFileError, ImportTextDecoder } from './text-decoder';

/** Who imports: a school's staff member, or an SS 12000 sync run acting for a school (no user). */
export type ImportActor = Pick<Caller, 'agencyId' | 'agencyType' | 'organisationId' | 'requestId'> & {
  userId: string | null;
  syncRunId?: string;
};

export const MAX_REPORTED_ERRORS = 100;
const MAX_HEADER = 4096;

export interface ImportOptions {
  format: ImportFormat;
  mode: ImportMode;
  encoding: ImportEncoding | 'detect';
}

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

/**
 * How the import's transaction ended: committed (the stored row), or rejected and to be rolled
 * back — the file could not be read (its error in the report) or all-or-nothing found problems.
 */
type Outcome = { status: 'completed'; row: ImportRow } | { status: 'rejected' };

/**
 * Bulk attendance import: the request body streams through a decoder and a parser, each row is
 * checked in JS and copied (`COPY … FROM STDIN`) into a temporary staging table on one
 * dedicated connection, inside one transaction; then one upsert (`ON CONFLICT … DO UPDATE
 * WHERE … IS DISTINCT FROM …`) writes the lessons (a re-import changes nothing) and the per-day
 * aggregate is refreshed for the days that changed. Any failure rolls everything back.
 *
 * The steps: `begin` (the import's row, committed at once, and its connection) → `run` (in one
 * transaction: `stage` the rows, then `write` them; a rejection is an outcome, not an exception)
 * → the answer: the import, a 400 (unreadable header) or 422 (rejected), or the failure rethrown.
 */
@Injectable()
export class AttendanceImportService {
  private readonly logger = new Logger('AttendanceImport');

  constructor(
    private readonly access: AccessService,
    private readonly ss12000: Ss12000LessonsRepository,
    private readonly importsRepository: AttendanceImportsRepository,
  ) {}

  async import(caller: ImportActor, body: Readable, options: ImportOptions): Promise<ImportDto> {
    if (caller.agencyType !== 'school') {
      body.resume();
      throw new ForbiddenError('Attendance is imported by the staff of a school, for its own pupils.');
    }
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const reader = new BodyReader(body);
    const { runner, id } = await this.begin(caller, options, reader);
    const report = new Report();
    // A connection that broke is destroyed, not handed back to the pool.
    let connectionError: Error | undefined;
    try {
      let outcome: Outcome;
      try {
        outcome = await this.run(runner, caller, id, options, reader, report);
      } catch (error) {
        connectionError = (await this.rollback(runner, reader)) ?? (error as Error);
        await this.recordFailure(caller, id, report, error as Error);
        recordImport(0, seconds(), 'failed');
        throw error;
      }
      if (outcome.status === 'completed') {
        recordImport(outcome.row.rows_imported, seconds(), 'succeeded');
        return toDto(outcome.row);
      }
      connectionError = await this.rollback(runner, reader);
      const rejection = await this.rejection(caller, id, report);
      recordImport(0, seconds(), 'rejected');
      throw rejection;
    } finally {
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
    const row = await this.importsRepository.find(id);
    await this.access.require({
      caller,
      action: 'read',
      logAction: 'attendance.import.read',
      subject: row ? { type: 'student', schoolId: row.school_id } : null,
      subjectType: 'attendance_import',
      subjectId: id,
    });
    // Its server died if its database session is gone: PostgreSQL rolled the data back, so: failed.
    if (row!.status === 'running') return toDto((await this.importsRepository.failIfSessionGone(id)) ?? row!);
    return toDto(row!);
  }

  /**
   * The import's own connection, and its row stored as `running` with the connection's session
   * (if the server dies, the row is failed once the session is gone). On failure nothing is left open.
   */
  private async begin(
    caller: ImportActor,
    options: ImportOptions,
    reader: BodyReader,
  ): Promise<{ runner: QueryRunner; id: string }> {
    const runner = this.importsRepository.createRunner();
    try {
      await runner.connect();
      const session = await this.importsRepository.session(runner.manager);
      const id = await this.importsRepository.insertRunning({
        organisationId: caller.organisationId,
        schoolId: caller.agencyId,
        createdBy: caller.userId,
        format: options.format,
        mode: options.mode,
        session,
        syncRunId: caller.syncRunId ?? null,
      });
      return { runner, id };
    } catch (error) {
      reader.discard();
      await runner.release().catch(() => undefined);
      throw error;
    }
  }

  /** The import's transaction: stage the rows, then write them; committed only when completed. */
  private async run(
    runner: QueryRunner,
    caller: ImportActor,
    id: string,
    options: ImportOptions,
    reader: BodyReader,
    report: Report,
  ): Promise<Outcome> {
    await runner.startTransaction();
    const tx = runner.manager;
    await this.importsRepository.createStaging(tx);
    const pupils = await this.importsRepository.pupilKeys(tx, caller.organisationId, caller.agencyId, options.format);
    const changes = new Ss12000Changes();
    await this.stage(runner, reader, options, caller.agencyId, pupils, report, changes);
    if (report.fileError) return { status: 'rejected' };
    if (options.mode === 'all_or_nothing' && report.rowsRejected > 0) {
      await this.reportRepeats(tx, report);
      return { status: 'rejected' };
    }
    if (!(await this.write(tx, caller.agencyId, options, report, changes))) return { status: 'rejected' };
    const row = await this.finish(tx, caller, id, 'completed', report);
    await runner.commitTransaction();
    return { status: 'completed', row };
  }

  /**
   * Reads the body into the staging table (COPY on the runner's connection). A file that cannot
   * be read (ImportFileError) ends the reading with its error in the report, not as an exception.
   */
  private async stage(
    runner: QueryRunner,
    reader: BodyReader,
    options: ImportOptions,
    schoolId: string,
    pupils: PupilIndex,
    report: Report,
    changes: Ss12000Changes,
  ): Promise<void> {
    const copy = new StagingCopy(poolClientOf(runner));
    try {
      await this.readRows(reader, options, schoolId, pupils, copy, report, changes);
      await copy.finish();
    } catch (error) {
      copy.abort();
      if (!(error instanceof ImportFileError)) throw error;
      reader.discard();
      report.fileError = { line: error.line, field: error.field, code: error.code, reason: error.message };
    }
  }

  /**
   * Writes the staged lessons and refreshes the days they changed. False (nothing to keep) when
   * the file repeats a lesson and the mode is all-or-nothing.
   */
  private async write(
    tx: EntityManager,
    schoolId: string,
    options: ImportOptions,
    report: Report,
    changes: Ss12000Changes,
  ): Promise<boolean> {
    await this.importsRepository.lockSchoolAndTrackDays(tx, schoolId);
    const ss12000 = options.format === 'ss12000';
    // Only lessons of events an earlier import stored can have moved (a sync's page of new days
    // usually has none): then the moved-lesson search, which reads the school's whole lesson
    // identity table, is skipped, and each page costs the same however much the term holds.
    let earlierEvents = false;
    if (ss12000) {
      earlierEvents = await this.ss12000.anyKnown(
        tx,
        schoolId,
        changes.removals.map((r) => r.event),
      );
      // Before the lessons are written: a moved lesson's old row and removed lessons go first.
      await this.ss12000.saveEvents(tx, schoolId, [...changes.events.values()]);
      await this.ss12000.removeLessons(tx, schoolId, changes.removals);
      if (earlierEvents) await this.ss12000.vacateMovedLessons(tx, schoolId);
    }
    const allNew = await this.importsRepository.insertAllNew(tx, options.format);
    let skipRepeats = false;
    if (!allNew && !(await this.importsRepository.applyUnlessRepeated(tx, options.format))) {
      // The same lesson twice in one file: find the repeats only now, when they exist.
      await this.reportRepeats(tx, report);
      if (options.mode === 'all_or_nothing') return false;
      await this.importsRepository.apply(tx, options.format, true);
      skipRepeats = true;
    }
    if (ss12000) {
      // All lessons new: no slot was held, so no other event's identity is there to replace.
      await this.ss12000.saveIdentities(tx, schoolId, skipRepeats ? DUPLICATE_TABLE : undefined, !allNew);
    }
    // A day can be left without a reported lesson only where lessons were removed, moved or changed.
    const removedSome = earlierEvents || changes.removals.length > 0 || !allNew;
    await this.importsRepository.refreshTouchedDays(tx, allNew, ss12000 && removedSome);
    return true;
  }

  /** Rows that repeat an earlier row's lesson (same pupil, date and start time), into the report. */
  private async reportRepeats(tx: EntityManager, report: Report): Promise<void> {
    const { count, first } = await this.importsRepository.findRepeats(tx, MAX_REPORTED_ERRORS);
    if (!count) return;
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

  /** Rolls the import's transaction back and lets the rest of the body go; the rollback's error, if any. */
  private async rollback(runner: QueryRunner, reader: BodyReader): Promise<Error | undefined> {
    let failure: Error | undefined;
    if (runner.isTransactionActive) {
      await runner.rollbackTransaction().catch((e: Error) => {
        failure = e;
      });
    }
    reader.discard();
    return failure;
  }

  /** Stores the import as rejected and answers: 400 for an unreadable header, else 422 with the report. */
  private async rejection(caller: ImportActor, id: string, report: Report): Promise<DomainError> {
    const row = await this.importsRepository.transaction((tx) => this.finish(tx, caller, id, 'rejected', report));
    const fileError = report.fileError;
    if (fileError?.field === 'header') {
      return new DomainError('validation', 400, 'Bad Request', fileError.reason, {
        importId: id,
        errors: [{ field: 'header', code: 'invalid-header', message: fileError.reason }],
      });
    }
    return new UnprocessableError(
      fileError
        ? `The file was rejected: ${fileError.reason} (line ${fileError.line}). Nothing was imported.`
        : `The file was rejected: ${row.rows_rejected} of ${row.rows_total} rows have problems. Nothing was imported.`,
      {
        importId: id,
        rowsTotal: row.rows_total,
        rowsRejected: row.rows_rejected,
        errors: row.errors,
      },
    );
  }

  /** Stores the import as failed (best effort: the database may be what failed). */
  private async recordFailure(caller: ImportActor, id: string, report: Report, error: Error): Promise<void> {
    this.logger.warn(`import ${id} failed: ${error?.message}`);
    await this.importsRepository
      .transaction((tx) => this.finish(tx, caller, id, 'failed', report))
      .catch((e: Error) => this.logger.warn(`import ${id}: could not record the failure: ${e.message}`));
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
    // Synchronous but for a flush (every ~256 KiB): a promise per row cost a fifth of the parse.
    const take = (result: RowResult): Promise<void> | undefined => {
      report.rowsTotal++;
      if (!result.ok) report.add(result.errors);
      else if (result.lesson && copy.add(result.lesson)) return copy.flush();
      return undefined;
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
        const flushing = take(csvRow(record.line, record.fields, pupils, checker));
        if (flushing) await flushing;
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

  private async finish(
    tx: EntityManager,
    caller: ImportActor,
    id: string,
    status: ImportStatus,
    report: Report,
  ): Promise<ImportRow> {
    const row = await this.importsRepository.finish(tx, id, {
      status,
      rowsTotal: report.rowsTotal,
      rowsImported: status === 'completed' ? report.rowsTotal - report.rowsRejected : 0,
      rowsRejected: report.rowsRejected,
      errors: report.final(),
    });
    await this.access.logChange(caller, 'attendance.import', 'attendance_import', [id], tx);
    return row;
  }
}

function headerError(): ImportFileError {
  return new ImportFileError(
    1,
    'header',
    `The first line must be the header ${CSV_COLUMNS.join(',')} (comma- or semicolon-separated).`,
  );
}
