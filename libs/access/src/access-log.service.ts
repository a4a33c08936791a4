import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Caller } from './caller';
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

/**
 * How to find the organisation responsible for a subject (PRODUCT.md: the pupil's school's
 * organisation for a pupil, its case and everything under it; a user's or an agency's own
 * organisation). Each query takes `$1::uuid[]` keys and returns `(key, organisation_id)`.
 * `key` turns a subject id into its key: some ids name a part of an object (`<school>/<class>`).
 * A subject type not listed here (an endpoint, the access log itself) belongs to the caller's
 * organisation; so does an id that resolves to nothing (an unknown id that was refused).
 */
const RESPONSIBLE_ORGANISATION: Record<string, { sql: string; key?: (subjectId: string) => string }> = {
  student: { sql: `SELECT id AS key, organisation_id FROM student WHERE id = ANY($1::uuid[])` },
  school: { sql: `SELECT id AS key, organisation_id FROM agency WHERE id = ANY($1::uuid[])` },
  agency: { sql: `SELECT id AS key, organisation_id FROM agency WHERE id = ANY($1::uuid[])` },
  organisation: { sql: `SELECT id AS key, id AS organisation_id FROM organisation WHERE id = ANY($1::uuid[])` },
  class: {
    sql: `SELECT id AS key, organisation_id FROM agency WHERE id = ANY($1::uuid[])`,
    key: (id) => id.split('/')[0],
  },
  absence_rule: {
    sql: `SELECT id AS key, id AS organisation_id FROM organisation WHERE id = ANY($1::uuid[])`,
    key: (id) => id.split('/')[0],
  },
  user: {
    sql: `SELECT u.id AS key, a.organisation_id FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE u.id = ANY($1::uuid[])`,
  },
  notification: {
    sql: `SELECT n.id AS key, a.organisation_id FROM notification n JOIN app_user u ON u.id = n.recipient_id
            JOIN agency a ON a.id = u.agency_id WHERE n.id = ANY($1::uuid[])`,
  },
  ss12000_source: { sql: `SELECT id AS key, organisation_id FROM ss12000_source WHERE id = ANY($1::uuid[])` },
  attendance_import: { sql: `SELECT id AS key, organisation_id FROM attendance_import WHERE id = ANY($1::uuid[])` },
  flag: {
    sql: `SELECT f.id AS key, s.organisation_id FROM absence_flag f JOIN student s ON s.id = f.student_id WHERE f.id = ANY($1::uuid[])`,
  },
  investigation: {
    sql: `SELECT i.id AS key, s.organisation_id FROM absence_investigation i JOIN student s ON s.id = i.student_id
           WHERE i.id = ANY($1::uuid[])`,
  },
  intervention: { sql: `SELECT id AS key, organisation_id FROM intervention WHERE id = ANY($1::uuid[])` },
  case: { sql: underCase('support_case', 'x.id') },
  consent: { sql: underCase('consent') },
  mobilisation: { sql: underCase('mobilisation') },
  case_meeting: { sql: underCase('case_meeting') },
  mapping_contribution: { sql: underCase('mapping_contribution') },
  case_plan: { sql: underCase('case_plan') },
  plan_action: { sql: underCase('plan_action') },
  plan_review: { sql: underCase('plan_review') },
  case_follow_up: { sql: underCase('case_follow_up') },
  intervention_course: { sql: underCase('intervention_course') },
  plan_agreement: {
    sql: `SELECT x.id AS key, a.organisation_id FROM plan_agreement x JOIN case_plan p ON p.id = x.plan_id
            JOIN support_case c ON c.id = p.case_id JOIN agency a ON a.id = c.school_id WHERE x.id = ANY($1::uuid[])`,
  },
};

/** A row of `table` that names its case in `caseColumn`: the case's school's organisation. */
function underCase(table: string, caseColumn = 'x.case_id'): string {
  return `SELECT x.id AS key, a.organisation_id FROM ${table} x JOIN support_case c ON c.id = ${caseColumn}
            JOIN agency a ON a.id = c.school_id WHERE x.id = ANY($1::uuid[])`;
}

/** One access_log row's values, in INSERT_COLUMNS' order. */
type LogRow = [
  string | null,
  string | null,
  string | null,
  string,
  string,
  string[],
  'allowed' | 'denied',
  string | null,
  string | null,
  string | null,
];

const INSERT_COLUMNS = `user_id, agency_id, organisation_id, action, subject_type, subject_ids, outcome, request_id,
                        subject_organisation_id, detail`;
const COLUMN_COUNT = 10;
/** Far below PostgreSQL's 65 535 bind parameters per statement. */
const MAX_ROWS_PER_INSERT = 1000;

/** The rows as one multi-row INSERT (one round trip, and outside a transaction one commit). */
async function insertRows(manager: EntityManager, rows: LogRow[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map(
    (_, r) => `(${Array.from({ length: COLUMN_COUNT }, (_, c) => `$${r * COLUMN_COUNT + c + 1}`).join(', ')})`,
  );
  await manager.query(`INSERT INTO access_log (${INSERT_COLUMNS}) VALUES ${values.join(', ')}`, rows.flat());
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.groupCommit = new GroupCommit((rows) => insertRows(this.dataSource.manager, rows), MAX_ROWS_PER_INSERT);
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
    if (manager.queryRunner) await insertRows(manager, rows);
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
      const rows: { key: string; organisation_id: string }[] = await manager.query(resolver.sql, [keys]);
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
