import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError } from '@app/http';
import { AccessLogService } from './access-log.service';
import { Action, decide, scopeCondition, SqlCondition, SubjectFacts } from './access-policy';
import type { Caller } from './caller';
import { SchoolDirectory } from './school-directory';

/** Who made a change: a caller, or an SS 12000 sync acting for a school (no user). */
export type ChangeAuthor = Pick<Caller, 'agencyId' | 'organisationId' | 'requestId'> & { userId: string | null };

/** What the access log needs to know about one check. */
export interface AccessCheck {
  caller: Caller;
  action: Action;
  /** verb-noun for the log, e.g. `student.read`. */
  logAction: string;
  subject: SubjectFacts | null;
  subjectType: string;
  subjectId: string;
  requestId?: string;
  /** The manager of the transaction the action runs in, so the log commits with it. */
  manager?: EntityManager;
  /** The organisation responsible for the subject, when known (see AccessLogEntry). */
  subjectOrganisationId?: string;
}

/**
 * The object-level half of the access layer: asks the policy, logs the outcome, throws the
 * right error. `subject: null` (the object doesn't exist) answers exactly like a hidden object.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly accessLog: AccessLogService,
    private readonly schools: SchoolDirectory,
  ) {}

  async require(check: AccessCheck): Promise<void> {
    const decision = check.subject ? decide(check.caller, check.action, check.subject) : 'hidden';
    await this.accessLog.record(
      {
        caller: check.caller,
        action: check.logAction,
        subjectType: check.subjectType,
        subjectIds: [check.subjectId],
        outcome: decision === 'allow' ? 'allowed' : 'denied',
        requestId: check.requestId ?? check.caller.requestId,
        subjectOrganisationId: check.subjectOrganisationId,
      },
      // A denial rolls the caller's transaction back, so it is logged outside it or it would be lost.
      decision === 'allow' ? check.manager : undefined,
    );
    if (decision === 'hidden') throw new NotFoundError(check.subjectType);
    if (decision === 'forbidden') throw new ForbiddenError();
  }

  /**
   * For `/schools/:id/...` routes: the school's own staff pass; any other school, or an id that
   * is no school at all, answers 404 alike (logged).
   */
  async requireSchool(
    caller: Caller,
    schoolId: string,
    logAction: string,
    subject: { type: string; id: string } = { type: 'school', id: schoolId },
  ): Promise<void> {
    const school = await this.schools.isSchool(schoolId);
    await this.require({
      caller,
      action: 'read',
      logAction,
      subject: school ? { type: 'student', schoolId } : null,
      subjectType: subject.type,
      subjectId: subject.id,
    });
  }

  scope(
    caller: Caller,
    subject: 'student' | 'organisation-member' | 'case',
    column: string,
    firstParam = 1,
  ): SqlCondition {
    return scopeCondition(caller, subject, column, firstParam);
  }

  /** Logs a change, in the transaction that makes it. The author is a user, or (userId null) a sync. */
  async logChange(
    caller: ChangeAuthor,
    logAction: string,
    subjectType: string,
    ids: string[],
    manager: EntityManager,
    detail?: Record<string, unknown>,
  ): Promise<void> {
    await this.accessLog.record(
      {
        caller,
        action: logAction,
        subjectType,
        subjectIds: ids,
        outcome: 'allowed',
        requestId: caller.requestId,
        detail,
      },
      manager,
    );
  }

  /**
   * Refuses with 403 a caller who may see the object but not this part of it (e.g. a consent
   * scope it lacks), logging the refusal outside any transaction so that it survives.
   */
  async forbid(
    caller: Caller,
    logAction: string,
    subjectType: string,
    subjectId: string,
    detail: string,
  ): Promise<never> {
    await this.logDenied(caller, logAction, subjectType, subjectId);
    throw new ForbiddenError(detail);
  }

  /** Logs a refusal decided outside the policy, on its own connection: the caller's transaction rolls back. */
  async logDenied(caller: Caller, logAction: string, subjectType: string, subjectId: string): Promise<void> {
    await this.accessLog.record({
      caller,
      action: logAction,
      subjectType,
      subjectIds: [subjectId],
      outcome: 'denied',
      requestId: caller.requestId,
    });
  }

  /** Logs a read of a list: one row per request, with every id returned. */
  async logList(caller: Caller, logAction: string, subjectType: string, ids: string[]): Promise<void> {
    await this.accessLog.record({
      caller,
      action: logAction,
      subjectType,
      subjectIds: ids,
      outcome: 'allowed',
      requestId: caller.requestId,
    });
  }
}
