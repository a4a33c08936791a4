import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consentInForceSql } from '@app/access';
import { classifyDatabaseError, sqlRow, sqlRows, SqlRepository } from '@app/database';
import type { CaseStatus } from '../case-access';
import type { MobilisationStatus } from './mobilisations.dto';

export interface MobilisationRow {
  id: string;
  case_id: string;
  reference: string;
  school_id: string;
  school_name: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  status: MobilisationStatus;
  overdue: boolean;
  deadline: string;
  message: string | null;
  invited_at: Date;
  invited_by: string;
  invited_by_name: string;
  representative_id: string | null;
  representative_name: string | null;
  responded_at: Date | null;
  decline_reason: string | null;
  first_name: string | null;
  last_name: string | null;
  class_name: string | null;
  case_readable: boolean;
}

export interface AgencyRow {
  id: string;
  name: string;
  type: string;
}

/** An invitation as an answer to it needs it (the case row share-locked). */
export interface AnswerableRow {
  agency_id: string;
  status: MobilisationStatus;
  case_status: CaseStatus;
}

/**
 * When the pupil's name and class leave the database with an invitation: `always` (the school
 * that invites), `never` (a case's list of invitations), or `with-consent`: while the invited
 * agency is mobilised with consent covering `case_summary` and the case is open.
 */
export type PupilNames = 'always' | 'never' | 'with-consent';

export interface InboxFilter {
  today: string;
  agencyId: string;
  /** A status, or `overdue` (pending past its deadline). */
  status?: MobilisationStatus | 'overdue';
  /** After (deadline, id) of the last invitation of the previous page. */
  cursor?: unknown[] | null;
  limit: number;
}

export interface NewMobilisation {
  caseId: string;
  agencyId: string;
  message: string | null;
  invitedBy: string;
  deadline: string;
}

/** `$1` is today's Swedish date. */
const PUPIL_CONDITION: Record<PupilNames, string> = {
  always: 'true',
  never: 'false',
  'with-consent': `(m.status <> 'declined' AND c.status <> 'closed'
  AND ${consentInForceSql('m.case_id', 'm.agency_id', '$1', 'now()', `'case_summary'`)})`,
};

/**
 * The select of one invitation. `$1` is today's Swedish date; the pupil's name and class are
 * never loaded unless `pupil` says so.
 */
const select = (pupil: PupilNames) => `
  SELECT m.id, m.case_id, c.reference, sch.id AS school_id, sch.name AS school_name,
         ag.id AS agency_id, ag.name AS agency_name, ag.type AS agency_type,
         m.status, (m.status = 'pending' AND m.deadline < $1::date) AS overdue,
         m.deadline, m.message, m.invited_at,
         m.invited_by, inv.display_name AS invited_by_name,
         m.representative_id, rep.display_name AS representative_name, m.responded_at, m.decline_reason,
         CASE WHEN ${PUPIL_CONDITION[pupil]} THEN s.first_name END AS first_name,
         CASE WHEN ${PUPIL_CONDITION[pupil]} THEN s.last_name END AS last_name,
         CASE WHEN ${PUPIL_CONDITION[pupil]} THEN s.class_name END AS class_name,
         (m.status <> 'declined' AND c.status <> 'closed'
          AND ${consentInForceSql('m.case_id', 'm.agency_id', '$1')}) AS case_readable
    FROM mobilisation m
    JOIN support_case c ON c.id = m.case_id
    JOIN agency sch ON sch.id = c.school_id
    JOIN agency ag ON ag.id = m.agency_id
    JOIN app_user inv ON inv.id = m.invited_by
    LEFT JOIN app_user rep ON rep.id = m.representative_id
    JOIN student s ON s.id = c.student_id`;

/** An invitation as a bulk writer gives it, answered or not; the keys are its columns. */
export interface InvitationRecord {
  case_id: string;
  agency_id: string;
  message: string | null;
  invited_by: string;
  invited_at: string;
  deadline: string;
  status: MobilisationStatus;
  representative_id: string | null;
  responded_by: string | null;
  responded_at: string | null;
  decline_reason: string | null;
}

/** An invitation with what a notification of it names. */
export interface InvitationNoticeRow {
  id: string;
  case_id: string;
  agency_id: string;
  agency_name: string;
  reference: string;
  coordinator_id: string;
  status: MobilisationStatus;
  invited_at: Date;
  responded_at: Date | null;
}

/** All SQL of mobilisation: invitations of agencies into cases and their answers. */
@Injectable()
export class MobilisationsRepository extends SqlRepository {
  /** Agencies outside schools by name, after (name, id), one more than the page. */
  async partnerAgencies(db: EntityManager, limit: number, cursor: unknown[] | null): Promise<AgencyRow[]> {
    return sqlRows<AgencyRow>(
      db,
      `SELECT id, name, type FROM agency WHERE type <> 'school' ${cursor ? 'AND (name, id) > ($2, $3)' : ''}
        ORDER BY name, id LIMIT $1`,
      [limit + 1, ...(cursor ?? [])],
    );
  }

  async findAgency(db: EntityManager, agencyId: string): Promise<{ id: string; type: string } | null> {
    return sqlRow(db, `SELECT id, type FROM agency WHERE id = $1`, [agencyId]);
  }

