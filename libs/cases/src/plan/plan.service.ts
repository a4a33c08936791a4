import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, FieldError, NotFoundError, Page, toPage, UnprocessableError } from '@app/http';
import { Notifier } from '@app/notifications';
import { CaseAccess, CaseFacts, namesVisible, requireActive } from '../case-access';
import { recordEvent } from '../timeline';
import { parseIfMatch, preconditionFailed, requireIfMatch } from './etag';
import { ActionStatus, AgreePlanDto, PlanDto, PlanVersionDto, PlanVersionSummaryDto, PutPlanDto } from './plan.dto';
import { PlanLock, PlanRepository, VersionRow } from './plan.repository';
import {
  caseAgencies,
  isAgreementInFuture,
  iso,
  mergeStaleActions,
  newlyAssigned,
  participantErrors,
  PlanChange,
  planInputErrors,
  planReferenceErrors,
  readActionOf,
  withNames,
} from './plan.rules';

const unprocessable = (detail: string, errors: FieldError[]) => new UnprocessableError(detail, { errors });

/**
 * The shared action plan (SIP-style) of a case. The coordinator (the school's elevhälsa) writes
 * goals and actions with PUT; each agency updates only the status and progress notes of its own
 * actions. Every change needs the version last read (If-Match), runs with the case row locked,
 * and stores a new version with a snapshot, so two agencies editing at once never overwrite
 * each other.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
  ) {}

  async get(caller: Caller, caseId: string): Promise<PlanDto> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.read' });
    await this.requirePlanScope(caller, facts, 'plan.read');
    const plan = await this.plans.load(this.plans.manager, caseId);
    if (!plan) throw new NotFoundError('plan');
    return withNames(plan, namesVisible(caller, facts));
  }

  /** Creates the plan (no If-Match while none exists) or replaces its goals, actions and views. */
  async put(
    caller: Caller,
    caseId: string,
    dto: PutPlanDto,
    ifMatch: string | undefined,
  ): Promise<{ plan: PlanDto; created: boolean }> {
    const invalid = planInputErrors(dto);
    if (invalid.length) throw unprocessable('The plan has invalid content.', invalid);
    return this.plans.transaction(async (tx) => {
      // Locks the case row: every change of the plan waits here for the one before it.
      const facts = await this.cases.requireCoordinator(caller, caseId, { log: 'plan.write', tx });
      requireActive(facts);
      const existing = await this.plans.lockPlan(tx, caseId);
      let keepStatus = new Map<string, ActionStatus>();
      if (existing) keepStatus = await this.checkPlanIfMatch(tx, existing, ifMatch, dto);
      else if (parseIfMatch(ifMatch) !== null) throw preconditionFailed(null);
      await this.checkReferences(tx, facts, existing?.id ?? null, dto);

      const fields = {
        pupilView: dto.pupilView ?? null,
        guardianView: dto.guardianView ?? null,
        reviewDates: [...new Set(dto.reviewDates ?? [])].sort(),
      };
      const { id: planId, version } = existing
        ? await this.plans.replacePlan(tx, existing.id, fields, caller.userId)
        : await this.plans.insertPlan(tx, caseId, fields, caller.userId);
      const assignedBefore = await this.plans.assignments(tx, planId);
      await this.writeGoals(tx, planId, dto);
      await this.writeActions(tx, planId, caseId, dto, keepStatus);
      await this.notifyAssigned(tx, caller, planId, caseId, version, assignedBefore);

      const plan = await this.saveVersion(tx, caller, caseId, planId, version, existing ? 'replaced' : 'created');
      await recordEvent(tx, caseId, caller, existing ? 'plan.updated' : 'plan.created', {
        planId,
        version,
        goals: plan.goals.length,
        actions: plan.actions.length,
      });
      await this.access.logChange(caller, existing ? 'plan.replace' : 'plan.create', 'case_plan', [planId], tx);
      return { plan, created: !existing };
    });
  }

  /** Records who agreed to the version named in If-Match; the first agreement ends the lead time. */
  async agree(caller: Caller, caseId: string, dto: AgreePlanDto, ifMatch: string | undefined): Promise<PlanDto> {
    const agreedAt = new Date(dto.agreedAt);
    if (isAgreementInFuture(agreedAt, Date.now())) {
      throw unprocessable('The agreement cannot be in the future.', [
        { field: 'agreedAt', code: 'in-future', message: 'must be a time not in the future' },
      ]);
    }
    return this.plans.transaction(async (tx) => {
      const facts = await this.cases.requireCoordinator(caller, caseId, { log: 'plan.agree', tx });
      requireActive(facts);
      const plan = await this.plans.lockPlan(tx, caseId);
      if (!plan) throw new NotFoundError('plan');
      requireIfMatch(ifMatch, plan.version);
      const errors = participantErrors(dto.participants, caseAgencies(facts));
      if (errors.length) throw unprocessable('A participant does not fit the case.', errors);

      const ids: string[] = [];
      for (const p of dto.participants) {
        ids.push(
          await this.plans.insertAgreement(tx, {
            planId: plan.id,
            planVersion: plan.version,
            participant: p.participant,
            agencyId: p.agencyId ?? null,
            name: p.name.trim(),
            agreedAt,
            recordedBy: caller.userId,
          }),
        );
      }
      await this.plans.markCaseAgreed(tx, caseId, agreedAt);
      const version = await this.plans.bump(tx, plan.id, caller.userId);
      const result = await this.saveVersion(tx, caller, caseId, plan.id, version, 'agreed');
      await recordEvent(tx, caseId, caller, 'plan.agreed', {
        planId: plan.id,
        agreedVersion: plan.version,
        version,
        agreementIds: ids,
        participants: dto.participants.map((p) => p.participant),
      });
      await this.access.logChange(caller, 'plan.agree', 'plan_agreement', ids, tx);
      return result;
    });
  }

  async versions(
    caller: Caller,
    caseId: string,
    query: { limit: number; cursor?: string },
  ): Promise<{ page: Page<PlanVersionSummaryDto>; current: number }> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.versions' });
    await this.requirePlanScope(caller, facts, 'plan.versions');
    const plan = await this.plans.planOf(this.plans.manager, caseId);
    if (!plan) throw new NotFoundError('plan');
    const after = decodeCursor(query.cursor, ['int']);
    const rows = await this.plans.versions(
      this.plans.manager,
      plan.id,
      after ? Number(after[0]) : null,
      query.limit + 1,
    );
    const page = toPage(rows, query.limit, (r) => [r.version], versionSummary);
    return { page, current: plan.version };
  }

  async version(caller: Caller, caseId: string, n: number): Promise<PlanVersionDto> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.versions' });
    await this.requirePlanScope(caller, facts, 'plan.versions');
    const row = await this.plans.version(this.plans.manager, caseId, n);
    if (!row) throw new NotFoundError('plan version');
    return { ...versionSummary(row), plan: withNames(row.snapshot, namesVisible(caller, facts)) };
  }

  /** The school sees the whole plan; an outside agency needs consent scope `plan` (else 403: it knows the case). */
  private requirePlanScope(caller: Caller, facts: CaseFacts, logAction: string): Promise<void> {
    return this.cases.requireScope(caller, facts, 'plan', logAction);
  }

  /**
   * The coordinator's If-Match on a PUT. The current version passes. An older one passes too when
   * every change since is an agency's update of its own action (they never invalidate the
   * coordinator's edit), provided the PUT leaves each such action as the coordinator read it:
   * the agency's status is then kept. Otherwise 412.
   */
  private async checkPlanIfMatch(
    tx: EntityManager,
    plan: PlanLock,
    ifMatch: string | undefined,
    dto: PutPlanDto,
  ): Promise<Map<string, ActionStatus>> {
    const versions = parseIfMatch(ifMatch);
    if (versions === null || versions.includes(plan.version)) {
      requireIfMatch(ifMatch, plan.version);
      return new Map();
    }
    const read = Math.max(0, ...versions.filter((v) => v < plan.version));
    const snapshot = read ? await this.plans.snapshot(tx, plan.id, read) : null;
    if (!snapshot || !(await this.plans.onlyActionUpdatesSince(tx, plan.id, read))) {
      throw preconditionFailed(plan.version);
    }
    const merge = mergeStaleActions(
      snapshot.actions.map(readActionOf),
      await this.plans.actionVersions(tx, plan.id),
      dto.actions,
    );
    if (!merge.ok) throw preconditionFailed(plan.version, merge.conflicting);
    return merge.keepStatus;
  }

  private saveVersion(
    tx: EntityManager,
    caller: Caller,
    caseId: string,
    planId: string,
    version: number,
    change: PlanChange,
  ): Promise<PlanDto> {
    return this.plans.saveVersion(tx, {
      caseId,
      planId,
      version,
      change,
      userId: caller.userId,
      agencyId: caller.agencyId,
    });
  }

  /** Checks against the case: ids of this plan, agencies in the case, responsible users of them. */
  private async checkReferences(
    tx: EntityManager,
    facts: CaseFacts,
    planId: string | null,
    dto: PutPlanDto,
  ): Promise<void> {
    const goalIds = await this.plans.idsInPlan(
      tx,
      'plan_goal',
      planId,
      dto.goals.flatMap((g) => (g.id ? [g.id] : [])),
    );
    const actionIds = await this.plans.idsInPlan(
      tx,
      'plan_action',
      planId,
      dto.actions.flatMap((a) => (a.id ? [a.id] : [])),
    );
    const users = await this.plans.activeUsers(
      tx,
      dto.actions.flatMap((a) => (a.responsibleUserId ? [a.responsibleUserId] : [])),
    );
    // An intervention: active in the catalogue of the case's organisation, or the one the action already uses.
    const interventions = await this.plans.interventionsInCatalogue(
      tx,
      facts.schoolId,
      dto.actions.flatMap((a) => (a.interventionId ? [a.interventionId] : [])),
      planId,
    );
    const errors = planReferenceErrors(dto, {
      goalIds,
      actionIds,
      agencies: caseAgencies(facts),
      users,
      interventions,
    });
    if (errors.length) throw unprocessable('The plan refers to something that does not fit the case.', errors);
  }

  private async writeGoals(tx: EntityManager, planId: string, dto: PutPlanDto): Promise<void> {
    await this.plans.removeGoalsExcept(
      tx,
      planId,
      dto.goals.flatMap((g) => (g.id ? [g.id] : [])),
    );
    for (const [position, g] of dto.goals.entries()) {
      const values = {
        position,
        text: g.text.trim(),
        attendancePercent: g.target?.attendancePercent ?? null,
        byDate: g.target?.byDate ?? null,
        targetText: g.target?.text?.trim() ?? null,
      };
      if (g.id) await this.plans.updateGoal(tx, g.id, values);
      else await this.plans.insertGoal(tx, planId, values);
    }
  }

  private async writeActions(
    tx: EntityManager,
    planId: string,
    caseId: string,
    dto: PutPlanDto,
    keepStatus: ReadonlyMap<string, ActionStatus>,
  ): Promise<void> {
    await this.plans.removeActionsExcept(
      tx,
      planId,
      dto.actions.flatMap((a) => (a.id ? [a.id] : [])),
    );
    for (const [position, a] of dto.actions.entries()) {
      const values = {
        position,
        description: a.description.trim(),
        agencyId: a.agencyId,
        responsibleUserId: a.responsibleUserId ?? null,
        startDate: a.startDate ?? null,
        dueDate: a.dueDate,
        status: (a.id && keepStatus.get(a.id)) || a.status,
        interventionId: a.interventionId ?? null,
      };
      if (a.id) await this.plans.updateAction(tx, a.id, values);
      else await this.plans.insertAction(tx, planId, caseId, values);
    }
  }

  /**
   * Tells the agency (and the responsible person) of each open action this version gave them: a
   * new action, or one moved to another agency or person. A PUT that leaves an assignment as it was
   * tells nobody again; giving an action back to someone who had it before tells them again (the
   * plan version is in the dedupe key).
   */
  private async notifyAssigned(
    tx: EntityManager,
    caller: Caller,
    planId: string,
    caseId: string,
    version: number,
    before: Map<string, string>,
  ): Promise<void> {
    for (const a of newlyAssigned(await this.plans.openActions(tx, planId), before)) {
      await this.notifier.notify(
        tx,
        'action.assigned',
        { key: `${a.id}:v${version}`, caseId, agencyId: a.agency_id, userId: a.responsible_user_id, date: a.due_date },
        caller.userId,
      );
    }
  }
}

const versionSummary = (r: VersionRow): PlanVersionSummaryDto => ({
  version: r.version,
  change: r.change,
  changedBy: { id: r.changed_by, displayName: r.changed_by_name },
  agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
  changedAt: iso(r.changed_at)!,
});
