import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { CaseAccess } from '../case-access';
import { recordEvent } from '../timeline';
import { attendancePercent, toNumber } from './attendance-percent';
import { RecordFollowUpDto, FollowUpDto } from './follow-ups.dto';
import { FollowUpRow, FollowUpsRepository, insertFollowUpSchedule } from './follow-ups.repository';
import {
  followUpAttendancePeriod,
  followUpMonths,
  recordableFrom,
  requireClosedForFollowUp,
  requireRecordable,
} from './follow-ups.rules';

const toDto = (r: FollowUpRow): FollowUpDto => ({
  id: r.id,
  caseId: r.case_id,
  months: r.months,
  dueOn: r.due_on,
  recordableFrom: recordableFrom(r.due_on),
  recordedAt: r.recorded_at?.toISOString() ?? null,
  attendancePercent: toNumber(r.attendance_percent),
  schoolOrWork20h: r.school_or_work_20h,
  newInterventions: r.new_interventions,
  note: r.note,
  recordedBy: r.recorded_by ? { id: r.recorded_by, displayName: r.recorded_by_name! } : null,
});

/**
 * Schedules the follow-ups 6 and 18 months after closure, in the transaction that closes the
 * case (`closedOn` is the Swedish day of closure). Already scheduled ones stay as they are.
 */
export async function scheduleFollowUps(
  tx: EntityManager,
  caseId: string,
  closedOn: string,
  caller: Caller | null,
): Promise<void> {
  for (const row of await insertFollowUpSchedule(tx, caseId, closedOn)) {
    await recordEvent(tx, caseId, caller, 'follow_up.scheduled', {
      followUpId: row.id,
      months: row.months,
      dueOn: row.due_on,
    });
  }
}

/** Follow-ups 6 and 18 months after closure (uppföljning efter avslut, in the style of MST's). */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repository: FollowUpsRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<FollowUpDto[]> {
    const facts = await this.cases.requireFollowUps(caller, caseId, 'followUp.list');
    await this.cases.requireScope(caller, facts, 'plan', 'followUp.list');
    const figures = facts.scopes.has('attendance');
    // Follow-ups come after closure: an outside agency sees those that name it (its kind of agency).
    const outside = caller.agencyId !== facts.schoolId;
    const rows = await this.repository.listForCase(caseId, outside ? caller.agencyType : null);
    return rows.map(toDto).map((f) => (figures ? f : { ...f, attendancePercent: null }));
  }

  async record(caller: Caller, caseId: string, monthsParam: string, dto: RecordFollowUpDto): Promise<FollowUpDto> {
    const months = followUpMonths(monthsParam);
    return this.repository.transaction(async (tx) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'followUp.record', tx });
      requireClosedForFollowUp(facts.status);
      let row = await this.repository.findForUpdate(tx, caseId, months);
      if (!row) {
        // A case closed before follow-ups were scheduled: schedule them from its closing day now.
        const closedAt = await this.repository.caseClosedAt(tx, caseId);
        await scheduleFollowUps(tx, caseId, swedishDate(closedAt), caller);
        row = (await this.repository.findForUpdate(tx, caseId, months))!;
      }
      const today = swedishDate();
      requireRecordable(months, row.due_on, row.recorded_at !== null, today);
      const period = followUpAttendancePeriod(today);
      await this.repository.record(tx, row.id, {
        recordedBy: caller.userId,
        attendancePercent: await attendancePercent(tx, facts.studentId, period.from, period.to),
        schoolOrWork20h: dto.schoolOrWork20h,
        newInterventions: dto.newInterventions,
        note: dto.note?.trim() ?? null,
      });
      await recordEvent(tx, caseId, caller, 'follow_up.recorded', { followUpId: row.id, months });
      await this.access.logChange(caller, 'followUp.record', 'case_follow_up', [row.id], tx);
      return toDto((await this.repository.findForUpdate(tx, caseId, months))!);
    });
  }
}
