import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ConflictError, decodeCursor, NotFoundError, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { encryptSecret } from './secrets';
import { SourceRow, SourceSchoolRow, SourcesRepository, SourceWrite } from './sources.repository';
import { CreateSourceDto, PatchSourceDto, RunStartedDto, SourceAuthInput, SourceDto, SyncRunDto } from './sources.dto';
import { sourceUrlProblem } from './source-url.rules';
import { RunRow, SyncRunsRepository } from './sync-runs.repository';
import { SyncService } from './sync.service';
import { emptyCounts } from './sync.rules';

export const toRunDto = (r: RunRow): SyncRunDto => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
  counts: { ...emptyCounts(), ...r.counts },
  errors: r.errors,
  failure: r.failure,
});

/**
 * SS 12000 sources of the caller's organisation (administrators), and their runs. Secrets are
 * encrypted before they are stored and never returned; URLs are checked against SSRF.
 */
@Injectable()
export class SourcesService {
  private readonly logger = new Logger('Ss12000Sources');
  /** Runs started by this instance, so tests (and shutdown) can wait for them. */
  readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly sources: SourcesRepository,
    private readonly runs: SyncRunsRepository,
    private readonly sync: SyncService,
  ) {}

  async list(caller: Caller): Promise<SourceDto[]> {
    const rows = await this.sources.list(caller.organisationId);
    await this.access.logList(
      caller,
      'ss12000.source.list',
      'ss12000_source',
      rows.map((r) => r.id),
    );
    return this.toDtos(rows);
  }

  async get(caller: Caller, id: string): Promise<SourceDto> {
    const row = await this.require(caller, id, 'ss12000.source.read');
    return (await this.toDtos([row]))[0];
  }

  async create(caller: Caller, dto: CreateSourceDto): Promise<SourceDto> {
    const write = this.toWrite(dto, null);
    return this.dataSource.transaction(async (tx) => {
      await this.checkSchools(tx, caller, dto.schools);
      const id = await this.sources.insert(tx, caller.organisationId, caller.userId, write);
      await this.sources.replaceSchools(tx, id, dto.schools);
      await this.access.logChange(caller, 'ss12000.source.create', 'ss12000_source', [id], tx);
      return (await this.toDtos([(await this.sources.find(id, tx))!], tx))[0];
    });
  }

  async update(caller: Caller, id: string, dto: PatchSourceDto): Promise<SourceDto> {
    const current = await this.require(caller, id, 'ss12000.source.update');
    const write = this.toWrite(
      {
        name: dto.name ?? current.name,
        baseUrl: dto.baseUrl ?? current.base_url,
        auth: dto.auth,
        syncFrom: dto.syncFrom === undefined ? (current.sync_from ?? undefined) : (dto.syncFrom ?? undefined),
        syncEveryMinutes:
          dto.syncEveryMinutes === undefined
            ? (current.sync_every_minutes ?? undefined)
            : (dto.syncEveryMinutes ?? undefined),
      },
      current,
    );
    return this.dataSource.transaction(async (tx) => {
      await this.sources.update(tx, id, write);
      if (dto.schools) {
        await this.checkSchools(tx, caller, dto.schools);
        await this.sources.replaceSchools(tx, id, dto.schools);
      }
      await this.access.logChange(caller, 'ss12000.source.update', 'ss12000_source', [id], tx);
      return (await this.toDtos([(await this.sources.find(id, tx))!], tx))[0];
    });
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.require(caller, id, 'ss12000.source.delete');
    await this.dataSource.transaction(async (tx) => {
      await this.sources.delete(tx, id);
      await this.access.logChange(caller, 'ss12000.source.delete', 'ss12000_source', [id], tx);
    });
  }

  /** Queues a run and starts it in this instance; 409 while the source has one queued or running. */
  async startRun(caller: Caller, id: string): Promise<RunStartedDto> {
    await this.require(caller, id, 'ss12000.run.start');
    const run = await this.runs.enqueue(id, 'manual', caller.userId);
    if (!run) throw new ConflictError('A run of this source is already queued or running.', { code: 'run-active' });
    this.launch(run.id, id);
    return { id: run.id, status: run.status };
  }

  /** Scheduled runs of every source that is due (called by the job worker). */
  async startDueRuns(): Promise<number> {
    let started = 0;
    for (const sourceId of await this.sources.due()) {
      const run = await this.runs.enqueue(sourceId, 'schedule', null);
      if (run) {
        this.launch(run.id, sourceId);
        started++;
      }
    }
    return started;
  }

  async listRuns(caller: Caller, id: string, query: PageQuery): Promise<Page<SyncRunDto>> {
    await this.require(caller, id, 'ss12000.run.list');
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.runs.list(id, query.limit + 1, cursor);
    return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], toRunDto);
  }

  async getRun(caller: Caller, id: string, runId: string): Promise<SyncRunDto> {
    await this.require(caller, id, 'ss12000.run.read');
    await this.runs.failStale(id);
    const run = await this.runs.find(id, runId);
    if (!run) throw new NotFoundError('sync run');
    return toRunDto(run);
  }

  /** Waits for the runs this instance started (tests; shutdown). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private launch(runId: string, sourceId: string): void {
    const work = this.sync
      .execute(runId, sourceId)
      .catch((e: Error) => this.logger.error(`sync run ${runId}: ${e.name}`))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** The source of the caller's organisation, else 404 (logged): administrators of other organisations never learn it exists. */
  private async require(caller: Caller, id: string, logAction: string): Promise<SourceRow> {
    const row = await this.sources.find(id);
    await this.access.require({
      caller,
      action: 'write',
      logAction,
      subject: row ? { type: 'organisation-member', organisationId: row.organisation_id } : null,
      subjectType: 'ss12000_source',
      subjectId: id,
    });
    return row!;
  }

  private async checkSchools(
    tx: EntityManager,
    caller: Caller,
    schools: { organisationId: string; agencyId: string }[],
  ): Promise<void> {
    const ours = await this.sources.schoolsOf(tx, caller.organisationId, [...new Set(schools.map((s) => s.agencyId))]);
    const errors = schools.flatMap((s, i) =>
      ours.has(s.agencyId)
        ? []
        : [{ field: `schools.${i}.agencyId`, code: 'not-own-school', message: 'not a school of your organisation' }],
    );
    const seen = new Set<string>();
    schools.forEach((s, i) => {
      if (seen.has(s.organisationId)) {
        errors.push({ field: `schools.${i}.organisationId`, code: 'duplicate', message: 'mapped twice' });
      }
      seen.add(s.organisationId);
    });
    if (errors.length) throw new UnprocessableError('The schools cannot be mapped.', { errors });
  }

  private toWrite(
    dto: {
      name: string;
      baseUrl: string;
      auth?: SourceAuthInput;
      syncFrom?: string;
      syncEveryMinutes?: number;
    },
    current: SourceRow | null,
  ): SourceWrite {
    const production = this.config.nodeEnv === 'production';
    const errors: { field: string; code: string; message: string }[] = [];
    const urlProblem = sourceUrlProblem(dto.baseUrl, production);
    if (urlProblem) errors.push({ field: 'baseUrl', code: 'unsafe-url', message: `baseUrl ${urlProblem}` });
    const auth = dto.auth;
    if (auth?.type === 'oauth2_client_credentials') {
      const tokenProblem = sourceUrlProblem(auth.tokenUrl ?? '', production);
      if (tokenProblem) {
        errors.push({ field: 'auth.tokenUrl', code: 'unsafe-url', message: `tokenUrl ${tokenProblem}` });
      }
    }
    if (errors.length) throw new UnprocessableError('The source cannot be used.', { errors });
    const base = {
      name: dto.name.trim(),
      baseUrl: dto.baseUrl.trim(),
      syncFrom: dto.syncFrom ?? null,
      syncEveryMinutes: dto.syncEveryMinutes ?? null,
    };
    if (!auth) {
      return {
        ...base,
        authType: current!.auth_type,
        authSettings: current!.auth_settings,
        authSecret: current!.auth_secret,
      };
    }
    const key = this.config.secretsKey;
    if (auth.type === 'bearer') {
      return { ...base, authType: 'bearer', authSettings: {}, authSecret: encryptSecret(key, auth.token!) };
    }
    if (auth.type === 'oauth2_client_credentials') {
      return {
        ...base,
        authType: 'oauth2_client_credentials',
        authSettings: {
          tokenUrl: auth.tokenUrl!,
          clientId: auth.clientId!,
          ...(auth.scope ? { scope: auth.scope } : {}),
        },
        authSecret: encryptSecret(key, auth.clientSecret!),
      };
    }
    return { ...base, authType: 'none', authSettings: {}, authSecret: null };
  }

  private async toDtos(rows: SourceRow[], tx?: EntityManager): Promise<SourceDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const schools: SourceSchoolRow[] = await this.sources.schools(ids, tx);
    const last = new Map((await this.runs.latest(ids)).map((r) => [r.source_id, r]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      baseUrl: r.base_url,
      auth: {
        type: r.auth_type,
        ...(r.auth_settings.tokenUrl ? { tokenUrl: r.auth_settings.tokenUrl } : {}),
        ...(r.auth_settings.clientId ? { clientId: r.auth_settings.clientId } : {}),
        ...(r.auth_settings.scope ? { scope: r.auth_settings.scope } : {}),
        secretStored: r.auth_secret !== null,
      },
      schools: schools
        .filter((s) => s.source_id === r.id)
        .map((s) => ({ organisationId: s.organisation_ref, agencyId: s.agency_id, agencyName: s.agency_name })),
      syncFrom: r.sync_from,
      syncEveryMinutes: r.sync_every_minutes,
      lastRun: last.has(r.id) ? toRunDto(last.get(r.id)!) : null,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
