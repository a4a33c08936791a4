import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { AttendanceImportService } from '@app/attendance';
import { swedishDate, termOf } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { recordSyncRun } from '@app/http';
import { diffFields, StudentRepository } from '@app/students';
import { decryptSecret } from './secrets';
import { SourceRow, SourceSchoolRow, SourcesRepository } from './sources.repository';
import { SourceAuth, Ss12000Client, Ss12000Page, Ss12000RequestError } from './ss12000-client';
import { SyncRunsRepository } from './sync-runs.repository';
import { SyncWritesRepository } from './sync-writes.repository';
import { Run, RunReport } from './sync-run';
import { SyncPersonsService } from './sync-persons.service';
import { readAbsence, readClassGroup } from './sync.rules';

/** Items per page asked of the server. */
export const PAGE_LIMIT = 500;

/**
 * One SS 12000 sync run: for every mapped school unit, the pupils (`/persons` with their
 * enrolment), classes (`/groups` of type Klass), lessons (`/calendarEvents?expand=attendance`
 * from syncFrom to today), later attendance changes (`/attendances`), reported absence
 * (`/absences`), then `/deletedEntities`. Each page is committed on its own, with the point the
 * listing resumes from; after its last page a listing's watermark becomes the time it started, and
 * the next run asks only for what changed after it (`meta.modified.after`).
 */
