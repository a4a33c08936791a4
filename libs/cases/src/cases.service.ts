import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addDays, daysBetween, isIsoDate, swedishDate } from '@app/calendar';
import { ConflictError, decodeCursor, Page, PageQuery, toPage, UnprocessableError, ValidationError } from '@app/http';
import { maskPersonnummer, StudentsService } from '@app/students';
import { CaseAccess, CaseFacts, requireActive } from './case-access';
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
import { CaseRow, CasesRepository } from './cases.repository';
import { canMove, SIGNAL_PERCENT, TRANSITIONS } from './cases.rules';
import { scheduleFollowUps } from './follow-up/follow-ups.service';
import { wholeDays } from './lead-times.sql';

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
    private readonly repository: CasesRepository,
    private readonly access: AccessService,
    private readonly cases: CaseAccess,
    private readonly students: StudentsService,
  ) {}

  async open(caller: Caller, studentId: string, coordinatorId?: string): Promise<CaseDto> {
    const id = await this.repository.transaction((manager) =>
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
    await this.repository.lockOpeningFor(manager, studentId);
    const existing = await this.repository.findOpenReference(manager, studentId);
    if (existing) throw new ConflictError(`The pupil already has an open case (${existing}).`);
    const firstSignalOn = await this.repository.firstSignalOn(manager, studentId, swedishDate(), SIGNAL_PERCENT);
    const id = await this.repository.insert(manager, {
      studentId,
      schoolId: pupil.schoolId,
      coordinatorId: coordinator,
      flagId: flag?.id ?? null,
      flaggedAt: flag?.createdAt ?? null,
      firstSignalOn,
    });
    await this.repository.recordEvent(manager, id, caller, 'case.opened', {
      coordinatorId: coordinator,
      flagId: flag?.id ?? null,
    });
    await this.access.logChange(caller, 'case.create', 'case', [id], manager);
    return id;
  }

  async list(caller: Caller, query: CaseListQuery): Promise<Page<CaseSummaryDto>> {
    const rows = await this.repository.list(this.repository.manager, {
      scope: this.access.scope(caller, 'case', 'c.id', 1),
      agencyId: caller.agencyId,
      today: swedishDate(),
      status: query.status,
      cursor: decodeCursor(query.cursor, ['timestamp', 'uuid']),
      limit: query.limit,
    });
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
    return this.load(this.repository.manager, facts);
  }

  async changeStatus(caller: Caller, id: string, dto: ChangeStatusDto): Promise<CaseDto> {
    const facts = await this.repository.transaction(async (manager) => {
      // The row lock makes the check and the move one step: two coordinators at once can't both move it.
      const facts = await this.cases.requireCoordination(caller, id, { log: 'case.status', tx: manager });
      const allowed = TRANSITIONS[facts.status];
      if (!canMove(facts.status, dto.status)) {
        throw new ConflictError(
          `A case that is ${facts.status} cannot become ${dto.status}.` +
            (allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ' It is closed.'),
          { allowedTransitions: allowed },
        );
      }
      const closing = dto.status === 'closed';
      await this.repository.setStatus(
        manager,
        id,
        dto.status,
        closing ? { outcome: dto.outcome ?? null, reason: dto.reason ?? null } : null,
      );
      await this.repository.recordEvent(manager, id, caller, 'case.status', {
        from: facts.status,
        to: dto.status,
        ...(closing ? { outcome: dto.outcome } : {}),
      });
      if (closing) await scheduleFollowUps(manager, id, swedishDate(), caller);
      await this.access.logChange(caller, 'case.status', 'case', [id], manager);
      return { ...facts, status: dto.status };
    });
    return this.load(this.repository.manager, facts);
  }

  /**
   * Hands the case over to another coordinator; the timeline keeps who had it before. The
   * school's principal and elevhälsa may (the policy's `write` on a case), not only the coordinator.
   */
  async handOver(caller: Caller, id: string, coordinatorId: string): Promise<CaseDto> {
    const facts = await this.repository.transaction(async (manager) => {
      const facts = await this.cases.require(caller, id, {
        action: 'write',
        log: 'case.coordinator',
        tx: manager,
        lock: true,
      });
      requireActive(facts);
      await this.requireCoordinatorCandidate(manager, coordinatorId, facts.schoolId);
      if (coordinatorId === facts.coordinatorId) throw new ConflictError('This user already coordinates the case.');
      await this.repository.setCoordinator(manager, id, coordinatorId);
      await this.repository.recordEvent(manager, id, caller, 'case.coordinator', {
        from: facts.coordinatorId,
        to: coordinatorId,
      });
      await this.access.logChange(caller, 'case.coordinator', 'case', [id], manager);
      return { ...facts, coordinatorId };
    });
    return this.load(this.repository.manager, facts);
  }

  async timeline(caller: Caller, id: string, query: PageQuery): Promise<Page<TimelineEventDto>> {
    const facts = await this.cases.require(caller, id, { action: 'read', log: 'case.timeline' });
    await this.cases.requireScope(caller, facts, 'case_summary', 'case.timeline');
    const cursor = decodeCursor(query.cursor, ['int']);
    const rows = await this.repository.timeline(this.repository.manager, id, {
      limit: query.limit,
      afterId: cursor ? cursor[0] : null,
      // Consents and invitations concern one agency each: an outside agency sees only its own.
      onlyAgencyId: caller.agencyId !== facts.schoolId ? caller.agencyId : null,
    });
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
    const row = await this.repository.leadTimes(this.repository.manager, id);
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
    const measures = await this.repository.schoolLeadTimes(this.repository.manager, schoolId, from, to);
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
    if (!(await this.repository.isCoordinatorCandidate(manager, userId, schoolId))) {
      throw new UnprocessableError("The coordinator must be an active elevhälsa user of the pupil's school.", {
        errors: [{ field: 'coordinatorId', code: 'not-a-member', message: 'not an elevhälsa user of this school' }],
      });
    }
  }

  private async load(manager: EntityManager, facts: CaseFacts): Promise<CaseDto> {
    const row = (await this.repository.findCase(manager, facts.id))!;
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
