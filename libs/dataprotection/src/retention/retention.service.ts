import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { ConflictError, decodeCursor, NotFoundError, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { Clock, CLOCK } from '@app/notifications';
import {
  RetentionPreviewDto,
  RetentionRuleDto,
  RetentionRuleListDto,
  RetentionRunDto,
  UpdateRetentionRuleDto,
} from './retention.dto';
import { CountRow, Erased, RetentionRepository, RuleRow, RunRow } from './retention.repository';
import { DATA_CLASSES, DataClass, ERASE_FUNCTIONS, HELD_CLASSES, withinBounds } from './retention.rules';

type Counts = Map<string, { organisationId: string | null; dataClass: DataClass; rows: number; held: number }>;

/**
 * Retention rules per organisation, the preview, and the gallring run: it erases what the rules
 * make due, by batches through the database's retention functions, and logs counts per
 * organisation and data class (never content).
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Gallring');
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RetentionRepository,
    private readonly access: AccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rules(caller: Caller): Promise<RetentionRuleListDto> {
    return { items: (await this.repository.rules(caller.organisationId)).map(toRuleDto) };
  }

  async updateRule(caller: Caller, dataClass: string, dto: UpdateRetentionRuleDto): Promise<RetentionRuleDto> {
    if (!(DATA_CLASSES as readonly string[]).includes(dataClass)) throw new NotFoundError('retention rule');
    return this.dataSource.transaction(async (manager) => {
      const rule = (await this.repository.rules(caller.organisationId, manager)).find(
        (r) => r.data_class === dataClass,
      )!;
      const bounds = { minPeriod: rule.min_period, maxPeriod: rule.max_period };
      if (!withinBounds(dto.period, bounds)) {
        throw new UnprocessableError('The period is outside the bounds of this data class.', {
          errors: [
            {
              field: 'period',
              code: 'out-of-bounds',
              message: `period must be between ${rule.min_period} and ${rule.max_period} (${rule.unit})`,
            },
          ],
          minPeriod: rule.min_period,
          maxPeriod: rule.max_period,
        });
      }
      await this.repository.setPeriod(manager, caller.organisationId, rule.data_class, dto.period, caller.userId);
      await this.access.logChange(caller, 'retention.rule.update', 'organisation', [caller.organisationId], manager, {
        dataClass,
        periodBefore: rule.period,
        periodAfter: dto.period,
      });
      const updated = (await this.repository.rules(caller.organisationId, manager)).find(
        (r) => r.data_class === dataClass,
      )!;
      return toRuleDto(updated);
    });
  }

  async preview(caller: Caller): Promise<RetentionPreviewDto> {
    const at = this.clock.now();
    const [due, cutoffs, holds] = await Promise.all([
      this.repository.due(caller.organisationId, at),
      this.repository.cutoffs(caller.organisationId, at),
      this.repository.holds(caller.organisationId, at),
    ]);
    return {
      at: at.toISOString(),
      classes: DATA_CLASSES.map((dataClass) => ({
        dataClass,
        due: due[dataClass],
        cutoff: cutoffs[dataClass].toISOString(),
      })),
      holds: holds.map((h) => ({
        dataClass: h.data_class,
        id: h.id,
        caseId: h.case_id,
        reference: h.reference,
        since: h.since.toISOString(),
        reason: h.hold,
      })),
    };
  }

  async runs(caller: Caller, query: PageQuery): Promise<Page<RetentionRunDto>> {
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.repository.runs(caller.organisationId, query.limit + 1, cursor);
    const counts = await this.repository.counts(
      caller.organisationId,
      rows.map((r) => r.id),
    );
    return toPage(
      rows,
      query.limit,
      (r) => [r.started_at.toISOString(), r.id],
      (r) => toRunDto(r, counts),
    );
  }

  /**
   * An admin starts a run now: answered at once (status `running`); the run goes on in the
   * background and erases only the admin's own organisation's data (see `execute`).
   */
  async start(caller: Caller): Promise<RetentionRunDto> {
    const at = this.clock.now();
    const runId = await this.repository.startRun('manual', caller.userId, caller.organisationId, at);
    if (!runId) throw new ConflictError('A gallring run is already running.', { code: 'run-in-progress' });
    await this.access.logChange(
      caller,
      'retention.run.start',
      'organisation',
      [caller.organisationId],
      this.dataSource.manager,
      {
        runId,
      },
    );
    const work = this.execute(runId, at, caller.organisationId)
      .catch(() => undefined)
      .finally(() => this.running.delete(work));
    this.running.add(work);
    return toRunDto((await this.repository.run(runId))!, []);
  }

  /** The nightly run (pg-boss); null when another run is going on. */
  async runScheduled(): Promise<string | null> {
    const at = this.clock.now();
    const runId = await this.repository.startRun('schedule', null, null, at);
    if (!runId) return null;
    await this.execute(runId, at);
    return runId;
  }

  /** Waits for the runs this instance started (tests; shutdown). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  /**
   * The gallring itself: months ahead are prepared, whole months of lessons dropped, then per
   * organisation and class one batch after another until nothing is due, then the access log by
   * month. Every call is its own transaction, so no lock is held longer than one batch.
   *
   * A run for one organisation (an admin's "run now") erases only that organisation's data: it
   * skips what is shared by every organisation, the whole lesson months (their rows of this
   * organisation go by batches instead) and the access log's months, which the nightly run erases.
   */
  private async execute(runId: string, at: Date, only: string | null = null): Promise<void> {
    const counts: Counts = new Map();
    const add = (organisationId: string | null, dataClass: DataClass, rows: number, held = 0) => {
      const key = `${organisationId}|${dataClass}`;
      const entry = counts.get(key) ?? { organisationId, dataClass, rows: 0, held: 0 };
      entry.rows += rows;
      entry.held += held;
      counts.set(key, entry);
    };
    try {
      await this.repository.prepareMonths(at);
      const organisations = only ? [only] : await this.repository.organisations();
      for (const organisationId of organisations)
        for (const dataClass of DATA_CLASSES) add(organisationId, dataClass, 0);
      while (!only) {
        const month = await this.repository.dropLessonMonth(at);
        // The lesson table stayed busy: the due months' rows go by batches below instead.
        if (month === null) this.logger.warn(`gallring run ${runId}: lesson months left, the table was busy`);
        if (!month?.length) break;
        this.addAll(month, 'attendance_lesson', add);
      }
      for (const organisationId of organisations) {
        for (const dataClass of Object.keys(ERASE_FUNCTIONS) as (keyof typeof ERASE_FUNCTIONS)[]) {
          for (let n = await this.repository.erase(dataClass, organisationId, at); n > 0;) {
            add(organisationId, dataClass, n);
            n = await this.repository.erase(dataClass, organisationId, at);
          }
        }
        const held = await this.repository.held(organisationId, at);
        for (const dataClass of HELD_CLASSES) add(organisationId, dataClass, 0, held[dataClass]);
      }
      while (!only) {
        const erased = await this.repository.eraseAccessLog(at);
        // The access log stayed busy: what is left goes in the next run.
        if (erased === null) this.logger.warn(`gallring run ${runId}: access-log months left, the log was busy`);
        if (!erased?.length) break;
        this.addAll(erased, 'access_log', add);
      }
      await this.repository.recordCounts(runId, [...counts.values()]);
      await this.repository.finishRun(runId, null);
      const total = [...counts.values()].reduce((sum, c) => sum + c.rows, 0);
      this.logger.log(`gallring run ${runId} finished: ${total} rows erased`);
    } catch (error) {
      // Counts of what did go are kept; the failure is a code, never a message with data.
      const code = (error as { code?: string }).code ?? 'error';
      this.logger.warn(`gallring run ${runId} failed: ${code}`);
      await this.repository.recordCounts(runId, [...counts.values()]).catch(() => undefined);
      await this.repository.finishRun(runId, code).catch(() => undefined);
      throw error;
    }
  }

  private addAll(erased: Erased[], dataClass: DataClass, add: (org: string | null, c: DataClass, n: number) => void) {
    for (const e of erased) add(e.organisationId, dataClass, e.rows);
  }
}

function toRuleDto(r: RuleRow): RetentionRuleDto {
  return {
    dataClass: r.data_class,
    unit: r.unit,
    period: r.period,
    defaultPeriod: r.default_period,
    minPeriod: r.min_period,
    maxPeriod: r.max_period,
    legalBasis: r.legal_basis,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by,
  };
}

function toRunDto(r: RunRow, counts: CountRow[]): RetentionRunDto {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    failure: r.failure,
    counts: counts
      .filter((c) => c.run_id === r.id)
      .map((c) => ({ dataClass: c.data_class, rows: Number(c.rows), held: c.held })),
  };
}
