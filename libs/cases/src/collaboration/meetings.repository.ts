import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlCount, sqlRow, sqlRows, SqlRepository } from '@app/database';

export interface MeetingRow {
  id: string;
  case_id: string;
  starts_at: Date;
  place: string | null;
  video_link: string | null;
  agencies: { id: string; name: string; type: string }[];
  pupil_present: boolean;
  guardians_present: boolean;
  minutes: string | null;
  decisions: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewMeeting {
  caseId: string;
  startsAt: string;
  place: string | null;
  videoLink: string | null;
  agencyIds: string[];
  pupilPresent: boolean;
  guardiansPresent: boolean;
  createdBy: string;
}

/** What a change of the minutes sets: a field left undefined keeps its value. */
export interface MinutesChange {
  minutes?: string | null;
  decisions?: string | null;
}

const SELECT = `
  SELECT cm.id, cm.case_id, cm.starts_at, cm.place, cm.video_link,
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'type', a.type)
                                   ORDER BY array_position(cm.agency_ids, a.id))
                     FROM agency a WHERE a.id = ANY (cm.agency_ids)), '[]'::json) AS agencies,
         cm.pupil_present, cm.guardians_present, cm.minutes, cm.decisions,
         cm.created_by, u.display_name AS created_by_name, cm.created_at, cm.updated_at
    FROM case_meeting cm JOIN app_user u ON u.id = cm.created_by`;

/** All SQL of the joint meetings (samverkansmöten) of a case. */
@Injectable()
export class MeetingsRepository extends SqlRepository {
  /** Who may take part: the school and the agencies whose invitation to the case is not declined. */
  async participantAgencyIds(db: EntityManager, caseId: string, schoolId: string): Promise<string[]> {
    const rows = await sqlRows<{ agency_id: string }>(
      db,
      `SELECT $2::uuid AS agency_id
        UNION SELECT agency_id FROM mobilisation WHERE case_id = $1 AND status <> 'declined'`,
      [caseId, schoolId],
    );
    return rows.map((r) => r.agency_id);
  }

  async insert(tx: EntityManager, m: NewMeeting): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO case_meeting (case_id, starts_at, place, video_link, agency_ids, pupil_present, guardians_present,
                                 created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [m.caseId, m.startsAt, m.place, m.videoLink, m.agencyIds, m.pupilPresent, m.guardiansPresent, m.createdBy],
    );
    return row!.id;
  }

  /** The case's meetings in time order after (starts_at, id), one more than the page. */
  async listForCase(
    db: EntityManager,
    caseId: string,
    page: { limit: number; cursor: unknown[] | null },
  ): Promise<MeetingRow[]> {
    const params: unknown[] = [caseId];
    const where = ['cm.case_id = $1'];
    if (page.cursor) {
      params.push(...page.cursor);
      where.push(`(cm.starts_at, cm.id) > ($2::timestamptz, $3::uuid)`);
    }
    params.push(page.limit + 1);
    return sqlRows<MeetingRow>(
      db,
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY cm.starts_at, cm.id LIMIT $${params.length}`,
      params,
    );
  }

  /** The meeting of the case, row locked, with whether it has begun; null when the case has no such meeting. */
  async findForMinutes(
    tx: EntityManager,
    caseId: string,
    meetingId: string,
  ): Promise<{ id: string; begun: boolean } | null> {
    return sqlRow(
      tx,
      `SELECT id, starts_at <= now() AS begun FROM case_meeting WHERE id = $1 AND case_id = $2 FOR UPDATE`,
      [meetingId, caseId],
    );
  }

  async setMinutes(tx: EntityManager, meetingId: string, change: MinutesChange): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE case_meeting
          SET minutes = CASE WHEN $2 THEN $3 ELSE minutes END,
              decisions = CASE WHEN $4 THEN $5 ELSE decisions END,
              updated_at = now()
        WHERE id = $1`,
      [
        meetingId,
        change.minutes !== undefined,
        change.minutes ?? null,
        change.decisions !== undefined,
        change.decisions ?? null,
      ],
    );
  }

  async find(db: EntityManager, caseId: string, id: string): Promise<MeetingRow | null> {
    return sqlRow<MeetingRow>(db, `${SELECT} WHERE cm.id = $1 AND cm.case_id = $2`, [id, caseId]);
  }
}
