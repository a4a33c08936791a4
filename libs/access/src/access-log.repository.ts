import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@app/database';

/**
 * How to find the organisation responsible for a subject (PRODUCT.md: the pupil's school's
 * organisation for a pupil, its case and everything under it; a user's or an agency's own
 * organisation). Each query takes `$1::uuid[]` keys and returns `(key, organisation_id)`.
 * `key` turns a subject id into its key: some ids name a part of an object (`<school>/<class>`).
 * A subject type not listed here (an endpoint, the access log itself) belongs to the caller's
 * organisation; so does an id that resolves to nothing (an unknown id that was refused).
 */
export const RESPONSIBLE_ORGANISATION: Record<string, { sql: string; key?: (subjectId: string) => string }> = {
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
export type LogRow = [
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
export const MAX_ROWS_PER_INSERT = 1000;

/** The rows as one multi-row INSERT (one round trip, and outside a transaction one commit). */

export interface AccessLogRow {
  id: string;
  at: Date;
  user_id: string | null;
  agency_id: string | null;
  action: string;
  subject_type: string;
  subject_ids: string[];
  outcome: string;
  request_id: string | null;
  detail: Record<string, unknown> | null;
}

/** The auditor's filters, already checked (see AccessLogQuery). */
export interface AccessLogFilter {
  subjectOrganisationId: string;
  userId?: string;
  subjectId?: string;
  subjectType?: string;
  from?: string;
  to?: string;
  /** Rows with a smaller id only (the cursor). */
  beforeId?: number;
  limit: number;
}

/** All SQL of the access log: writing rows, finding whose subjects they are, the auditor's reads. */
@Injectable()
export class AccessLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rows as one multi-row INSERT (one round trip, and outside a transaction one commit). */
  async insert(db: EntityManager, rows: LogRow[]): Promise<void> {
    if (!rows.length) return;
    const values = rows.map(
      (_, r) => `(${Array.from({ length: COLUMN_COUNT }, (_, c) => `$${r * COLUMN_COUNT + c + 1}`).join(', ')})`,
    );
    await sqlRows(db, `INSERT INTO access_log (${INSERT_COLUMNS}) VALUES ${values.join(', ')}`, rows.flat());
  }

  /** `(key, organisation_id)` of the subjects' keys, by the subject type's resolver. */
  responsibleOrganisations(
    db: EntityManager,
    subjectType: string,
    keys: string[],
  ): Promise<{ key: string; organisation_id: string }[]> {
    return sqlRows(db, RESPONSIBLE_ORGANISATION[subjectType].sql, [keys]);
  }

  /** Newest first, one more than the limit (so the page knows there is more). */
  list(filter: AccessLogFilter): Promise<AccessLogRow[]> {
    const where = ['subject_organisation_id = $1'];
    const params: unknown[] = [filter.subjectOrganisationId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.userId) add('user_id = ?', filter.userId);
    if (filter.subjectId) add('subject_ids @> ARRAY[?]::text[]', filter.subjectId);
    if (filter.subjectType) add('subject_type = ?', filter.subjectType);
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    if (filter.beforeId !== undefined) add('id < ?', filter.beforeId);
    params.push(filter.limit + 1);
    return sqlRows<AccessLogRow>(
      this.dataSource.manager,
      `SELECT id::text, at, user_id, agency_id, action, subject_type, subject_ids, outcome, request_id, detail
         FROM access_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
