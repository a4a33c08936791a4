import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One access-log entry as the search reads it, with the acting user's and agency's names. */
export interface AccessLogSearchRow {
  id: string;
  at: Date;
  user_id: string | null;
  user_display_name: string | null;
  agency_id: string | null;
  agency_name: string | null;
  action: string;
  subject_type: string;
  subject_ids: string[];
  outcome: string;
  request_id: string | null;
}

export interface AccessLogFilter {
  organisationId: string;
  /** Entries about this pupil: the pupil itself, their cases, flags and investigations. */
  studentId?: string;
  userId?: string;
  agencyId?: string;
  action?: string;
  from?: string;
  to?: string;
  outcome?: string;
  /** Only entries with a smaller id (the page before). */
  beforeId?: number;
}

/** The SQL of the auditor's access-log search. */
@Injectable()
export class AccessLogSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pupil of `organisationId` with this canonical personnummer, if any. */
  async findStudentId(organisationId: string, personnummer: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM student WHERE organisation_id = $1 AND personnummer = $2`,
      [organisationId, personnummer],
    );
    return row?.id ?? null;
  }

  /** Entries of the organisation matching `filter`, newest first, at most `limit`. */
  async search(filter: AccessLogFilter, limit: number): Promise<AccessLogSearchRow[]> {
    const where = ['l.subject_organisation_id = $1'];
    const params: unknown[] = [filter.organisationId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.studentId)
      add(
        `(l.subject_ids @> ARRAY[?::text]
          OR (l.subject_type = 'case' AND l.subject_ids && ARRAY(SELECT id::text FROM support_case WHERE student_id = ?::uuid))
          OR (l.subject_type = 'flag' AND l.subject_ids && ARRAY(SELECT id::text FROM absence_flag WHERE student_id = ?::uuid))
          OR (l.subject_type = 'investigation'
              AND l.subject_ids && ARRAY(SELECT id::text FROM absence_investigation WHERE student_id = ?::uuid)))`,
        filter.studentId,
      );
    if (filter.userId) add('l.user_id = ?', filter.userId);
    if (filter.agencyId) add('l.agency_id = ?', filter.agencyId);
    if (filter.action) add('l.action = ?', filter.action);
    if (filter.from) add('l.at >= ?', filter.from);
    if (filter.to) add('l.at < ?', filter.to);
    if (filter.outcome) add('l.outcome = ?', filter.outcome);
    if (filter.beforeId !== undefined) add('l.id < ?', filter.beforeId);
    params.push(limit);
    return this.dataSource.query(
      `SELECT l.id::text, l.at, l.user_id, u.display_name AS user_display_name, l.agency_id, a.name AS agency_name,
              l.action, l.subject_type, l.subject_ids, l.outcome, l.request_id
         FROM access_log l
         LEFT JOIN app_user u ON u.id = l.user_id
         LEFT JOIN agency a ON a.id = l.agency_id
        WHERE ${where.join(' AND ')}
        ORDER BY l.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }
}
