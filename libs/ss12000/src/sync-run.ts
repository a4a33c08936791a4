import { SourceRow, SourceSchoolRow } from './sources.repository';
import { Ss12000Client } from './ss12000-client';
import { MAX_RUN_ERRORS, SyncCounts, SyncError, emptyCounts } from './sync.rules';

/** A run's report while it runs. */
export class RunReport {
  counts: SyncCounts = emptyCounts();
  errors: SyncError[] = [];
  add(errors: SyncError[]): void {
    for (const e of errors) if (this.errors.length < MAX_RUN_ERRORS) this.errors.push(e);
  }
}

/** A sync run in progress: its source, the schools it covers, the client and the report. */
export interface Run {
  runId: string;
  source: SourceRow;
  schools: SourceSchoolRow[];
  client: Ss12000Client;
  report: RunReport;
}
