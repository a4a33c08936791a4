import { Counter, Histogram, Registry } from 'prom-client';

/**
 * Operators' metrics in Prometheus text format, one registry per process: the API serves it at
 * GET /metrics (apps/api/src/metrics.ts); the libraries count their own work here. Labels are
 * fixed names only: never an id, a path or a personnummer.
 */
export const metricsRegistry = new Registry();

export const importRows = new Counter({
  name: 'attendance_import_rows_total',
  help: 'Lesson rows imported (completed imports: files and SS 12000 pages)',
  registers: [metricsRegistry],
});
export const importDuration = new Histogram({
  name: 'attendance_import_duration_seconds',
  help: 'Duration of finished attendance imports by outcome (succeeded, rejected, failed)',
  labelNames: ['outcome'],
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [metricsRegistry],
});
export const syncRuns = new Counter({
  name: 'sync_runs_total',
  help: 'Runs of the SS 12000 sync by outcome (succeeded, failed)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

/** How an import ended: committed, rejected (nothing written: the file's problems) or failed (an error). */
export type ImportOutcome = 'succeeded' | 'rejected' | 'failed';

/** Called once per finished attendance import. */
export function recordImport(rows: number, seconds: number, outcome: ImportOutcome): void {
  if (outcome === 'succeeded') importRows.inc(rows);
  importDuration.observe({ outcome }, seconds);
}

/** Called once per finished SS 12000 sync run. */
export function recordSyncRun(outcome: 'succeeded' | 'failed'): void {
  syncRuns.inc({ outcome });
}
