import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Caller } from './caller';
import { AccessLogRepository, LogRow, MAX_ROWS_PER_INSERT, RESPONSIBLE_ORGANISATION } from './access-log.repository';
import { GroupCommit } from './group-commit';

export interface AccessLogEntry {
  /** The caller, when known (a failed login has none). */
  caller?: (Pick<Caller, 'agencyId' | 'organisationId'> & { userId: string | null }) | null;
  /** verb-noun, e.g. `student.read`, `user.deactivate`, `auth.login`. */
  action: string;
  subjectType: string;
  /** The ids read or changed: for a list, every id returned. */
  subjectIds?: string[];
  outcome: 'allowed' | 'denied';
  requestId?: string | null;
  /** Facts of a change beyond ids, e.g. the roles before and after; never personal data. */
  detail?: Record<string, unknown> | null;
  /**
   * The organisation responsible for every subject, when the caller already knows it (a case's
   * facts carry their school's): saves looking it up, a round trip on every case read.
   */
  subjectOrganisationId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes the append-only access log (PRODUCT.md access rule 5). A change passes its own
 * EntityManager so that the log row commits or rolls back with it.
 *
 * Every row carries `subject_organisation_id`, the organisation responsible for its subjects,
 * whose auditor reads it (`GET /access-log`). Subjects of several organisations (an outside
 * agency's list spanning two municipalities) are written as one row per organisation, so no
 * auditor sees another organisation's subjects.
 */
@Injectable()
export class AccessLogService {
  private readonly groupCommit: GroupCommit<LogRow>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AccessLogRepository,
  ) {
    this.groupCommit = new GroupCommit((rows) => repository.insert(this.dataSource.manager, rows), MAX_ROWS_PER_INSERT);
  }

  async record(entry: AccessLogEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const subjectIds = entry.subjectIds ?? [];
    const groups = entry.subjectOrganisationId
      ? new Map([[entry.subjectOrganisationId, subjectIds]])
      : await this.byResponsibleOrganisation(
          manager,
          entry.subjectType,
          subjectIds,
          entry.caller?.organisationId ?? null,
        );
    const rows = [...groups].map(([organisationId, ids]): LogRow => [
      entry.caller?.userId ?? null,
      entry.caller?.agencyId ?? null,
      entry.caller?.organisationId ?? null,
      entry.action,
      entry.subjectType,
      ids,
      entry.outcome,
      entry.requestId ?? null,
      organisationId,
      entry.detail ? JSON.stringify(entry.detail) : null,
    ]);
    // In a transaction the rows commit or roll back with the change; outside one (reads,
    // denials) they join the next group commit, and the caller waits for it.
    if (manager.queryRunner) await this.repository.insert(manager, rows);
    else await this.groupCommit.add(rows);
  }

  /** The subject ids grouped by responsible organisation, in their order; at least one group. */
  private async byResponsibleOrganisation(
    manager: EntityManager,
    subjectType: string,
    subjectIds: string[],
    callerOrganisationId: string | null,
  ): Promise<Map<string | null, string[]>> {
    const resolver = RESPONSIBLE_ORGANISATION[subjectType];
    // PostgreSQL answers uuids in lower case; an id may have come in upper case.
    const keyOf = (id: string) => (resolver?.key ? resolver.key(id) : id).toLowerCase();
    const organisationOf = new Map<string, string>();
    const keys = [...new Set(subjectIds.map(keyOf).filter((key) => UUID.test(key)))];
    if (resolver && keys.length) {
      const rows = await this.repository.responsibleOrganisations(manager, subjectType, keys);
      for (const row of rows) organisationOf.set(row.key, row.organisation_id);
    }
    const groups = new Map<string | null, string[]>();
    for (const id of subjectIds) {
      const organisationId = organisationOf.get(keyOf(id)) ?? callerOrganisationId;
      const group = groups.get(organisationId);
      if (group) group.push(id);
      else groups.set(organisationId, [id]);
    }
    if (!groups.size) groups.set(callerOrganisationId, []);
    return groups;
  }
}