  /** Whether the agency has an invitation to the case that is not declined. */
  async isInvited(db: EntityManager, caseId: string, agencyId: string): Promise<boolean> {
    const row = await sqlRow(
      db,
      `SELECT id FROM mobilisation WHERE case_id = $1 AND agency_id = $2 AND status <> 'declined'`,
      [caseId, agencyId],
    );
    return row !== null;
  }

  /**
   * Inserts the invitation; null when the agency is already invited (the partial unique index
   * decides a race between two invitations).
   */
  async insert(tx: EntityManager, m: NewMobilisation): Promise<string | null> {
    try {
      const row = await sqlRow<{ id: string }>(
        tx,
        `INSERT INTO mobilisation (case_id, agency_id, message, invited_by, deadline)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [m.caseId, m.agencyId, m.message, m.invitedBy, m.deadline],
      );
      return row!.id;
    } catch (error) {
      if (classifyDatabaseError(error) === 'unique_violation') return null;
      throw error;
    }
  }

  /** The invitations of one case in the order sent, without pupil names. */
  async listForCase(db: EntityManager, today: string, caseId: string): Promise<MobilisationRow[]> {
    return sqlRows<MobilisationRow>(db, `${select('never')} WHERE m.case_id = $2 ORDER BY m.invited_at, m.id`, [
      today,
      caseId,
    ]);
  }

  /** An agency's invitations by deadline, one more than the page; pupil names as its consent allows. */
  async inbox(db: EntityManager, filter: InboxFilter): Promise<MobilisationRow[]> {
    const params: unknown[] = [filter.today, filter.agencyId];
    const where = ['m.agency_id = $2'];
    if (filter.status === 'overdue') where.push(`m.status = 'pending' AND m.deadline < $1::date`);
    else if (filter.status) {
      params.push(filter.status);
      where.push(`m.status = $${params.length}`);
    }
    if (filter.cursor) {
      params.push(...filter.cursor);
      where.push(`(m.deadline, m.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    return sqlRows<MobilisationRow>(
      db,
      `${select('with-consent')} WHERE ${where.join(' AND ')} ORDER BY m.deadline, m.id LIMIT $${params.length}`,
      params,
    );
  }

  async find(db: EntityManager, today: string, id: string, pupil: PupilNames): Promise<MobilisationRow | null> {
    return sqlRow<MobilisationRow>(db, `${select(pupil)} WHERE m.id = $2`, [today, id]);
  }

  /** The invitation with its case's status, the case row share-locked against a closing. */
  async findAnswerable(tx: EntityManager, id: string): Promise<AnswerableRow | null> {
    return sqlRow<AnswerableRow>(
      tx,
      `SELECT m.agency_id, m.status, c.status AS case_status
         FROM mobilisation m JOIN support_case c ON c.id = m.case_id
        WHERE m.id = $1
          FOR SHARE OF c`,
      [id],
    );
  }

  /** An active agency worker of the agency. */
  async isAgencyWorker(db: EntityManager, userId: string, agencyId: string): Promise<boolean> {
    const row = await sqlRow(
      db,
      `SELECT id FROM app_user WHERE id = $1 AND agency_id = $2 AND active AND 'agency_worker' = ANY (roles)`,
      [userId, agencyId],
    );
    return row !== null;
  }

  /** Accepts a pending invitation; its case id, or null when it was no longer pending. */
  async accept(tx: EntityManager, id: string, representativeId: string, userId: string): Promise<string | null> {
    const row = await sqlRow<{ case_id: string }>(
      tx,
      `UPDATE mobilisation SET status = 'accepted', representative_id = $2, responded_by = $3, responded_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING case_id`,
      [id, representativeId, userId],
    );
    return row?.case_id ?? null;
  }

  /** Declines a pending invitation; its case id, or null when it was no longer pending. */
  async decline(tx: EntityManager, id: string, reason: string, userId: string): Promise<string | null> {
    const row = await sqlRow<{ case_id: string }>(
      tx,
      `UPDATE mobilisation SET status = 'declined', decline_reason = $2, responded_by = $3, responded_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING case_id`,
      [id, reason, userId],
    );
    return row?.case_id ?? null;
  }

  /** Inserts invitations with their answers, in one statement (a bulk writer: the demo seed). */
  async insertInvitations(tx: EntityManager, rows: InvitationRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO mobilisation (case_id, agency_id, message, invited_by, invited_at, deadline, status, representative_id,
                                 responded_by, responded_at, decline_reason)
       SELECT case_id, agency_id, message, invited_by, invited_at, deadline, status, representative_id, responded_by,
              responded_at, decline_reason
         FROM jsonb_to_recordset($1::jsonb)
           AS r (case_id uuid, agency_id uuid, message text, invited_by uuid, invited_at timestamptz, deadline date,
                 status text, representative_id uuid, responded_by uuid, responded_at timestamptz, decline_reason text)`,
      [JSON.stringify(rows)],
    );
  }

  /** Every invitation with its case's reference and coordinator, oldest first (what the demo's inbox tells of). */
  everyInvitation(tx: EntityManager): Promise<InvitationNoticeRow[]> {
    return sqlRows<InvitationNoticeRow>(
      tx,
      `SELECT m.id, m.case_id, m.agency_id, a.name AS agency_name, c.reference, c.coordinator_id, m.status,
              m.invited_at, m.responded_at
         FROM mobilisation m JOIN support_case c ON c.id = m.case_id JOIN agency a ON a.id = m.agency_id
        ORDER BY m.invited_at, m.id`,
    );
  }
}
