import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Action, Caller, caseScopes, CaseSubjectFacts, ConsentFacts, ConsentScope } from '@app/access';
import { ConflictError } from '@app/http';
import { CasesRepository } from './cases.repository';

export type CaseStatus = 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';

/** A case as the access layer and the case modules need it. */
export interface CaseFacts {
  id: string;
  reference: string;
  studentId: string;
  schoolId: string;
  /** The school's organisation: the one responsible for the case (its auditor reads the log). */
  organisationId: string;
  coordinatorId: string;
  status: CaseStatus;
  /** The pupil has protected identity (skyddade personuppgifter). */
  protectedIdentity: boolean;
  subject: CaseSubjectFacts;
  /** What of the case this caller may see (all for the school, the consent scopes for others). */
  scopes: Set<ConsentScope>;
}

/** What a check into a case asks: the action, the access-log name, and the transaction to run in. */
export interface CaseCheck {
  action: Action;
  /** The action's name in the access log, e.g. `case.read`. */
  log: string;
  /** The transaction the check (and its row lock) belongs to; the data source's manager if absent. */
  tx?: EntityManager;
  /** Lock the case row (FOR UPDATE) for the rest of the transaction. */
  lock?: boolean;
}

/** The coordination checks always write inside a transaction and lock the case by default. */
export type CoordinationCheck = Omit<CaseCheck, 'action' | 'tx'> & { tx: EntityManager };

/**
 * The one way into a case: loads its facts (mobilised agencies, consents) and asks the access
 * layer, which logs the check. Unknown cases and cases the caller may not see both answer 404.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly repository: CasesRepository,
    private readonly access: AccessService,
  ) {}

  async require(caller: Caller, caseId: string, check: CaseCheck): Promise<CaseFacts> {
    const manager = check.tx ?? this.repository.manager;
    const facts = await this.load(manager, caseId, check.lock ?? false);
    await this.access.require({
      caller,
      action: check.action,
      logAction: check.log,
      subject: facts?.subject ?? null,
      subjectType: 'case',
      subjectId: caseId,
      manager,
      subjectOrganisationId: facts?.organisationId,
    });
    return { ...facts!, scopes: caseScopes(caller, facts!.subject) };
  }

  /**
   * The follow-ups of a case: as the case itself while it is open; after closure, outside
   * agencies only where a recorded follow-up names them (and their consent is in force).
   */
  async requireFollowUps(caller: Caller, caseId: string, logAction: string): Promise<CaseFacts> {
    const facts = await this.load(this.repository.manager, caseId);
    await this.access.require({
      caller,
      action: 'read',
      logAction,
      subject: facts ? { type: 'case-follow-ups', case: facts.subject } : null,
      subjectType: 'case',
      subjectId: caseId,
      subjectOrganisationId: facts?.organisationId,
    });
    return { ...facts!, scopes: caseScopes(caller, facts!.subject) };
  }

  /** For what only the school's elevhälsa does (invitations, meetings, status, reviews, follow-ups). */
  async requireCoordination(caller: Caller, caseId: string, check: CoordinationCheck) {
    const logAction = check.log;
    const facts = await this.require(caller, caseId, {
      action: 'write',
      log: logAction,
      tx: check.tx,
      lock: check.lock ?? true,
    });
    if (!caller.roles.includes('elevhalsa') || caller.agencyId !== facts.schoolId) {
      await this.access.forbid(caller, logAction, 'case', caseId, 'Only the school’s elevhälsa coordinates the case.');
    }
    return facts;
  }

  /** Rule 3: the case's own coordinator edits the plan and the consents; another elevhälsa gets 403. */
  async requireCoordinator(caller: Caller, caseId: string, check: CoordinationCheck) {
    const logAction = check.log;
    const facts = await this.requireCoordination(caller, caseId, check);
    if (caller.userId !== facts.coordinatorId) {
      await this.access.forbid(caller, logAction, 'case', caseId, 'Only the case’s coordinator does this.');
    }
    return facts;
  }

  /** A part of a case that needs a consent scope the caller's agency may lack (403, logged). */
  async requireScope(caller: Caller, facts: CaseFacts, scope: ConsentScope, logAction: string): Promise<void> {
    if (!facts.scopes.has(scope)) {
      await this.access.forbid(caller, logAction, 'case', facts.id, `The consent does not cover ${scope}.`);
    }
  }

  async load(manager: EntityManager, caseId: string, lock = false): Promise<Omit<CaseFacts, 'scopes'> | null> {
    // One round trip: the case row with its mobilised agencies, consents and the agencies its
    // follow-ups name. With `lock`, only the case row is locked.
    const row = await this.repository.findFacts(manager, caseId, lock);
    if (!row) return null;
    return {
      id: row.id,
      reference: row.reference,
      studentId: row.student_id,
      schoolId: row.school_id,
      organisationId: row.organisation_id,
      coordinatorId: row.coordinator_id,
      status: row.status,
      protectedIdentity: row.protected_identity,
      subject: {
        type: 'case',
        schoolId: row.school_id,
        closed: row.status === 'closed',
        followUpAgencyIds: row.follow_up_agencies,
        mobilisedAgencyIds: row.mobilised,
        consents: row.consents.map((c): ConsentFacts => ({
          agencyId: c.agency_id,
          scope: c.scope,
          givenAt: c.given_at,
          validUntil: c.valid_until,
          withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at) : null,
        })),
      },
    };
  }
}

/** Whose names an answer to this caller may carry: the pupil's, the guardians'. */
export interface NamesVisible {
  pupil: boolean;
  guardians: boolean;
}

/**
 * Names follow the case summary: the school's principal and elevhälsa see them; an outside
 * agency sees the pupil's name only with `case_summary` in its consent, and the guardians' names
 * the same way but never under protected identity (a guardian's name leads to the family).
 */
export function namesVisible(caller: Caller, facts: CaseFacts): NamesVisible {
  if (caller.agencyType === 'school' && caller.agencyId === facts.schoolId) return { pupil: true, guardians: true };
  const summary = facts.scopes.has('case_summary');
  return { pupil: summary, guardians: summary && !facts.protectedIdentity };
}

/** Closed cases are history: nothing more is done in them. */
export function requireActive(facts: { status: CaseStatus }): void {
  if (facts.status === 'closed') throw new ConflictError('The case is closed; nothing more can be done in it.');
}
