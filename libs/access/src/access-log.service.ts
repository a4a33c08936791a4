import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Caller } from './caller';

export interface AccessLogEntry {
  /** The caller, when known (a failed login has none). */
  caller?: Pick<Caller, 'userId' | 'agencyId' | 'organisationId'> | null;
  /** verb-noun, e.g. `student.read`, `user.deactivate`, `auth.login`. */
  action: string;
  subjectType: string;
  /** The ids read or changed: for a list, every id returned. */
  subjectIds?: string[];
  outcome: 'allowed' | 'denied';
  requestId?: string | null;
  /** Facts of a change beyond ids, e.g. the roles before and after; never personal data. */
  detail?: Record<string, unknown> | null;
}

/**
 * Writes the append-only access log (PRODUCT.md access rule 5). A change passes its own
 * EntityManager so that the log row commits or rolls back with it.
 */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AccessLogEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO access_log (user_id, agency_id, organisation_id, action, subject_type, subject_ids, outcome, request_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.caller?.userId ?? null,
        entry.caller?.agencyId ?? null,
        entry.caller?.organisationId ?? null,
        entry.action,
        entry.subjectType,
        entry.subjectIds ?? [],
        entry.outcome,
        entry.requestId ?? null,
        entry.detail ? JSON.stringify(entry.detail) : null,
      ],
    );
  }
}