@Injectable()
export class SyncService {
  private readonly logger = new Logger('Ss12000Sync');
  /** Back-off base of the client's retries (ms); tests shorten it. */
  retryBaseMs = 500;
  /** Items per page asked of the server; tests make it small to page. */
  pageLimit = PAGE_LIMIT;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourcesRepository,
    private readonly runs: SyncRunsRepository,
    private readonly writes: SyncWritesRepository,
    private readonly students: StudentRepository,
    private readonly imports: AttendanceImportService,
    private readonly access: AccessService,
    private readonly persons: SyncPersonsService,
  ) {}

  /** Runs a queued run to its end (succeeded or failed). Never throws. */
  async execute(runId: string, sourceId: string): Promise<void> {
    if (!(await this.runs.start(runId))) return;
    const report = new RunReport();
    try {
      const source = await this.sources.find(sourceId);
      if (!source) throw new Ss12000RequestError('the source was removed', null);
      const mapped = await this.sources.schools([sourceId]);
      const client = new Ss12000Client({
        baseUrl: source.base_url,
        auth: this.auth(source),
        production: this.config.nodeEnv === 'production',
        retryBaseMs: this.retryBaseMs,
      });
      const schools = [...mapped, ...(await this.matchByCode(source, mapped, client, report))].sort(
        (a, b) =>
          a.agency_name.localeCompare(b.agency_name, 'sv') || a.organisation_ref.localeCompare(b.organisation_ref),
      );
      const run = { runId, source, schools, client, report };
      for (const school of schools) await this.syncSchool(run, school);
      await this.syncDeletions(run);
      await this.runs.finish(runId, 'succeeded', report.counts, report.errors, null);
      recordSyncRun('succeeded');
    } catch (error) {
      recordSyncRun('failed');
      const reason =
        error instanceof Ss12000RequestError
          ? error.reason
          : 'the run stopped on an unexpected error (see the server log)';
      if (!(error instanceof Ss12000RequestError)) {
        this.logger.error(`sync run ${runId} failed: ${(error as Error)?.name} ${(error as Error)?.stack ?? ''}`);
      }
      await this.runs
        .finish(runId, 'failed', report.counts, report.errors, reason)
        .catch((e: Error) => this.logger.warn(`sync run ${runId}: could not record the failure: ${e.message}`));
    }
  }

  /**
   * The organisation's schools this source does not map by Organisation id (and no other source of
   * the organisation maps), matched by their skolenhetskod: `/organisations?schoolUnitCode=…`.
   */
  private async matchByCode(
    source: SourceRow,
    mapped: SourceSchoolRow[],
    client: Ss12000Client,
    report: RunReport,
  ): Promise<SourceSchoolRow[]> {
    const unmapped = await this.sources.unmappedSchools(source.organisation_id);
    if (!unmapped.length) return [];
    const byCode = new Map(unmapped.map((a) => [a.school_unit_code, a]));
    const taken = new Set(mapped.map((m) => m.organisation_ref));
    const matched = new Map<string, SourceSchoolRow>();
    const codes = [...byCode.keys()];
    for (let i = 0; i < codes.length; i += 50) {
      let token: string | null = null;
      do {
        const page: Ss12000Page = await client.page(
          '/organisations',
          token
            ? { pageToken: token, limit: this.pageLimit }
            : { schoolUnitCode: codes.slice(i, i + 50), limit: this.pageLimit },
        );
        for (const o of Array.isArray(page.body.data) ? page.body.data : []) {
          const unit = o as { id?: unknown; schoolUnitCode?: unknown };
          const agency = typeof unit.schoolUnitCode === 'string' ? byCode.get(unit.schoolUnitCode) : undefined;
          if (!agency || typeof unit.id !== 'string' || taken.has(unit.id)) continue;
          if ([...matched.values()].some((m) => m.agency_id === agency.id)) {
            report.add([
              {
                entity: 'organisation',
                id: unit.id,
                field: 'schoolUnitCode',
                reason: 'two school units carry this code',
              },
            ]);
            continue;
          }
          matched.set(unit.id, {
            source_id: source.id,
            organisation_ref: unit.id,
            agency_id: agency.id,
            agency_name: agency.name,
            organisation_id: source.organisation_id,
          });
        }
        token = page.pageToken;
      } while (token);
    }
    return [...matched.values()];
  }

  private auth(source: SourceRow): SourceAuth {
    const secret = source.auth_secret ? decryptSecret(this.config.secretsKey, source.auth_secret) : '';
    if (source.auth_type === 'bearer') return { type: 'bearer', token: secret };
    if (source.auth_type === 'oauth2_client_credentials') {
      return {
        type: 'oauth2_client_credentials',
        tokenUrl: source.auth_settings.tokenUrl ?? '',
        clientId: source.auth_settings.clientId ?? '',
        clientSecret: secret,
        scope: source.auth_settings.scope,
      };
    }
    return { type: 'none' };
  }

  private async syncSchool(run: Run, school: SourceSchoolRow): Promise<void> {
    const org = school.organisation_ref;
    const today = swedishDate();
    // syncFrom: the earliest lesson date to read; by default the start of the current term.
    const syncFrom =
      run.source.sync_from ?? termOf(today, await this.sources.termDates(run.source.organisation_id)).from;
    await this.listing(
      run,
      `persons:${org}`,
      '/persons',
      {
        'relationship.entity.type': 'enrolment',
        'relationship.organisation': org,
      },
      (page, tx) => this.persons.persons(run, school, page, tx),
    );
    // The guardians' own Person records carry their contact details (the pupil's `responsibles` only name them).
    await this.listing(
      run,
      `responsibles:${org}`,
      '/persons',
      {
        'relationship.entity.type': 'responsibleFor.enrolment',
        'relationship.organisation': org,
      },
      (page, tx) => this.persons.guardianContacts(run, school, page, tx),
    );
    await this.listing(run, `groups:${org}`, '/groups', { groupType: 'Klass', organisation: org }, (page, tx) =>
      this.groups(run, school, page, tx),
    );
    const eventsKey = `calendarEvents:${org}`;
    const firstLessons = !(await this.runs.state(run.source.id, eventsKey)).modified_after;
    const lessonsStarted = await this.listing(
      run,
      eventsKey,
      '/calendarEvents',
      {
        expand: 'attendance',
        organisation: org,
        'startTime.onOrAfter': `${syncFrom}T00:00:00+01:00`,
        'startTime.onOrBefore': `${today}T23:59:59+01:00`,
      },
      (page) => this.lessons(run, school, page, 'calendarEvents'),
    );
    // The first listing of lessons read every attendance with its event: later changes come from /attendances.
    if (firstLessons) await this.runs.setWatermark(run.source.id, `attendances:${org}`, lessonsStarted);
    else {
      await this.listing(run, `attendances:${org}`, '/attendances', { organisation: org }, (page) =>
        this.lessons(run, school, page, 'attendances'),
      );
    }
    await this.listing(
      run,
      `absences:${org}`,
      '/absences',
      {
        organisation: org,
        'startTime.onOrAfter': `${syncFrom}T00:00:00+01:00`,
      },
      (page, tx) => this.absences(run, school, page, tx),
    );
  }

  /**
   * Reads a listing page by page from where it last stopped (or, after a complete one, only what
   * changed since it started), handing each page to `handle` and saving the resume point with
   * it. Returns the time the listing started.
   */
  private async listing(
    run: Run,
    entity: string,
    path: string,
    query: Record<string, string>,
    handle: (page: Ss12000Page, tx: EntityManager) => Promise<void>,
  ): Promise<string> {
    const state = await this.runs.state(run.source.id, entity);
    const resuming = state.resume_page_token !== null && state.listing_started_at !== null;
    const startedAt = resuming ? state.listing_started_at! : await this.runs.now();
    let token = resuming ? state.resume_page_token : null;
    const base = { ...query, limit: this.pageLimit, 'meta.modified.after': state.modified_after ?? undefined };
    for (;;) {
      const page = await run.client.page(path, token ? { ...base, pageToken: token } : base);
      await this.dataSource.transaction(async (tx) => {
        await handle(page, tx);
        await this.runs.savePage(tx, run.source.id, entity, startedAt, page.pageToken);
        await this.runs.heartbeat(run.runId, run.report.counts, run.report.errors, tx);
      });
      if (!page.pageToken) return startedAt;
      token = page.pageToken;
    }
  }

  /** A page of groups: each `Klass` gives its members today their class name. */
  private async groups(run: Run, school: SourceSchoolRow, page: Ss12000Page, tx: EntityManager): Promise<void> {
    const today = swedishDate();
    const classes = new Map<string, string>();
    for (const value of Array.isArray(page.body.data) ? page.body.data : []) {
      run.report.counts.groups++;
      const read = readClassGroup(value, today);
      run.report.add(read.errors);
      for (const [person, name] of read.classes) classes.set(person, name);
    }
    if (!classes.size) return;
    const ids = await this.writes.pupilIds(tx, school.organisation_id, [...classes.keys()]);
    const written: string[] = [];
    for (const [person, name] of classes) {
      const id = ids.get(person);
      if (!id) continue;
      const current = (await this.students.lockState(tx, id))!;
      if (current.school_id !== school.agency_id) continue;
      const changes = diffFields({ className: current.class_name }, { className: name });
      await this.students.applyChanges(tx, current, changes, { source: 'sync', syncSourceId: run.source.id });
      if (changes.length) written.push(id);
    }
    await this.persons.logWritten(run, school, written, tx);
  }

  /**
   * A page of calendar events (with their attendance) or of attendance records goes through the
   * file import (the same rules, identities and idempotent writes), as one import of the school
   * made by this run. The page is written one element per line, so an import error's line names
   * the element and so its SS 12000 id.
   */
  private async lessons(
    run: Run,
    school: SourceSchoolRow,
    page: Ss12000Page,
    kind: 'calendarEvents' | 'attendances',
  ): Promise<void> {
    const data = Array.isArray(page.body.data) ? page.body.data : [];
    if (!data.length) return;
    if (kind === 'calendarEvents') {
      run.report.counts.calendarEvents += data.length;
      for (const e of data) {
        const embedded = (e as { _embedded?: { attendance?: unknown[] } })?._embedded?.attendance;
        run.report.counts.attendances += Array.isArray(embedded) ? embedded.length : 0;
      }
    } else run.report.counts.attendances += data.length;
    const text = `{"data":[\n${data.map((d) => JSON.stringify(d)).join(',\n')}\n]}`;
    const result = await this.imports.import(
      {
        userId: null,
        agencyId: school.agency_id,
        agencyType: 'school',
        organisationId: school.organisation_id,
        syncRunId: run.runId,
      },
      Readable.from([Buffer.from(text, 'utf8')]),
      { format: 'ss12000', mode: 'partial', encoding: 'utf-8' },
    );
    const entity = kind === 'calendarEvents' ? 'calendarEvent' : 'attendance';
    run.report.add(
      result.errors.map((e) => {
        const element = data[e.line - 2] as { id?: unknown } | undefined;
        return {
          entity,
          id: typeof element?.id === 'string' ? element.id : null,
          field: e.field,
          reason: e.reason,
        };
      }),
    );
  }

  private async absences(run: Run, school: SourceSchoolRow, page: Ss12000Page, tx: EntityManager): Promise<void> {
    const data = Array.isArray(page.body.data) ? page.body.data : [];
    const read = data.map((value) => {
      run.report.counts.absences++;
      const r = readAbsence(value);
      run.report.add(r.errors);
      return r.absence;
    });
    const absences = read.filter((a): a is NonNullable<typeof a> => a !== null);
    if (!absences.length) return;
    const ids = await this.writes.pupilIds(
      tx,
      school.organisation_id,
      absences.map((a) => a.student),
    );
    for (const a of absences) {
      const id = ids.get(a.student);
      if (!id) continue;
      await this.writes.applyAbsence(tx, [school.agency_id], id, a.start, a.end, 'anmäld frånvaro');
    }
  }

  /** `/deletedEntities` after the last run: calendar events, attendances and persons the school system deleted. */
  private async syncDeletions(run: Run): Promise<void> {
    const entity = 'deletedEntities';
    const state = await this.runs.state(run.source.id, entity);
    const startedAt = await this.runs.now();
    if (!state.modified_after) {
      // Nothing to delete before the first run: everything read so far is what exists.
      await this.runs.setWatermark(run.source.id, entity, startedAt);
      return;
    }
    const schoolIds = run.schools.map((s) => s.agency_id);
    const organisationId = run.source.organisation_id;
    let token: string | null = null;
    for (;;) {
      const page: Ss12000Page = await run.client.page('/deletedEntities', {
        after: state.modified_after,
        entities: 'CalendarEvent,Attendance,Person',
        limit: this.pageLimit,
        pageToken: token ?? undefined,
      });
      const data = (page.body.data ?? {}) as { calendarEvents?: unknown; attendances?: unknown; persons?: unknown };
      const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      await this.dataSource.transaction(async (tx) => {
        const events = ids(data.calendarEvents);
        const attendances = ids(data.attendances);
        const persons = ids(data.persons);
        run.report.counts.deleted += events.length + attendances.length + persons.length;
        await this.writes.removeEventLessons(tx, schoolIds, events);
        await this.writes.unreportAttendances(tx, schoolIds, attendances);
        for (const id of await this.writes.unenrol(tx, organisationId, persons)) {
          const current = (await this.students.lockState(tx, id))!;
          const changes = diffFields({ enrolled: current.enrolled }, { enrolled: false });
          await this.students.applyChanges(tx, current, changes, { source: 'sync', syncSourceId: run.source.id });
          await this.access.logChange(
            { userId: null, agencyId: current.school_id, organisationId },
            'student.sync',
            'student',
            [id],
            tx,
            { syncSourceId: run.source.id, syncRunId: run.runId },
          );
        }
        await this.runs.heartbeat(run.runId, run.report.counts, run.report.errors, tx);
      });
      if (!page.pageToken) break;
      token = page.pageToken;
    }
    await this.runs.setWatermark(run.source.id, entity, startedAt);
  }
}
