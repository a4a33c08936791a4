import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addWorkingDays, isIsoDate, isWorkingDay, swedishDate } from '@app/calendar';
import { AgencyRefDto, ConflictError, decodeCursor, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { Notifier } from '@app/notifications';
import { CaseAccess, requireActive } from '../case-access';
import { recordEvent } from '../timeline';
import { consentInForceSql, iso, isUniqueViolation } from './collaboration-sql';
import {
  AcceptMobilisationDto,
  DeclineMobilisationDto,
  InboxQuery,
  InviteAgencyDto,
  MobilisationDto,
  MobilisationStatus,
} from './mobilisations.dto';

/** The default time an agency has to answer an invitation. */
export const RESPONSE_WORKING_DAYS = 5;

interface MobilisationRow {
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

/**
 * The select of one invitation. `$1` is today's Swedish date; `pupil` is the SQL condition under
 * which the pupil's name and class leave the database at all (they are never loaded otherwise).
 */
const select = (pupil: string) => `
  SELECT m.id, m.case_id, c.reference, sch.id AS school_id, sch.name AS school_name,
         ag.id AS agency_id, ag.name AS agency_name, ag.type AS agency_type,
         m.status, (m.status = 'pending' AND m.deadline < $1::date) AS overdue,
         to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.message, m.invited_at,
         m.invited_by, inv.display_name AS invited_by_name,
         m.representative_id, rep.display_name AS representative_name, m.responded_at, m.decline_reason,
         CASE WHEN ${pupil} THEN s.first_name END AS first_name,
         CASE WHEN ${pupil} THEN s.last_name END AS last_name,
         CASE WHEN ${pupil} THEN s.class_name END AS class_name,
         (m.status <> 'declined' AND c.status <> 'closed'
          AND ${consentInForceSql('m.case_id', 'm.agency_id', '$1')}) AS case_readable
    FROM mobilisation m
    JOIN support_case c ON c.id = m.case_id
    JOIN agency sch ON sch.id = c.school_id
    JOIN agency ag ON ag.id = m.agency_id
    JOIN app_user inv ON inv.id = m.invited_by
    LEFT JOIN app_user rep ON rep.id = m.representative_id
    JOIN student s ON s.id = c.student_id`;

/**
 * The invited agency sees the pupil's name only while mobilised with consent covering
 * `case_summary`, and while the case is open (closing it ends the agency's access).
 */
const PUPIL_FOR_AGENCY = `(m.status <> 'declined' AND c.status <> 'closed'
  AND ${consentInForceSql('m.case_id', 'm.agency_id', '$1', `'case_summary'`)})`;

const toDto = (r: MobilisationRow): MobilisationDto => ({
  id: r.id,
  caseId: r.case_id,
  caseReference: r.reference,
  school: { id: r.school_id, name: r.school_name, type: 'school' },
  agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
  status: r.status,
  overdue: r.overdue,
  deadline: r.deadline,
  message: r.message,
  invitedAt: iso(r.invited_at)!,
  invitedBy: { id: r.invited_by, displayName: r.invited_by_name },
  representative: r.representative_id ? { id: r.representative_id, displayName: r.representative_name! } : null,
  respondedAt: iso(r.responded_at),
  declineReason: r.decline_reason,
  pupil: r.first_name !== null ? { firstName: r.first_name, lastName: r.last_name!, className: r.class_name! } : null,
  caseReadable: r.case_readable,
});

/**
 * Mobilisation (PRODUCT.md): elevhälsa invites agencies into a case with a deadline; each agency
 * answers from its inbox. The inbox is the one place an agency sees a case before consent is in
 * force, and then only neutral facts: the reference, the school, the deadline.
 */
@Injectable()
export class MobilisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
  ) {}

  /** Agencies that can be invited (every agency that is not a school), by name: no personal data. */
  async partnerAgencies(caller: Caller, query: PageQuery): Promise<Page<AgencyRefDto>> {
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows: AgencyRefDto[] = await this.dataSource.query(
      `SELECT id, name, type FROM agency WHERE type <> 'school' ${cursor ? 'AND (name, id) > ($2, $3)' : ''}
        ORDER BY name, id LIMIT $1`,
      [query.limit + 1, ...(cursor ?? [])],
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.name, r.id],
      (r) => ({ id: r.id, name: r.name, type: r.type }),
    );
    await this.access.logList(
      caller,
      'agency.partners',
      'agency',
      page.items.map((a) => a.id),
    );
    return page;
  }

  async invite(caller: Caller, caseId: string, dto: InviteAgencyDto): Promise<MobilisationDto> {
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'mobilisation.invite', tx: manager });
      requireActive(facts);
      const today = swedishDate();
      const deadline = dto.deadline ?? addWorkingDays(today, RESPONSE_WORKING_DAYS);
      if (!isIsoDate(deadline) || deadline <= today || !isWorkingDay(deadline)) {
        throw new UnprocessableError('The deadline must be a working day after today.', {
          errors: [
            {
              field: 'deadline',
              code: 'not-working-day',
              message: 'must be a working day (not a weekend or public holiday) after today',
            },
          ],
        });
      }
      const [agency] = await manager.query(`SELECT id, type FROM agency WHERE id = $1`, [dto.agencyId]);
      if (!agency || agency.type === 'school') {
        throw new UnprocessableError('Only an existing agency outside the school can be invited.', {
          errors: [{ field: 'agencyId', code: 'unknown', message: 'unknown agency, or a school' }],
        });
      }
      const alreadyInvited = () =>
        new ConflictError('The agency is already invited to this case.', {
          errors: [{ field: 'agencyId', code: 'already-invited', message: 'already invited' }],
        });
      const [existing] = await manager.query(
        `SELECT id FROM mobilisation WHERE case_id = $1 AND agency_id = $2 AND status <> 'declined'`,
        [caseId, dto.agencyId],
      );
      if (existing) throw alreadyInvited();
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO mobilisation (case_id, agency_id, message, invited_by, deadline)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [caseId, dto.agencyId, dto.message?.trim() || null, caller.userId, deadline],
        );
      } catch (error) {
        // The partial unique index decides a race between two invitations.
        if (isUniqueViolation(error)) throw alreadyInvited();
        throw error;
      }
      await recordEvent(manager, caseId, caller, 'mobilisation.invited', {
        mobilisationId: id,
        agencyId: dto.agencyId,
        deadline,
      });
      await this.notifier.notify(
        manager,
        'mobilisation.invited',
        { key: id, caseId, agencyId: dto.agencyId },
        caller.userId,
      );
      await this.access.logChange(caller, 'mobilisation.invite', 'mobilisation', [id], manager);
      return this.load(manager, id, 'true');
    });
  }

  /** The invitations of one case: the coordinator's overview; an outside agency needs `case_summary`. */
  async listForCase(caller: Caller, caseId: string): Promise<Page<MobilisationDto>> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'mobilisation.list' });
    const school = caller.agencyId === facts.schoolId;
    if (!school) await this.cases.requireScope(caller, facts, 'case_summary', 'mobilisation.list');
    const rows: MobilisationRow[] = await this.dataSource.query(
      `${select('false')} WHERE m.case_id = $2 ORDER BY m.invited_at, m.id`,
      [swedishDate(), caseId],
    );
    const items = rows.map(toDto).map((m) =>
      // What the school wrote to another agency, and that agency's reasons, are not for a third agency.
      school || m.agency.id === caller.agencyId ? m : { ...m, message: null, declineReason: null },
    );
    await this.access.logList(
      caller,
      'mobilisation.list',
      'mobilisation',
      items.map((m) => m.id),
    );
    return { items, nextCursor: null };
  }

  /** The caller's agency's invitations, by deadline; pupil names only as its consent allows. */
  async inbox(caller: Caller, query: InboxQuery): Promise<Page<MobilisationDto>> {
    const today = swedishDate();
    const params: unknown[] = [today, caller.agencyId];
    const where = ['m.agency_id = $2'];
    if (query.status === 'overdue') where.push(`m.status = 'pending' AND m.deadline < $1::date`);
    else if (query.status) {
      params.push(query.status);
      where.push(`m.status = $${params.length}`);
    }
    const cursor = decodeCursor(query.cursor, ['date', 'uuid']);
    if (cursor) {
      params.push(...cursor);
      where.push(`(m.deadline, m.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: MobilisationRow[] = await this.dataSource.query(
      `${select(PUPIL_FOR_AGENCY)} WHERE ${where.join(' AND ')} ORDER BY m.deadline, m.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.deadline, r.id], toDto);
    await this.access.logList(
      caller,
      'mobilisation.inbox',
      'mobilisation',
      page.items.map((m) => m.id),
    );
    return page;
  }

  async accept(caller: Caller, id: string, dto: AcceptMobilisationDto): Promise<MobilisationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireOwnPending(caller, id, 'mobilisation.accept', manager);
      const [representative] = await manager.query(
        `SELECT id FROM app_user WHERE id = $1 AND agency_id = $2 AND active AND 'agency_worker' = ANY (roles)`,
        [dto.representativeUserId, caller.agencyId],
      );
      if (!representative) {
        throw new UnprocessableError('The representative must be an active agency worker of your agency.', {
          errors: [
            {
              field: 'representativeUserId',
              code: 'not-a-member',
              message: 'not an active agency worker of your agency',
            },
          ],
        });
      }
      const updated = await manager.query(
        `UPDATE mobilisation SET status = 'accepted', representative_id = $2, responded_by = $3, responded_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING case_id`,
        [id, dto.representativeUserId, caller.userId],
      );
      const caseId = this.answered(updated);
      await recordEvent(manager, caseId, caller, 'mobilisation.accepted', {
        mobilisationId: id,
        agencyId: caller.agencyId,
        representativeId: dto.representativeUserId,
      });
      const subject = { key: id, caseId, agencyId: caller.agencyId, userId: dto.representativeUserId };
      await this.notifier.notify(manager, 'mobilisation.accepted', subject, caller.userId);
      await this.notifier.notify(manager, 'mobilisation.representative', subject, caller.userId);
      await this.access.logChange(caller, 'mobilisation.accept', 'mobilisation', [id], manager);
      return this.load(manager, id, PUPIL_FOR_AGENCY);
    });
  }

  async decline(caller: Caller, id: string, dto: DeclineMobilisationDto): Promise<MobilisationDto> {
    const reason = dto.reason.trim();
    if (!reason) {
      throw new UnprocessableError('Give a reason for declining.', {
        errors: [{ field: 'reason', code: 'blank', message: 'must not be blank' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireOwnPending(caller, id, 'mobilisation.decline', manager);
      const updated = await manager.query(
        `UPDATE mobilisation SET status = 'declined', decline_reason = $2, responded_by = $3, responded_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING case_id`,
        [id, reason, caller.userId],
      );
      const caseId = this.answered(updated);
      // The reason is free text: it stays on the invitation, the timeline holds ids only.
      await recordEvent(manager, caseId, caller, 'mobilisation.declined', {
        mobilisationId: id,
        agencyId: caller.agencyId,
      });
      await this.notifier.notify(
        manager,
        'mobilisation.declined',
        { key: id, caseId, agencyId: caller.agencyId },
        caller.userId,
      );
      await this.access.logChange(caller, 'mobilisation.decline', 'mobilisation', [id], manager);
      return this.load(manager, id, PUPIL_FOR_AGENCY);
    });
  }

  /**
   * Only the invited agency answers, whatever its consent (it must be able to say no); another
   * agency's invitation does not exist for the caller. A closed case or an answered invitation is 409.
   */
  private async requireOwnPending(caller: Caller, id: string, logAction: string, manager: EntityManager) {
    const [row] = await manager.query(
      `SELECT m.agency_id, m.status, c.status AS case_status
         FROM mobilisation m JOIN support_case c ON c.id = m.case_id
        WHERE m.id = $1
          FOR SHARE OF c`,
      [id],
    );
    const own = row && row.agency_id === caller.agencyId;
    if (!own) {
      // Logs the denial (outside this transaction) and answers 404.
      await this.access.require({
        caller,
        action: 'write',
        logAction,
        subject: null,
        subjectType: 'mobilisation',
        subjectId: id,
      });
    }
    requireActive({ status: row.case_status });
    if (row.status !== 'pending') {
      throw new ConflictError(`The invitation is already ${row.status}.`, { currentStatus: row.status });
    }
  }

  /** The conditional update's result: one row, or someone else answered first. */
  private answered(updated: unknown): string {
    // TypeORM returns [rows, count] for UPDATE … RETURNING.
    const rows = (Array.isArray(updated) && Array.isArray(updated[0]) ? updated[0] : updated) as { case_id: string }[];
    if (!rows.length) throw new ConflictError('The invitation has already been answered.');
    return rows[0].case_id;
  }

  private async load(manager: EntityManager, id: string, pupil: string): Promise<MobilisationDto> {
    const [row]: MobilisationRow[] = await manager.query(`${select(pupil)} WHERE m.id = $2`, [swedishDate(), id]);
    return toDto(row);
  }
}
