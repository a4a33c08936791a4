import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BATCH_SIZE, DataClass, ERASE_FUNCTIONS, HeldClass, HoldReason, RetentionUnit } from './retention.rules';

export interface RuleRow {
  data_class: DataClass;
  unit: RetentionUnit;
  period: number;
  default_period: number;
  min_period: number;
  max_period: number;
  legal_basis: string;
  updated_at: Date;
  updated_by: string | null;
}

export interface RunRow {
  id: string;
  trigger: 'schedule' | 'manual';
  status: 'running' | 'finished' | 'failed';
  started_at: Date;
  finished_at: Date | null;
  clock_at: Date;
  failure: string | null;
}

export interface CountRow {
  run_id: string;
  data_class: DataClass;
  rows: string;
  held: number;
}

export interface HoldRow {
  data_class: HeldClass;
  id: string;
  case_id: string;
  reference: string;
  since: Date;
  hold: HoldReason;
}

/** An organisation's share of what one erase call removed. */
export interface Erased {
  organisationId: string | null;
  rows: number;
}

const LOCK_NOT_AVAILABLE = '55P03';
const LOCK_ATTEMPTS = 6;
const LOCK_PAUSE_MS = 500;

function toErased(rows: { organisation_id: string | null; rows: string }[]): Erased[] {
  return rows.map((r) => ({ organisationId: r.organisation_id, rows: Number(r.rows) }));
}

