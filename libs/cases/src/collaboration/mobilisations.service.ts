import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { AgencyRefDto, ConflictError, decodeCursor, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { Notifier } from '@app/notifications';
import { CaseAccess, requireActive } from '../case-access';
import { CasesRepository } from '../cases.repository';
import {
  AcceptMobilisationDto,
  DeclineMobilisationDto,
  InboxQuery,
  InviteAgencyDto,
  MobilisationDto,
} from './mobilisations.dto';
import { invitationDeadline, isValidDeadline } from './mobilisation.rules';
import { MobilisationRow, MobilisationsRepository, PupilNames } from './mobilisations.repository';

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
  invitedAt: r.invited_at.toISOString(),
  invitedBy: { id: r.invited_by, displayName: r.invited_by_name },
  representative: r.representative_id ? { id: r.representative_id, displayName: r.representative_name! } : null,
  respondedAt: r.responded_at?.toISOString() ?? null,
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
    private readonly repository: MobilisationsRepository,
    private readonly caseRepository: CasesRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
  ) {}

  /** Agencies that can be invited (every agency that is not a school), by name: no personal data. */
  async partnerAgencies(caller: Caller, query: PageQuery): Promise<Page<AgencyRefDto>> {
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows = await this.repository.partnerAgencies(this.repository.manager, query.limit, cursor);
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
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'mobilisation.invite', tx: manager });
      requireActive(facts);
      const today = swedishDate();
      const deadline = invitationDeadline(dto.deadline, today);
      if (!isValidDeadline(deadline, today)) {
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
      const agency = await this.repository.findAgency(manager, dto.agencyId);
      if (!agency || agency.type === 'school') {
        throw new UnprocessableError('Only an existing agency outside the school can be invited.', {
          errors: [{ field: 'agencyId', code: 'unknown', message: 'unknown agency, or a school' }],
        });
      }
      const alreadyInvited = () =>
        new ConflictError('The agency is already invited to this case.', {
          errors: [{ field: 'agencyId', code: 'already-invited', message: 'already invited' }],
        });
      if (await this.repository.isInvited(manager, caseId, dto.agencyId)) throw alreadyInvited();
      const id = await this.repository.insert(manager, {
        caseId,
        agencyId: dto.agencyId,
        message: dto.message?.trim() || null,
        invitedBy: caller.userId,
        deadline,
      });
      // The partial unique index decides a race between two invitations.
      if (id === null) throw alreadyInvited();
      await this.caseRepository.recordEvent(manager, caseId, caller, 'mobilisation.invited', {
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
      return this.load(manager, id, 'always');
    });
  }

  /** The invitations of one case: the coordinator's overview; an outside agency needs `case_summary`. */
  async listForCase(caller: Caller, caseId: string): Promise<Page<MobilisationDto>> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'mobilisation.list' });
    const school = caller.agencyId === facts.schoolId;
    if (!school) await this.cases.requireScope(caller, facts, 'case_summary', 'mobilisation.list');
    const rows = await this.repository.listForCase(this.repository.manager, swedishDate(), caseId);
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
    const rows = await this.repository.inbox(this.repository.manager, {
      today: swedishDate(),
      agencyId: caller.agencyId,
      status: query.status,
      cursor: decodeCursor(query.cursor, ['date', 'uuid']),
      limit: query.limit,
    });
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
    return this.repository.transaction(async (manager) => {
      await this.requireOwnPending(caller, id, 'mobilisation.accept', manager);
      if (!(await this.repository.isAgencyWorker(manager, dto.representativeUserId, caller.agencyId))) {
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
      const caseId = this.answered(await this.repository.accept(manager, id, dto.representativeUserId, caller.userId));
      await this.caseRepository.recordEvent(manager, caseId, caller, 'mobilisation.accepted', {
        mobilisationId: id,
        agencyId: caller.agencyId,
        representativeId: dto.representativeUserId,
      });
      const subject = { key: id, caseId, agencyId: caller.agencyId, userId: dto.representativeUserId };
      await this.notifier.notify(manager, 'mobilisation.accepted', subject, caller.userId);
      await this.notifier.notify(manager, 'mobilisation.representative', subject, caller.userId);
      await this.access.logChange(caller, 'mobilisation.accept', 'mobilisation', [id], manager);
      return this.load(manager, id, 'with-consent');
    });
  }

  async decline(caller: Caller, id: string, dto: DeclineMobilisationDto): Promise<MobilisationDto> {
    const reason = dto.reason.trim();
    if (!reason) {
      throw new UnprocessableError('Give a reason for declining.', {
        errors: [{ field: 'reason', code: 'blank', message: 'must not be blank' }],
      });
    }
    return this.repository.transaction(async (manager) => {
      await this.requireOwnPending(caller, id, 'mobilisation.decline', manager);
      const caseId = this.answered(await this.repository.decline(manager, id, reason, caller.userId));
      // The reason is free text: it stays on the invitation, the timeline holds ids only.
      await this.caseRepository.recordEvent(manager, caseId, caller, 'mobilisation.declined', {
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
      return this.load(manager, id, 'with-consent');
    });
  }

  /**
   * Only the invited agency answers, whatever its consent (it must be able to say no); another
   * agency's invitation does not exist for the caller. A closed case or an answered invitation is 409.
   */
  private async requireOwnPending(caller: Caller, id: string, logAction: string, manager: EntityManager) {
    const row = await this.repository.findAnswerable(manager, id);
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
    requireActive({ status: row!.case_status });
    if (row!.status !== 'pending') {
      throw new ConflictError(`The invitation is already ${row!.status}.`, { currentStatus: row!.status });
    }
  }

  /** The conditional update's result: the case, or someone else answered first. */
  private answered(caseId: string | null): string {
    if (caseId === null) throw new ConflictError('The invitation has already been answered.');
    return caseId;
  }

  private async load(manager: EntityManager, id: string, pupil: PupilNames): Promise<MobilisationDto> {
    return toDto((await this.repository.find(manager, swedishDate(), id, pupil))!);
  }
}
