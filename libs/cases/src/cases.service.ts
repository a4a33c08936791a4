import { preparedRows } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addDays, daysBetween, isIsoDate, swedishDate, swedishDaySql } from '@app/calendar';
import { ConflictError, decodeCursor, Page, PageQuery, toPage, UnprocessableError, ValidationError } from '@app/http';
import { maskPersonnummer, StudentsService } from '@app/students';
import { CaseAccess, CaseFacts, CaseStatus, requireActive } from './case-access';
import {
  CaseDto,
  CaseListQuery,
  CaseSummaryDto,
  ChangeStatusDto,
  LeadTimeQuery,
  LeadTimesDto,
  SchoolLeadTimesDto,
  TimelineEventDto,
} from './cases.dto';
import { scheduleFollowUps } from './follow-up/follow-ups.service';
import { LEAD_TIMES_SELECT, leadTimeDaysSql, wholeDays } from './lead-times.sql';
import { recordEvent } from './timeline';

/** The only moves a case makes. Closing is possible from every open state (with an outcome). */
export const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  open: ['mapping', 'closed'],
  mapping: ['plan_active', 'closed'],
  plan_active: ['follow_up', 'closed'],
  follow_up: ['plan_active', 'closed'],
  closed: [],
};

/** A day counts toward the first signal when absence over the 4 weeks up to it reached 10 %. */
const SIGNAL_PERCENT = 10;

interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  school_id: string;
  school_name: string;
  student_id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  personnummer: string;
  coordinator_id: string;
  coordinator_name: string;
  opened_at: Date;
  closed_at: Date | null;
  flag_id: string | null;
  outcome: string | null;
  close_reason: string | null;
  summary_visible: boolean;
}

const CASE_SELECT = `SELECT c.id, c.reference, c.status, c.school_id, a.name AS school_name, c.student_id, s.first_name,
                            s.last_name, s.class_name, s.personnummer, c.coordinator_id, u.display_name AS coordinator_name,
                            c.opened_at, c.closed_at, c.flag_id, c.outcome, c.close_reason`;
const CASE_FROM = `FROM support_case c JOIN agency a ON a.id = c.school_id JOIN student s ON s.id = c.student_id
                   JOIN app_user u ON u.id = c.coordinator_id`;

function toSummary(r: CaseRow, pupilVisible: boolean): CaseSummaryDto {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    schoolId: r.school_id,
    schoolName: r.school_name,
    pupil: pupilVisible
      ? {
          id: r.student_id,
          firstName: r.first_name,
          lastName: r.last_name,
          className: r.class_name,
          personnummerMasked: maskPersonnummer(r.personnummer),
        }
      : null,
    coordinator: { id: r.coordinator_id, displayName: r.coordinator_name },
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
  };
}