/**
 * All SQL of retention. Erasing goes only through the `retention_*` database functions
 * (SECURITY DEFINER, owned by the owner role); each call is one batch in its own transaction.
 */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rules(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<RuleRow[]> {
    return manager.query(
      `SELECT k.data_class, k.unit, retention_period($1, k.data_class) AS period, k.default_period, k.min_period,
              k.max_period, coalesce(r.legal_basis, k.legal_basis) AS legal_basis,
              coalesce(r.updated_at, now()) AS updated_at, r.updated_by
         FROM retention_class k
         LEFT JOIN retention_rule r ON r.data_class = k.data_class AND r.organisation_id = $1
        ORDER BY k.position`,
      [organisationId],
    );
  }

  async setPeriod(
    manager: EntityManager,
    organisationId: string,
    dataClass: DataClass,
    period: number,
    userId: string,
  ): Promise<void> {
    // Every organisation has a row per class from its creation on (a trigger); the runtime role
    // may only update them (within the bounds, held by another trigger).
    await manager.query(
      `UPDATE retention_rule SET period = $3, updated_at = now(), updated_by = $4
        WHERE organisation_id = $1 AND data_class = $2`,
      [organisationId, dataClass, period, userId],
    );
  }

  async organisations(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM organisation ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /** How many items of each class are due now for one organisation. */
  async due(organisationId: string, at: Date): Promise<Record<DataClass, number>> {
    const [row]: Record<DataClass, string>[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM retention_due_lessons($1, $2)) AS attendance_lesson,
         (SELECT count(*) FROM retention_due_days($1, $2)) AS attendance_day,
         (SELECT count(*) FROM retention_due_guardian_notices($1, $2)) AS guardian_notice,
         (SELECT count(*) FROM retention_due_flags($1, $2)) AS dismissed_flag,
         (SELECT count(*) FROM retention_due_investigations($1, $2)) AS absence_investigation,
         (SELECT count(*) FROM retention_due_cases($1, $2) WHERE hold IS NULL) AS closed_case,
         (SELECT count(*) FROM retention_due_notifications($1, $2)) AS notification,
         (SELECT count(*) FROM retention_due_imports($1, $2)) AS attendance_import,
         (SELECT count(*) FROM retention_due_sessions($1, $2)) AS sign_in_session,
         (SELECT count(*) FROM access_log
           WHERE subject_organisation_id = $1
             AND at < date_trunc('month', retention_access_log_cutoff($2) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
           AS access_log`,
      [organisationId, at],
    );
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<DataClass, number>;
  }

  /** What is past its period but kept under a legal hold (closed cases, investigations), with the reason. */
  async holds(organisationId: string, at: Date): Promise<HoldRow[]> {
    return this.dataSource.query(
      `SELECT 'closed_case' AS data_class, case_id AS id, case_id, reference, closed_at AS since, hold
         FROM retention_due_cases($1, $2) WHERE hold IS NOT NULL
       UNION ALL
       SELECT 'absence_investigation', investigation_id, case_id, reference,
              informed_on::timestamp AT TIME ZONE 'Europe/Stockholm', hold
         FROM retention_held_investigations($1, $2)
        ORDER BY since, id`,
      [organisationId, at],
    );
  }

  async cutoffs(organisationId: string, at: Date): Promise<Record<DataClass, Date>> {
    const rows: { data_class: DataClass; cutoff: Date }[] = await this.dataSource.query(
      `SELECT data_class,
              CASE WHEN data_class = 'access_log' THEN retention_access_log_cutoff($2)
                   WHEN data_class = 'closed_case' THEN retention_cutoff($1, data_class, least($2, now()))
                   ELSE retention_cutoff($1, data_class, $2) END AS cutoff
         FROM retention_class`,
      [organisationId, at],
    );
    return Object.fromEntries(rows.map((r) => [r.data_class, r.cutoff])) as Record<DataClass, Date>;
  }

  // --- runs ---------------------------------------------------------------------------------

  /** A new run, or null when one is running (the partial unique index); abandoned runs are failed first. */
  async startRun(trigger: 'schedule' | 'manual', userId: string | null, organisationId: string | null, at: Date) {
    await this.dataSource.query(
      `UPDATE retention_run SET status = 'failed', finished_at = now(), failure = 'abandoned'
        WHERE status = 'running' AND started_at < now() - interval '6 hours'`,
    );
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO retention_run (trigger, started_by, organisation_id, started_at, clock_at)
       VALUES ($1, $2, $3, date_trunc('milliseconds', clock_timestamp()), $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [trigger, userId, organisationId, at],
    );
    return rows[0]?.id ?? null;
  }

  async finishRun(runId: string, failure: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE retention_run SET status = $2, failure = $3, finished_at = clock_timestamp() WHERE id = $1`,
      [runId, failure ? 'failed' : 'finished', failure],
    );
  }

  async recordCounts(
    runId: string,
    counts: { organisationId: string | null; dataClass: DataClass; rows: number; held: number }[],
  ): Promise<void> {
    if (!counts.length) return;
    await this.dataSource.query(
      `INSERT INTO retention_run_count (run_id, organisation_id, data_class, rows, held)
       SELECT $1, c.organisation_id, c.data_class, c.rows, c.held
         FROM jsonb_to_recordset($2::jsonb) AS c (organisation_id uuid, data_class text, rows bigint, held integer)`,
      [
        runId,
        JSON.stringify(
          counts.map((c) => ({
            organisation_id: c.organisationId,
            data_class: c.dataClass,
            rows: c.rows,
            held: c.held,
          })),
        ),
      ],
    );
  }

  /** The runs that covered an organisation: every nightly run, and its own admins' manual runs. */
  async runs(organisationId: string, limit: number, cursor: [string, string] | null): Promise<RunRow[]> {
    return this.dataSource.query(
      `SELECT id, trigger, status, started_at, finished_at, clock_at, failure FROM retention_run
        WHERE (organisation_id IS NULL OR organisation_id = $4)
          AND ($2::timestamptz IS NULL OR (started_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY started_at DESC, id DESC LIMIT $1`,
      [limit, cursor?.[0] ?? null, cursor?.[1] ?? null, organisationId],
    );
  }

  async run(id: string): Promise<RunRow | null> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT id, trigger, status, started_at, finished_at, clock_at, failure FROM retention_run WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** One organisation's counts of the given runs. */
  async counts(organisationId: string, runIds: string[]): Promise<CountRow[]> {
    if (!runIds.length) return [];
    return this.dataSource.query(
      `SELECT c.run_id, c.data_class, sum(c.rows)::text AS rows, sum(c.held)::int AS held
         FROM retention_run_count c JOIN retention_class k ON k.data_class = c.data_class
        WHERE c.run_id = ANY($1::uuid[]) AND c.organisation_id = $2
        GROUP BY c.run_id, c.data_class, k.position ORDER BY c.run_id, k.position`,
      [runIds, organisationId],
    );
  }

  // --- erasing (one batch per call) ---------------------------------------------------------

  async prepareMonths(at: Date): Promise<void> {
    const month = at.toISOString().slice(0, 8) + '01';
    await this.dataSource.query(`SELECT retention_prepare_months('access_log', $1::date, 13)`, [month]);
    await this.dataSource.query(`SELECT retention_prepare_months('attendance_lesson', $1::date, 13)`, [month]);
  }

  /**
   * One whole month of lessons, when every organisation's lessons in it are due: counted,
   * detached, then dropped in a transaction of its own. [] when none is due; null when the table
   * stayed busy (its lock not had within 100 ms, tried again a few times).
   */
  async dropLessonMonth(at: Date): Promise<Erased[] | null> {
    const rows = await this.busyRetried(() =>
      this.dataSource.query(`SELECT organisation_id, rows FROM retention_drop_lesson_month($1)`, [at]),
    );
    if (rows === null) return null;
    await this.dataSource.query(`SELECT retention_drop_detached('attendance_lesson')`);
    return toErased(rows);
  }

  async erase(dataClass: Exclude<DataClass, 'access_log'>, organisationId: string, at: Date): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT ${ERASE_FUNCTIONS[dataClass]}($1, $2, $3) AS n`,
      [organisationId, at, BATCH_SIZE],
    );
    return Number(row.n);
  }

  /**
   * One month of the access log (or a batch of its default partition); [] when nothing is due;
   * null when the log stayed busy (as dropLessonMonth).
   */
  async eraseAccessLog(at: Date): Promise<Erased[] | null> {
    const rows = await this.busyRetried(() =>
      this.dataSource.query(`SELECT organisation_id, rows FROM retention_erase_access_log($1, $2)`, [at, BATCH_SIZE]),
    );
    if (rows === null) return null;
    await this.dataSource.query(`SELECT retention_drop_detached('access_log')`);
    return toErased(rows);
  }

  /**
   * A month's detach waits at most 100 ms for the parent table's lock (so that it never queues
   * long in front of the table's readers and writers) and then fails with lock_not_available; it
   * is tried again after a pause, up to LOCK_ATTEMPTS times. null when it never got the lock.
   */
  private async busyRetried<T>(call: () => Promise<T>): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
        if (attempt >= LOCK_ATTEMPTS) return null;
        await new Promise((resolve) => setTimeout(resolve, LOCK_PAUSE_MS * attempt));
      }
    }
  }

  /** How many items of each class that can be held are kept under a legal hold. */
  async held(organisationId: string, at: Date): Promise<Record<HeldClass, number>> {
    const [row]: Record<HeldClass, number>[] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM retention_due_cases($1, $2) WHERE hold IS NOT NULL) AS closed_case,
              (SELECT count(*)::int FROM retention_held_investigations($1, $2)) AS absence_investigation`,
      [organisationId, at],
    );
    return row;
  }
}
