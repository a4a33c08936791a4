import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addDays, isIsoDate, swedishDate } from '@app/calendar';
import {
  decodeCursor,
  FieldError,
  ForbiddenError,
  NotFoundError,
  Page,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@app/http';
import { Notifier } from '@app/notifications';
import { CaseAccess, CaseFacts, namesVisible, NamesVisible, requireActive } from '../case-access';
import { consentInForceSql, iso } from '../collaboration/collaboration-sql';
import { recordEvent } from '../timeline';
import { actionEtagOf, parseIfMatch, preconditionFailed, requireActionIfMatch, requireIfMatch } from './etag';
import {
  ActionDto,
  ActionStatus,
  AgreePlanDto,
  AgreementDto,
  GoalDto,
  PatchActionDto,
  PlanDto,
  PlanVersionDto,
  PlanVersionSummaryDto,
  PutPlanDto,
  WorkListItemDto,
  WorkListQuery,
} from './plan.dto';
import { planRepository } from './plan.repository';
import { mergeStaleActions, readActionOf } from './plan.rules';

/** What a change of the plan was, as stored with each version. */
type Change = 'created' | 'replaced' | 'action.updated' | 'agreed';

interface PlanLock {
  id: string;
  version: number;
}

/** Actions within this many days (today included) are marked `due` in the work list. */
export const DUE_SOON_DAYS = 7;

const unprocessable = (detail: string, errors: FieldError[]) => new UnprocessableError(detail, { errors });
/** An action's assignment (agency and person) as one SQL value, compared across a plan PUT. */
const ASSIGNMENT = `agency_id || ':' || coalesce(responsible_user_id::text, '-')`;

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
  ) {}

  async get(caller: Caller, caseId: string): Promise<PlanDto> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.read' });
    await this.requirePlanScope(caller, facts, 'plan.read');
    const plan = await this.load(this.dataSource.manager, caseId);
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
    this.checkInput(dto);
    return this.dataSource.transaction(async (manager) => {
      // Locks the case row: every change of the plan waits here for the one before it.
      const facts = await this.cases.requireCoordinator(caller, caseId, { log: 'plan.write', tx: manager });
      requireActive(facts);
      const existing = await this.lockPlan(manager, caseId);
      let keepStatus = new Map<string, ActionStatus>();
      if (existing) keepStatus = await this.checkPlanIfMatch(manager, existing, ifMatch, dto);
      else if (parseIfMatch(ifMatch) !== null) throw preconditionFailed(null);
      await this.checkReferences(manager, facts, existing?.id ?? null, dto);

      const reviewDates = [...new Set(dto.reviewDates ?? [])].sort();
      let planId: string;
      let version: number;
      if (!existing) {
        const [row] = await manager.query(
          `INSERT INTO case_plan (case_id, version, pupil_view, guardian_view, review_dates, created_by, updated_by)
           VALUES ($1, 1, $2, $3, $4::date[], $5, $5) RETURNING id, version`,
          [caseId, dto.pupilView ?? null, dto.guardianView ?? null, reviewDates, caller.userId],
        );
        planId = row.id;
        version = row.version;
      } else {
        // TypeORM answers an UPDATE … RETURNING with [rows, count].
        const [[row]] = await manager.query(
          `UPDATE case_plan SET version = version + 1, pupil_view = $2, guardian_view = $3, review_dates = $4::date[],
                  updated_by = $5, updated_at = now()
            WHERE id = $1 RETURNING id, version`,
          [existing.id, dto.pupilView ?? null, dto.guardianView ?? null, reviewDates, caller.userId],
        );
        planId = row.id;
        version = row.version;
      }
      const assignedBefore = await this.assignments(manager, planId);
      await this.writeGoals(manager, planId, dto);
      await this.writeActions(manager, planId, caseId, dto, keepStatus);
      await this.notifyAssigned(manager, caller, planId, caseId, version, assignedBefore);

      const plan = await this.saveVersion(manager, caller, caseId, planId, version, existing ? 'replaced' : 'created');
      await recordEvent(manager, caseId, caller, existing ? 'plan.updated' : 'plan.created', {
        planId,
        version,
        goals: plan.goals.length,
        actions: plan.actions.length,
      });
      await this.access.logChange(caller, existing ? 'plan.replace' : 'plan.create', 'case_plan', [planId], manager);
      return { plan, created: !existing };
    });
  }

  /** An agency's update of its own action: status and/or a progress note, nothing else. */
  async updateAction(
    caller: Caller,
    caseId: string,
    actionId: string,
    dto: PatchActionDto,
    ifMatch: string | undefined,
  ): Promise<PlanDto> {
    if (dto.status === undefined && dto.progressNote === undefined) {
      throw new ValidationError([
        { field: 'status', code: 'one-of-required', message: 'give status, progressNote or both' },
      ]);
    }
    const note = dto.progressNote?.trim();
    if (dto.progressNote !== undefined && !note) {
      throw unprocessable('The progress note must not be blank.', [
        { field: 'progressNote', code: 'blank', message: 'must not be blank' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      // Seeing the case is what lets an agency work on its actions; the lock orders changes.
      const facts = await this.cases.require(caller, caseId, {
        action: 'read',
        log: 'plan.action.update',
        tx: manager,
        lock: true,
      });
      const [action]: { id: string; agency_id: string; status: ActionStatus; version: number }[] = await manager.query(
        `SELECT pa.id, pa.agency_id, pa.status, pa.version FROM plan_action pa JOIN case_plan p ON p.id = pa.plan_id
          WHERE pa.id = $1 AND p.case_id = $2 AND pa.removed_at IS NULL`,
        [actionId, caseId],
      );
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
      const plan = (await this.lockPlan(manager, caseId))!;
      // The action's own ETag: another agency's or the coordinator's change elsewhere in the plan
      // does not make it stale; a change of this action does.
      requireActionIfMatch(ifMatch, actionId, action.version);

      await manager.query(
        `UPDATE plan_action SET version = version + 1, status = $2,
                updated_at = CASE WHEN status IS DISTINCT FROM $2 THEN now() ELSE updated_at END
          WHERE id = $1`,
        [actionId, dto.status ?? action.status],
      );
      let noteId: string | null = null;
      if (note) {
        const [row] = await manager.query(
          `INSERT INTO plan_action_note (action_id, author_id, agency_id, text) VALUES ($1, $2, $3, $4) RETURNING id`,
          [actionId, caller.userId, caller.agencyId, note],
        );
        noteId = row.id;
      }
      const version = await this.bump(manager, caller, plan.id);
      const result = await this.saveVersion(manager, caller, caseId, plan.id, version, 'action.updated');
      await recordEvent(manager, caseId, caller, 'plan.action.updated', {
        planId: plan.id,
        actionId,
        version,
        status: dto.status ?? action.status,
        previousStatus: action.status,
        ...(noteId ? { noteId } : {}),
      });
      await this.access.logChange(caller, 'plan.action.update', 'plan_action', [actionId], manager);
      return withNames(result, namesVisible(caller, facts));
    });
  }

  /** Records who agreed to the version named in If-Match; the first agreement ends the lead time. */
  async agree(caller: Caller, caseId: string, dto: AgreePlanDto, ifMatch: string | undefined): Promise<PlanDto> {
    const agreedAt = new Date(dto.agreedAt);
    if (Number.isNaN(agreedAt.getTime()) || agreedAt.getTime() > Date.now() + 5 * 60_000) {
      throw unprocessable('The agreement cannot be in the future.', [
        { field: 'agreedAt', code: 'in-future', message: 'must be a time not in the future' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordinator(caller, caseId, { log: 'plan.agree', tx: manager });
      requireActive(facts);
      const plan = await this.lockPlan(manager, caseId);
      if (!plan) throw new NotFoundError('plan');
      requireIfMatch(ifMatch, plan.version);
      const inCase = this.caseAgencies(facts);
      const errors: FieldError[] = [];
      dto.participants.forEach((p, i) => {
        if (p.participant === 'agency' && (!p.agencyId || !inCase.has(p.agencyId))) {
          errors.push({
            field: `participants.${i}.agencyId`,
            code: 'not-in-case',
            message: 'must be an agency in the case',
          });
        }
        if (p.participant !== 'agency' && p.agencyId !== undefined) {
          errors.push({
            field: `participants.${i}.agencyId`,
            code: 'not-allowed-here',
            message: 'only for participant agency',
          });
        }
      });
      if (errors.length) throw unprocessable('A participant does not fit the case.', errors);

      const ids: string[] = [];
      for (const p of dto.participants) {
        const [row] = await manager.query(
          `INSERT INTO plan_agreement (plan_id, plan_version, participant, agency_id, name, agreed_at, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [plan.id, plan.version, p.participant, p.agencyId ?? null, p.name.trim(), agreedAt, caller.userId],
        );
        ids.push(row.id);
      }
      await manager.query(`UPDATE support_case SET plan_agreed_at = $2 WHERE id = $1 AND plan_agreed_at IS NULL`, [
        caseId,
        agreedAt,
      ]);
      const version = await this.bump(manager, caller, plan.id);
      const result = await this.saveVersion(manager, caller, caseId, plan.id, version, 'agreed');
      await recordEvent(manager, caseId, caller, 'plan.agreed', {
        planId: plan.id,
        agreedVersion: plan.version,
        version,
        agreementIds: ids,
        participants: dto.participants.map((p) => p.participant),
      });
      await this.access.logChange(caller, 'plan.agree', 'plan_agreement', ids, manager);
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
    const [plan] = await this.dataSource.query(`SELECT id, version FROM case_plan WHERE case_id = $1`, [caseId]);
    if (!plan) throw new NotFoundError('plan');
    const after = decodeCursor(query.cursor, ['int']);
    const rows: VersionRow[] = await this.dataSource.query(
      `${VERSION_SELECT} WHERE v.plan_id = $1 AND ($2::bigint IS NULL OR v.version < $2::bigint)
        ORDER BY v.version DESC LIMIT $3`,
      [plan.id, after ? Number(after[0]) : null, query.limit + 1],
    );
    const page = toPage(rows, query.limit, (r) => [r.version], versionSummary);
    return { page, current: plan.version };
  }

  async version(caller: Caller, caseId: string, n: number): Promise<PlanVersionDto> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.versions' });
    await this.requirePlanScope(caller, facts, 'plan.versions');
    const [row]: (VersionRow & { snapshot: PlanDto })[] = await this.dataSource.query(
      `${VERSION_SELECT.replace('SELECT', 'SELECT v.snapshot,')}
        JOIN case_plan p ON p.id = v.plan_id WHERE p.case_id = $1 AND v.version = $2`,
      [caseId, n],
    );
    if (!row) throw new NotFoundError('plan version');
    return { ...versionSummary(row), plan: withNames(row.snapshot, namesVisible(caller, facts)) };
  }

  /** The actions assigned to the caller or the caller's agency, in the open cases the caller may see. */
  async workList(caller: Caller, query: WorkListQuery): Promise<Page<WorkListItemDto>> {
    const mine = query.mine === 'true';
    const agency = query.agency === 'true';
    if (mine === agency) {
      throw new ValidationError([
        { field: 'mine', code: 'one-of-required', message: 'give exactly one of mine=true or agency=true' },
      ]);
    }
    const today = swedishDate();
    const params: unknown[] = [today, addDays(today, DUE_SOON_DAYS), mine ? caller.userId : caller.agencyId];
    const where = [
      'pa.removed_at IS NULL',
      `c.status <> 'closed'`,
      mine ? 'pa.responsible_user_id = $3' : 'pa.agency_id = $3',
    ];
    const scope = this.access.scope(caller, 'case', 'c.id', params.length + 1);
    where.push(scope.sql);
    params.push(...scope.params);
    // An outside agency sees the plan only where its consent covers `plan` (the school sees its own).
    if (caller.agencyType !== 'school') {
      params.push(caller.agencyId);
      where.push(consentInForceSql('c.id', `$${params.length}`, '$1', `'plan'`));
    }
    if (query.status) {
      params.push(query.status);
      where.push(`pa.status = $${params.length}`);
    }
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(pa.due_date, pa.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: WorkListRow[] = await this.dataSource.query(
      `SELECT pa.id, pa.case_id, c.reference, pa.description, pa.agency_id, a.name AS agency_name, a.type AS agency_type,
              pa.responsible_user_id, u.display_name AS responsible_name,
              to_char(pa.start_date, 'YYYY-MM-DD') AS start_date, to_char(pa.due_date, 'YYYY-MM-DD') AS due_date,
              pa.status,
              (pa.status NOT IN ('done', 'cancelled') AND pa.due_date BETWEEN $1::date AND $2::date) AS due,
              (pa.status NOT IN ('done', 'cancelled') AND pa.due_date < $1::date) AS overdue
         FROM plan_action pa
         JOIN support_case c ON c.id = pa.case_id
         JOIN agency a ON a.id = pa.agency_id
         LEFT JOIN app_user u ON u.id = pa.responsible_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY pa.due_date, pa.id
        LIMIT $${params.length}`,
      params,
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.due_date, r.id],
      (r): WorkListItemDto => ({
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
      }),
    );
    await this.access.logList(
      caller,
      'actions.list',
      'plan_action',
      page.items.map((i) => i.id),
    );
    return page;
  }

  /** The plan as GET returns it (and as each version's snapshot keeps it), or null if none. */
  load(manager: EntityManager, caseId: string): Promise<PlanDto | null> {
    return loadPlan(manager, caseId);
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
    manager: EntityManager,
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
    const snapshot = read ? await planRepository.snapshot(manager, plan.id, read) : null;
    if (!snapshot || !(await planRepository.onlyActionUpdatesSince(manager, plan.id, read))) {
      throw preconditionFailed(plan.version);
    }
    const merge = mergeStaleActions(
      snapshot.actions.map(readActionOf),
      await planRepository.actionVersions(manager, plan.id),
      dto.actions,
    );
    if (!merge.ok) throw preconditionFailed(plan.version, merge.conflicting);
    return merge.keepStatus;
  }

  private async lockPlan(manager: EntityManager, caseId: string): Promise<PlanLock | null> {
    const [row] = await manager.query(`SELECT id, version FROM case_plan WHERE case_id = $1 FOR UPDATE`, [caseId]);
    return row ?? null;
  }

  private async bump(manager: EntityManager, caller: Caller, planId: string): Promise<number> {
    const [[row]] = await manager.query(
      `UPDATE case_plan SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1 RETURNING version`,
      [planId, caller.userId],
    );
    return row.version;
  }

  private async saveVersion(
    manager: EntityManager,
    caller: Caller,
    caseId: string,
    planId: string,
    version: number,
    change: Change,
  ): Promise<PlanDto> {
    const loaded = (await this.load(manager, caseId))!;
    // This version's own row is written below: a replace after an agreement already counts.
    const plan =
      change === 'replaced' && loaded.agreedVersion !== null ? { ...loaded, changedSinceAgreement: true } : loaded;
    await manager.query(
      `INSERT INTO plan_version (plan_id, version, snapshot, changed_by, agency_id, change) VALUES ($1, $2, $3, $4, $5, $6)`,
      [planId, version, JSON.stringify(plan), caller.userId, caller.agencyId, change],
    );
    return plan;
  }

  /** The school and the agencies whose mobilisation is not declined. */
  private caseAgencies(facts: CaseFacts): Set<string> {
    return new Set([facts.schoolId, ...facts.subject.mobilisedAgencyIds]);
  }

  /** Checks that need no database: targets, dates, duplicate ids. */
  private checkInput(dto: PutPlanDto): void {
    const errors: FieldError[] = [];
    const goalIds = new Set<string>();
    dto.goals.forEach((g, i) => {
      if (!g.text.trim()) errors.push({ field: `goals.${i}.text`, code: 'blank', message: 'must not be blank' });
      const t = g.target;
      if (t && t.attendancePercent === undefined && t.byDate === undefined && t.text === undefined) {
        errors.push({
          field: `goals.${i}.target`,
          code: 'one-of-required',
          message: 'give attendancePercent, byDate or text',
        });
      }
      if (t?.byDate !== undefined && !isIsoDate(t.byDate)) {
        errors.push({ field: `goals.${i}.target.byDate`, code: 'invalid-date', message: 'is not a calendar date' });
      }
      if (g.id && goalIds.has(g.id))
        errors.push({ field: `goals.${i}.id`, code: 'duplicate', message: 'appears twice' });
      if (g.id) goalIds.add(g.id);
    });
    const actionIds = new Set<string>();
    dto.actions.forEach((a, i) => {
      if (!a.description.trim())
        errors.push({ field: `actions.${i}.description`, code: 'blank', message: 'must not be blank' });
      for (const field of ['startDate', 'dueDate'] as const) {
        const value = a[field];
        if (value !== undefined && !isIsoDate(value)) {
          errors.push({ field: `actions.${i}.${field}`, code: 'invalid-date', message: 'is not a calendar date' });
        }
      }
      if (a.startDate && a.startDate > a.dueDate) {
        errors.push({ field: `actions.${i}.dueDate`, code: 'before-start', message: 'must not be before startDate' });
      }
      if (a.id && actionIds.has(a.id))
        errors.push({ field: `actions.${i}.id`, code: 'duplicate', message: 'appears twice' });
      if (a.id) actionIds.add(a.id);
    });
    (dto.reviewDates ?? []).forEach((d, i) => {
      if (!isIsoDate(d))
        errors.push({ field: `reviewDates.${i}`, code: 'invalid-date', message: 'is not a calendar date' });
    });
    if (errors.length) throw unprocessable('The plan has invalid content.', errors);
  }

  /** Checks against the case: ids of this plan, agencies in the case, responsible users of them. */
  private async checkReferences(
    manager: EntityManager,
    facts: CaseFacts,
    planId: string | null,
    dto: PutPlanDto,
  ): Promise<void> {
    const errors: FieldError[] = [];
    const known = async (table: 'plan_goal' | 'plan_action', ids: string[]) => {
      if (!planId || !ids.length) return new Set<string>();
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM ${table} WHERE plan_id = $1 AND id = ANY ($2::uuid[])`,
        [planId, ids],
      );
      return new Set(rows.map((r) => r.id));
    };
    const goalIds = await known(
      'plan_goal',
      dto.goals.flatMap((g) => (g.id ? [g.id] : [])),
    );
    dto.goals.forEach((g, i) => {
      if (g.id && !goalIds.has(g.id))
        errors.push({ field: `goals.${i}.id`, code: 'not-in-plan', message: 'is not a goal of this plan' });
    });
    const actionIds = await known(
      'plan_action',
      dto.actions.flatMap((a) => (a.id ? [a.id] : [])),
    );
    const inCase = this.caseAgencies(facts);
    const responsible = dto.actions.flatMap((a) => (a.responsibleUserId ? [a.responsibleUserId] : []));
    const users: { id: string; agency_id: string }[] = responsible.length
      ? await manager.query(`SELECT id, agency_id FROM app_user WHERE id = ANY ($1::uuid[]) AND active`, [responsible])
      : [];
    dto.actions.forEach((a, i) => {
      if (a.id && !actionIds.has(a.id)) {
        errors.push({ field: `actions.${i}.id`, code: 'not-in-plan', message: 'is not an action of this plan' });
      }
      if (!inCase.has(a.agencyId)) {
        errors.push({
          field: `actions.${i}.agencyId`,
          code: 'not-in-case',
          message: 'must be the school or an agency in the case',
        });
      }
      if (a.responsibleUserId && !users.some((u) => u.id === a.responsibleUserId && u.agency_id === a.agencyId)) {
        errors.push({
          field: `actions.${i}.responsibleUserId`,
          code: 'not-a-member',
          message: "must be an active user of the action's agency",
        });
      }
    });
    // An intervention: active in the catalogue of the case's organisation, or the one the action already uses.
    const wanted = dto.actions.flatMap((a) => (a.interventionId ? [a.interventionId] : []));
    const usable: { id: string; active: boolean; actions: string[] }[] = wanted.length
      ? await manager.query(
          `SELECT i.id, i.active,
                  ARRAY(SELECT pa.id FROM plan_action pa WHERE pa.plan_id = $3 AND pa.intervention_id = i.id) AS actions
             FROM intervention i JOIN agency s ON s.id = $1 AND s.organisation_id = i.organisation_id
            WHERE i.id = ANY ($2::uuid[])`,
          [facts.schoolId, wanted, planId],
        )
      : [];
    dto.actions.forEach((a, i) => {
      const found = usable.find((u) => u.id === a.interventionId);
      if (a.interventionId && !(found && (found.active || (a.id && found.actions.includes(a.id))))) {
        errors.push({
          field: `actions.${i}.interventionId`,
          code: 'not-in-catalogue',
          message: "must be an active intervention of the catalogue of the case's organisation",
        });
      }
    });
    if (errors.length) throw unprocessable('The plan refers to something that does not fit the case.', errors);
  }

  private async writeGoals(manager: EntityManager, planId: string, dto: PutPlanDto): Promise<void> {
    const keep = dto.goals.flatMap((g) => (g.id ? [g.id] : []));
    await manager.query(
      `UPDATE plan_goal SET removed_at = now() WHERE plan_id = $1 AND removed_at IS NULL AND NOT (id = ANY ($2::uuid[]))`,
      [planId, keep],
    );
    for (const [position, g] of dto.goals.entries()) {
      const values = [
        position,
        g.text.trim(),
        g.target?.attendancePercent ?? null,
        g.target?.byDate ?? null,
        g.target?.text?.trim() ?? null,
      ];
      if (g.id) {
        await manager.query(
          `UPDATE plan_goal SET position = $2, text = $3, target_attendance_percent = $4, target_date = $5,
                  target_text = $6, removed_at = NULL
            WHERE id = $1`,
          [g.id, ...values],
        );
      } else {
        await manager.query(
          `INSERT INTO plan_goal (plan_id, position, text, target_attendance_percent, target_date, target_text)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [planId, ...values],
        );
      }
    }
  }

  /** Who each action of the plan is given to (agency and person), by action id. */
  private async assignments(manager: EntityManager, planId: string): Promise<Map<string, string>> {
    const rows: { id: string; assignment: string }[] = await manager.query(
      `SELECT id, ${ASSIGNMENT} AS assignment FROM plan_action WHERE plan_id = $1 AND removed_at IS NULL`,
      [planId],
    );
    return new Map(rows.map((r) => [r.id, r.assignment]));
  }

  /**
   * Tells the agency (and the responsible person) of each open action this version gave them: a
   * new action, or one moved to another agency or person. A PUT that leaves an assignment as it was
   * tells nobody again; giving an action back to someone who had it before tells them again (the
   * plan version is in the dedupe key).
   */
  private async notifyAssigned(
    manager: EntityManager,
    caller: Caller,
    planId: string,
    caseId: string,
    version: number,
    before: Map<string, string>,
  ): Promise<void> {
    const actions: {
      id: string;
      agency_id: string;
      responsible_user_id: string | null;
      due_date: string;
      assignment: string;
    }[] = await manager.query(
      `SELECT id, agency_id, responsible_user_id, to_char(due_date, 'YYYY-MM-DD') AS due_date,
                ${ASSIGNMENT} AS assignment FROM plan_action
          WHERE plan_id = $1 AND removed_at IS NULL AND status IN ('planned', 'in_progress')`,
      [planId],
    );
    for (const a of actions) {
      if (before.get(a.id) === a.assignment) continue;
      await this.notifier.notify(
        manager,
        'action.assigned',
        { key: `${a.id}:v${version}`, caseId, agencyId: a.agency_id, userId: a.responsible_user_id, date: a.due_date },
        caller.userId,
      );
    }
  }

  private async writeActions(
    manager: EntityManager,
    planId: string,
    caseId: string,
    dto: PutPlanDto,
    keepStatus: ReadonlyMap<string, ActionStatus>,
  ): Promise<void> {
    const keep = dto.actions.flatMap((a) => (a.id ? [a.id] : []));
    await manager.query(
      `UPDATE plan_action SET removed_at = now(), updated_at = now()
        WHERE plan_id = $1 AND removed_at IS NULL AND NOT (id = ANY ($2::uuid[]))`,
      [planId, keep],
    );
    for (const [position, a] of dto.actions.entries()) {
      const values = [
        position,
        a.description.trim(),
        a.agencyId,
        a.responsibleUserId ?? null,
        a.startDate ?? null,
        a.dueDate,
        (a.id && keepStatus.get(a.id)) || a.status,
        a.interventionId ?? null,
      ];
      if (a.id) {
        // updated_at moves only when the action itself changed (not its place in the list).
        await manager.query(
          `UPDATE plan_action SET position = $2, description = $3, agency_id = $4, responsible_user_id = $5,
                  start_date = $6, due_date = $7, status = $8, intervention_id = $9, removed_at = NULL,
                  updated_at = CASE WHEN removed_at IS NOT NULL
                    OR (description, agency_id, responsible_user_id, start_date, due_date, status, intervention_id)
                       IS DISTINCT FROM ($3, $4::uuid, $5::uuid, $6::date, $7::date, $8, $9::uuid)
                    THEN now() ELSE updated_at END,
                  version = CASE WHEN removed_at IS NOT NULL
                    OR (description, agency_id, responsible_user_id, start_date, due_date, status, intervention_id)
                       IS DISTINCT FROM ($3, $4::uuid, $5::uuid, $6::date, $7::date, $8, $9::uuid)
                    THEN version + 1 ELSE version END
            WHERE id = $1`,
          [a.id, ...values],
        );
      } else {
        await manager.query(
          `INSERT INTO plan_action (plan_id, case_id, position, description, agency_id, responsible_user_id,
                                    start_date, due_date, status, intervention_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [planId, caseId, ...values],
        );
      }
    }
  }
}

interface GoalRow {
  id: string;
  text: string;
  percent: number | null;
  by_date: string | null;
  target_text: string | null;
}

interface ActionRow {
  id: string;
  description: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  responsible_user_id: string | null;
  responsible_name: string | null;
  start_date: string | null;
  due_date: string;
  status: ActionStatus;
  version: number;
  intervention_id: string | null;
  updated_at: Date;
}

interface NoteRow {
  id: string;
  action_id: string;
  text: string;
  author_id: string;
  author_name: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  created_at: Date;
}

interface AgreementRow {
  id: string;
  participant: AgreementDto['participant'];
  agency_id: string | null;
  agency_name: string | null;
  agency_type: string | null;
  name: string;
  agreed_at: Date;
  plan_version: number;
  recorded_by: string;
  recorded_by_name: string;
}

interface VersionRow {
  version: number;
  change: string;
  changed_by: string;
  changed_by_name: string;
  agency_id: string;
  agency_name: string;
  agency_type: string;
  changed_at: Date;
}

/** An action as the work list shows it: the plan's action row plus its case and due marks. */
interface WorkListRow extends Omit<ActionRow, 'updated_at' | 'version'> {
  case_id: string;
  reference: string;
  due: boolean;
  overdue: boolean;
}

const VERSION_SELECT = `
  SELECT v.version, v.change, v.changed_by, u.display_name AS changed_by_name,
         v.agency_id, a.name AS agency_name, a.type AS agency_type, v.changed_at
    FROM plan_version v
    JOIN app_user u ON u.id = v.changed_by
    JOIN agency a ON a.id = v.agency_id`;

/**
 * The plan with the family's names among those who agreed only where the caller may see them
 * (as the case summary: `namesVisible`); agencies' representatives keep theirs.
 */
function withNames(plan: PlanDto, names: NamesVisible): PlanDto {
  // Old snapshots may lack agreements altogether.
  if ((names.pupil && names.guardians) || !plan.agreements) return plan;
  return {
    ...plan,
    agreements: plan.agreements.map((a) => {
      const visible = a.participant === 'agency' || (a.participant === 'pupil' ? names.pupil : names.guardians);
      return visible ? a : { ...a, name: null };
    }),
  };
}

const versionSummary = (r: VersionRow): PlanVersionSummaryDto => ({
  version: r.version,
  change: r.change,
  changedBy: { id: r.changed_by, displayName: r.changed_by_name },
  agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
  changedAt: iso(r.changed_at)!,
});

/** The plan as GET returns it (and as each version's snapshot keeps it), or null if none. */
export async function loadPlan(manager: EntityManager, caseId: string): Promise<PlanDto | null> {
  const [p] = await manager.query(
    `SELECT p.id, p.case_id, p.version, p.pupil_view, p.guardian_view, p.created_at, p.updated_at,
          p.updated_by, u.display_name AS updated_by_name,
          ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(p.review_dates) AS d ORDER BY d) AS review_dates
     FROM case_plan p JOIN app_user u ON u.id = p.updated_by
    WHERE p.case_id = $1`,
    [caseId],
  );
  if (!p) return null;
  const goals: GoalRow[] = await manager.query(
    `SELECT id, text, target_attendance_percent::float8 AS percent, to_char(target_date, 'YYYY-MM-DD') AS by_date,
          target_text
     FROM plan_goal WHERE plan_id = $1 AND removed_at IS NULL ORDER BY position, id`,
    [p.id],
  );
  const actions: ActionRow[] = await manager.query(
    `SELECT pa.id, pa.description, pa.agency_id, a.name AS agency_name, a.type AS agency_type,
          pa.responsible_user_id, u.display_name AS responsible_name,
          to_char(pa.start_date, 'YYYY-MM-DD') AS start_date, to_char(pa.due_date, 'YYYY-MM-DD') AS due_date,
          pa.status, pa.version, pa.intervention_id, pa.updated_at
     FROM plan_action pa
     JOIN agency a ON a.id = pa.agency_id
     LEFT JOIN app_user u ON u.id = pa.responsible_user_id
    WHERE pa.plan_id = $1 AND pa.removed_at IS NULL
    ORDER BY pa.position, pa.id`,
    [p.id],
  );
  const notes: NoteRow[] = await manager.query(
    `SELECT n.id, n.action_id, n.text, n.author_id, u.display_name AS author_name,
          n.agency_id, a.name AS agency_name, a.type AS agency_type, n.created_at
     FROM plan_action_note n
     JOIN plan_action pa ON pa.id = n.action_id
     JOIN app_user u ON u.id = n.author_id
     JOIN agency a ON a.id = n.agency_id
    WHERE pa.plan_id = $1 AND pa.removed_at IS NULL
    ORDER BY n.created_at, n.id`,
    [p.id],
  );
  const agreements: AgreementRow[] = await manager.query(
    `SELECT g.id, g.participant, g.agency_id, a.name AS agency_name, a.type AS agency_type, g.name, g.agreed_at,
          g.plan_version, g.recorded_by, u.display_name AS recorded_by_name
     FROM plan_agreement g
     LEFT JOIN agency a ON a.id = g.agency_id
     JOIN app_user u ON u.id = g.recorded_by
    WHERE g.plan_id = $1
    ORDER BY g.agreed_at, array_position(ARRAY['pupil', 'guardian', 'agency'], g.participant), g.name, g.id`,
    [p.id],
  );
  const agreement = await planRepository.agreementState(manager, p.id);
  return {
    id: p.id,
    caseId: p.case_id,
    version: p.version,
    agreedVersion: agreement.agreedVersion,
    changedSinceAgreement: agreement.changedSinceAgreement,
    goals: goals.map((g): GoalDto => ({
      id: g.id,
      text: g.text,
      target:
        g.percent === null && g.by_date === null && g.target_text === null
          ? null
          : { attendancePercent: g.percent, byDate: g.by_date, text: g.target_text },
    })),
    actions: actions.map((r): ActionDto => ({
      id: r.id,
      description: r.description,
      agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
      responsible: r.responsible_user_id ? { id: r.responsible_user_id, displayName: r.responsible_name! } : null,
      startDate: r.start_date,
      dueDate: r.due_date,
      status: r.status,
      version: r.version,
      etag: actionEtagOf(r.version),
      interventionId: r.intervention_id,
      updatedAt: iso(r.updated_at)!,
      progressNotes: notes
        .filter((n) => n.action_id === r.id)
        .map((n) => ({
          id: n.id,
          text: n.text,
          author: { id: n.author_id, displayName: n.author_name },
          agency: { id: n.agency_id, name: n.agency_name, type: n.agency_type },
          createdAt: iso(n.created_at)!,
        })),
    })),
    pupilView: p.pupil_view,
    guardianView: p.guardian_view,
    reviewDates: p.review_dates,
    agreements: agreements.map((g): AgreementDto => ({
      id: g.id,
      participant: g.participant,
      agency: g.agency_id ? { id: g.agency_id, name: g.agency_name!, type: g.agency_type! } : null,
      name: g.name,
      agreedAt: iso(g.agreed_at)!,
      planVersion: g.plan_version,
      recordedBy: { id: g.recorded_by, displayName: g.recorded_by_name },
    })),
    createdAt: iso(p.created_at)!,
    updatedBy: { id: p.updated_by, displayName: p.updated_by_name },
    updatedAt: iso(p.updated_at)!,
  };
}
