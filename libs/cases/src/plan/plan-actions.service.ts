import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { addDays, swedishDate } from '@app/calendar';
import {
  decodeCursor,
  ForbiddenError,
  NotFoundError,
  Page,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@app/http';
import { CaseAccess, namesVisible, requireActive } from '../case-access';
import { recordEvent } from '../timeline';
import { requireActionIfMatch } from './etag';
import { PatchActionDto, PlanDto, WorkListItemDto, WorkListQuery } from './plan.dto';
import { PlanRepository, WorkListRow } from './plan.repository';
import { actionPatchNote, isWorkListModeValid, withNames } from './plan.rules';

/** Actions within this many days (today included) are marked `due` in the work list. */
export const DUE_SOON_DAYS = 7;

/**
 * The actions of the plan as each agency works on them: an agency updates the status and progress
 * notes of its own actions (each action has its own ETag, so agencies never block each other), and
 * lists the actions given to it or to one of its people.
 */
@Injectable()
export class PlanActionsService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  /** An agency's update of its own action: status and/or a progress note, nothing else. */
  async updateAction(
    caller: Caller,
    caseId: string,
    actionId: string,
    dto: PatchActionDto,
    ifMatch: string | undefined,
  ): Promise<PlanDto> {
    const patch = actionPatchNote(dto);
    if (!patch.ok && patch.problem === 'none') {
      throw new ValidationError([
        { field: 'status', code: 'one-of-required', message: 'give status, progressNote or both' },
      ]);
    }
    if (!patch.ok) {
      throw new UnprocessableError('The progress note must not be blank.', {
        errors: [{ field: 'progressNote', code: 'blank', message: 'must not be blank' }],
      });
    }
    const note = patch.note;
    return this.plans.transaction(async (tx) => {
      // Seeing the case is what lets an agency work on its actions; the lock orders changes.
      const facts = await this.cases.require(caller, caseId, {
        action: 'read',
        log: 'plan.action.update',
        tx,
        lock: true,
      });
      const action = await this.plans.actionInCase(tx, caseId, actionId);
      const seesPlan = facts.scopes.has('plan');
      if (action?.agency_id !== caller.agencyId) {
        await this.access.logDenied(caller, 'plan.action.update', 'plan_action', actionId);
        // Another agency's action in a plan the caller reads: it knows it exists, but it is not theirs.
        if (action && seesPlan) throw new ForbiddenError("Only the responsible agency updates an action's status.");
        throw new NotFoundError('action');
      }
      if (!seesPlan) {
        await this.access.forbid(
          caller,
          'plan.action.update',
          'plan_action',
          actionId,
          'The consent does not cover the plan.',
        );
      }
      requireActive(facts);
      const plan = (await this.plans.lockPlan(tx, caseId))!;
      // The action's own ETag: another agency's or the coordinator's change elsewhere in the plan
      // does not make it stale; a change of this action does.
      requireActionIfMatch(ifMatch, actionId, action.version);

      await this.plans.setActionStatus(tx, actionId, dto.status ?? action.status);
      const noteId = note
        ? await this.plans.insertNote(tx, { actionId, authorId: caller.userId, agencyId: caller.agencyId, text: note })
        : null;
      const version = await this.plans.bump(tx, plan.id, caller.userId);
      const result = await this.plans.saveVersion(tx, {
        caseId,
        planId: plan.id,
        version,
        change: 'action.updated',
        userId: caller.userId,
        agencyId: caller.agencyId,
      });
      await recordEvent(tx, caseId, caller, 'plan.action.updated', {
        planId: plan.id,
        actionId,
        version,
        status: dto.status ?? action.status,
        previousStatus: action.status,
        ...(noteId ? { noteId } : {}),
      });
      await this.access.logChange(caller, 'plan.action.update', 'plan_action', [actionId], tx);
      return withNames(result, namesVisible(caller, facts));
    });
  }

  /** The actions assigned to the caller or the caller's agency, in the open cases the caller may see. */
  async workList(caller: Caller, query: WorkListQuery): Promise<Page<WorkListItemDto>> {
    const mine = query.mine === 'true';
    if (!isWorkListModeValid(mine, query.agency === 'true')) {
      throw new ValidationError([
        { field: 'mine', code: 'one-of-required', message: 'give exactly one of mine=true or agency=true' },
      ]);
    }
    const today = swedishDate();
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const rows = await this.plans.workList(this.plans.manager, {
      today,
      dueSoonUntil: addDays(today, DUE_SOON_DAYS),
      assignedTo: mine ? { user: caller.userId } : { agency: caller.agencyId },
      scope: (firstParam) => this.access.scope(caller, 'case', 'c.id', firstParam),
      // An outside agency sees the plan only where its consent covers `plan` (the school sees its own).
      consentOf: caller.agencyType !== 'school' ? caller.agencyId : null,
      status: query.status,
      after: after ? [after[0], after[1]] : null,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.due_date, r.id], workListItem);
    await this.access.logList(
      caller,
      'actions.list',
      'plan_action',
      page.items.map((i) => i.id),
    );
    return page;
  }
}

const workListItem = (r: WorkListRow): WorkListItemDto => ({
  id: r.id,
  caseId: r.case_id,
  caseReference: r.reference,
  description: r.description,
  agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
  responsible: r.responsible_user_id ? { id: r.responsible_user_id, displayName: r.responsible_name! } : null,
  startDate: r.start_date,
  dueDate: r.due_date,
  status: r.status,
  due: r.due,
  overdue: r.overdue,
});