/** Cases: opening, the list, status, coordinator hand-over, timeline and lead times. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly cases: CaseAccess,
    private readonly students: StudentsService,
  ) {}

  async open(caller: Caller, studentId: string, coordinatorId?: string): Promise<CaseDto> {
    const id = await this.dataSource.transaction((manager) =>
      this.openInTransaction(caller, manager, studentId, coordinatorId ?? null, null),
    );
    return this.get(caller, id);
  }

  /**
   * Opens a case in the caller's transaction (also used when elevhälsa accepts a flag). The
   * coordinator must be an active elevhälsa user of the pupil's school; one open case per pupil.
   */
  async openInTransaction(
    caller: Caller,
    manager: EntityManager,
    studentId: string,
    coordinatorId: string | null,
    flag: { id: string; createdAt: Date } | null,
  ): Promise<string> {
    const pupil = await this.students.requireStudent(caller, studentId, 'case.create', 'write', manager);
    const coordinator = coordinatorId ?? (caller.roles.includes('elevhalsa') ? caller.userId : null);
    if (!coordinator) {
      throw new UnprocessableError('Name the coordinator: an elevhälsa user of the school.', {
        errors: [{ field: 'coordinatorId', code: 'required', message: 'required unless you are elevhälsa' }],
      });
    }
    await this.requireCoordinatorCandidate(manager, coordinator, pupil.schoolId);
    // Serialise openings for one pupil, so two at once give one case and one 409.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('case-open:' || $1))`, [studentId]);
    const [existing] = await manager.query(
      `SELECT reference FROM support_case WHERE student_id = $1 AND status <> 'closed'`,
      [studentId],
    );
    if (existing) throw new ConflictError(`The pupil already has an open case (${existing.reference}).`);
    const today = swedishDate();
    const [{ first_signal_on: firstSignal }] = await manager.query(
      `SELECT to_char(min(day), 'YYYY-MM-DD') AS first_signal_on FROM (
         SELECT day, sum(valid_absence_minutes + invalid_absence_minutes) OVER w AS absent, sum(offered_minutes) OVER w AS offered
           FROM attendance_day WHERE student_id = $1 AND day BETWEEN $2::date - 111 AND $2::date
         WINDOW w AS (ORDER BY day RANGE BETWEEN interval '27 days' PRECEDING AND CURRENT ROW)) x
        WHERE day >= $2::date - 84 AND offered > 0 AND absent * 100 >= offered * $3`,
      [studentId, today, SIGNAL_PERCENT],
    );
    const [{ id }] = await manager.query(
      `INSERT INTO support_case (reference, student_id, school_id, coordinator_id, flag_id, flagged_at, first_signal_on)
       VALUES ('NT-' || to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('support_case_reference_seq')::text, 4, '0'),
               $1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [studentId, pupil.schoolId, coordinator, flag?.id ?? null, flag?.createdAt ?? null, firstSignal],
    );
    await recordEvent(manager, id, caller, 'case.opened', { coordinatorId: coordinator, flagId: flag?.id ?? null });
    await this.access.logChange(caller, 'case.create', 'case', [id], manager);
    return id;
  }

  async list(caller: Caller, query: CaseListQuery): Promise<Page<CaseSummaryDto>> {
    const scope = this.access.scope(caller, 'case', 'c.id', 1);
    const params: unknown[] = [...scope.params];
    const where = [scope.sql];
    if (query.status) {
      params.push(query.status);
      where.push(`c.status = $${params.length}`);
    }
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (cursor) {
      params.push(...cursor);
      where.push(`(c.opened_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(caller.agencyId, swedishDate(), query.limit + 1);
    const n = params.length;
    // The pupil's name shows for the school, and for an agency whose consent in force covers case_summary.
    const rows: CaseRow[] = await this.dataSource.query(
      `${CASE_SELECT},
              (c.school_id = $${n - 2} OR EXISTS (
                 SELECT 1 FROM consent k WHERE k.case_id = c.id AND k.agency_id = $${n - 2} AND 'case_summary' = ANY (k.scope)
                   AND k.given_at <= $${n - 1}::date AND (k.valid_until IS NULL OR k.valid_until >= $${n - 1}::date)
                   AND (k.withdrawn_at IS NULL OR k.withdrawn_at > now()))) AS summary_visible
       ${CASE_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY c.opened_at DESC, c.id DESC LIMIT $${n}`,
      params,
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.opened_at.toISOString(), r.id],
      (r) => toSummary(r, r.summary_visible),
    );
    await this.access.logList(
      caller,
      'case.list',
      'case',
      page.items.map((c) => c.id),
    );
    return page;
  }

  async get(caller: Caller, id: string): Promise<CaseDto> {
    const facts = await this.cases.require(caller, id, { action: 'read', log: 'case.read' });
    return this.load(this.dataSource.manager, facts);
  }

  async changeStatus(caller: Caller, id: string, dto: ChangeStatusDto): Promise<CaseDto> {
    const facts = await this.dataSource.transaction(async (manager) => {
      // The row lock makes the check and the move one step: two coordinators at once can't both move it.
      const facts = await this.cases.requireCoordination(caller, id, { log: 'case.status', tx: manager });
      const allowed = TRANSITIONS[facts.status];
      if (!allowed.includes(dto.status)) {
        throw new ConflictError(
          `A case that is ${facts.status} cannot become ${dto.status}.` +
            (allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ' It is closed.'),
          { allowedTransitions: allowed },
        );
      }
      const closing = dto.status === 'closed';
      await manager.query(
        `UPDATE support_case SET status = $2, closed_at = CASE WHEN $3 THEN now() END,
                outcome = CASE WHEN $3 THEN $4 END, close_reason = CASE WHEN $3 THEN $5 END
          WHERE id = $1`,
        [id, dto.status, closing, dto.outcome ?? null, dto.reason ?? null],
      );
      await recordEvent(manager, id, caller, 'case.status', {
        from: facts.status,
        to: dto.status,
        ...(closing ? { outcome: dto.outcome } : {}),
      });
      if (closing) await scheduleFollowUps(manager, id, swedishDate(), caller);
      await this.access.logChange(caller, 'case.status', 'case', [id], manager);
      return { ...facts, status: dto.status };
    });
    return this.load(this.dataSource.manager, facts);
  }

  /**
   * Hands the case over to another coordinator; the timeline keeps who had it before. The
   * school's principal and elevhälsa may (the policy's `write` on a case), not only the coordinator.
   */
  async handOver(caller: Caller, id: string, coordinatorId: string): Promise<CaseDto> {
    const facts = await this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.require(caller, id, {
        action: 'write',
        log: 'case.coordinator',
        tx: manager,
        lock: true,
      });
      requireActive(facts);
      await this.requireCoordinatorCandidate(manager, coordinatorId, facts.schoolId);
      if (coordinatorId === facts.coordinatorId) throw new ConflictError('This user already coordinates the case.');
      await manager.query(`UPDATE support_case SET coordinator_id = $2 WHERE id = $1`, [id, coordinatorId]);
      await recordEvent(manager, id, caller, 'case.coordinator', { from: facts.coordinatorId, to: coordinatorId });
      await this.access.logChange(caller, 'case.coordinator', 'case', [id], manager);
      return { ...facts, coordinatorId };
    });
    return this.load(this.dataSource.manager, facts);
  }

  async timeline(caller: Caller, id: string, query: PageQuery): Promise<Page<TimelineEventDto>> {
    const facts = await this.cases.require(caller, id, { action: 'read', log: 'case.timeline' });
    await this.cases.requireScope(caller, facts, 'case_summary', 'case.timeline');
    const cursor = decodeCursor(query.cursor, ['int']);
    const params: unknown[] = [id, query.limit + 1, ...(cursor ?? [])];
    // Consents and invitations concern one agency each: an outside agency sees only its own.
    let own = '';
    if (caller.agencyId !== facts.schoolId) {
      params.push(caller.agencyId);
      own = `AND ((e.kind NOT LIKE 'consent.%' AND e.kind NOT LIKE 'mobilisation.%') OR e.data->>'agencyId' = $${params.length})`;
    }
    const rows: {
      id: string;
      at: Date;
      kind: string;
      data: Record<string, unknown>;
      actor_id: string | null;
      actor_name: string | null;
      agency_id: string | null;
      agency_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.id::text, e.at, e.kind, e.data, e.actor_id, u.display_name AS actor_name, e.agency_id, a.name AS agency_name
         FROM case_event e LEFT JOIN app_user u ON u.id = e.actor_id LEFT JOIN agency a ON a.id = e.agency_id
        WHERE e.case_id = $1 ${cursor ? 'AND e.id > $3' : ''} ${own}
        ORDER BY e.id LIMIT $2`,
      params,
    );
    return toPage(
      rows,
      query.limit,
      (r) => [Number(r.id)],
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        kind: r.kind,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name! } : null,
        agency: r.agency_id ? { id: r.agency_id, name: r.agency_name! } : null,
        data: r.data,
      }),
    );
  }

  async leadTimes(caller: Caller, id: string): Promise<LeadTimesDto> {
    const facts = await this.cases.require(caller, id, { action: 'read', log: 'case.leadTimes' });
    await this.cases.requireScope(caller, facts, 'case_summary', 'case.leadTimes');
    const [row] = await this.dataSource.query(`${LEAD_TIMES_SELECT} WHERE c.id = $1`, [id]);
    const day = (d: Date | null) => (d ? swedishDate(d) : null);
    const steps: Record<string, string | null> = {
      flag: day(row.flagged_at),
      caseOpened: day(row.opened_at),
      firstAgencyAccepted: day(row.first_accepted_at),
      firstMeeting: day(row.first_meeting_at),
      planAgreed: day(row.plan_agreed_at),
    };
    const since = (start: string | null) =>
      Object.fromEntries(
        Object.entries(steps).map(([k, v]) => [k, start && v ? Math.max(0, daysBetween(start, v)) : null]),
      );
    const opened = since(day(row.opened_at));
    delete opened.flag;
    delete opened.caseOpened;
    return {
      firstSignalOn: row.first_signal_on,
      flaggedAt: row.flagged_at?.toISOString() ?? null,
      openedAt: row.opened_at.toISOString(),
      firstAgencyAcceptedAt: row.first_accepted_at?.toISOString() ?? null,
      firstMeetingAt: row.first_meeting_at?.toISOString() ?? null,
      planAgreedAt: row.plan_agreed_at?.toISOString() ?? null,
      daysFromSignal: since(row.first_signal_on),
      daysFromOpening: opened,
    };
  }

  /** Median and 90th percentile of each lead time over the cases a school opened in a period. */
  async schoolLeadTimes(caller: Caller, schoolId: string, query: LeadTimeQuery): Promise<SchoolLeadTimesDto> {
    await this.access.requireSchool(caller, schoolId, 'case.leadTimes.school');
    const to = query.to ?? swedishDate();
    const from = query.from ?? addDays(to, -365);
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
      throw new ValidationError([
        { field: 'from', code: 'invalid-date', message: 'from and to must be real dates, from not after to' },
      ]);
    }
    const measures: { measure: string; cases: number; median: number | null; p90: number | null }[] =
      await this.dataSource.query(
        `WITH lt AS (${LEAD_TIMES_SELECT} WHERE c.school_id = $1 AND ${swedishDaySql('c.opened_at')} BETWEEN $2 AND $3),
              days AS (${leadTimeDaysSql('lt')})
         SELECT measure, count(d)::int AS cases,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS p90
           FROM days GROUP BY measure, o ORDER BY o`,
        [schoolId, from, to],
      );
    return {
      schoolId,
      from,
      to,
      measures: measures.map((m) => ({
        measure: m.measure,
        cases: m.cases,
        medianDays: wholeDays(m.median),
        p90Days: wholeDays(m.p90),
      })),
    };
  }

  private async requireCoordinatorCandidate(manager: EntityManager, userId: string, schoolId: string): Promise<void> {
    const [user] = await manager.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND agency_id = $2 AND active AND 'elevhalsa' = ANY (roles)`,
      [userId, schoolId],
    );
    if (!user) {
      throw new UnprocessableError("The coordinator must be an active elevhälsa user of the pupil's school.", {
        errors: [{ field: 'coordinatorId', code: 'not-a-member', message: 'not an elevhälsa user of this school' }],
      });
    }
  }

  private async load(manager: EntityManager, facts: CaseFacts): Promise<CaseDto> {
    const [row] = await preparedRows<CaseRow>(manager, `${CASE_SELECT} ${CASE_FROM} WHERE c.id = $1`, [facts.id]);
    return {
      ...toSummary(row, facts.scopes.has('case_summary')),
      flagId: row.flag_id,
      outcome: row.outcome,
      closeReason: facts.scopes.has('case_summary') ? row.close_reason : null,
      allowedTransitions: TRANSITIONS[row.status],
      visibleScopes: [...facts.scopes],
    };
  }
}
