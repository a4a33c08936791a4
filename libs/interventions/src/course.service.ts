import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { addDays, swedishDate } from '@app/calendar';
import { CaseAccess, recordEvent, requireActive } from '@app/cases';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '@app/http';
import { CourseDto, EndCourseDto, RecordCourseFollowUpDto, StartCourseDto } from './course.dto';
import { CourseFollowUpRow, CourseRepository, CourseRow } from './course.repository';
import {
  attendancePercentOf,
  COURSE_FOLLOW_UP_MONTHS,
  endProblems,
  FieldProblem,
  followUpDue,
  isFollowUpMonths,
  startProblems,
} from './intervention.rules';

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

function toCourseDto(r: CourseRow, followUps: CourseFollowUpRow[], figures: boolean): CourseDto {
  return {
    id: r.id,
    caseId: r.case_id,
    intervention: {
      id: r.intervention_id,
      name: r.intervention_name,
      providerAgencyType: r.provider_agency_type,
      evidenceBased: r.evidence_based,
      active: r.intervention_active,
    },
    startedOn: r.started_on,
    referredBehaviours: r.referred_behaviours,
    endedOn: r.ended_on,
    endReason: r.end_reason,
    attendanceBeforeStart: figures ? toNumber(r.attendance_before_start) : null,
    attendanceBeforeEnd: figures ? toNumber(r.attendance_before_end) : null,
    startedBy: { id: r.started_by, displayName: r.started_by_name },
    endedBy: r.ended_by ? { id: r.ended_by, displayName: r.ended_by_name! } : null,
    followUps: r.ended_on
      ? COURSE_FOLLOW_UP_MONTHS.map((months) => {
          const f = followUps.find((x) => x.course_id === r.id && Number(x.months) === months);
          return {
            months,
            ...followUpDue(r.ended_on!, months),
            recordedAt: f?.recorded_at.toISOString() ?? null,
            newInterventionFor: f?.new_intervention_for ?? null,
            schoolOrWork20h: f?.school_or_work_20h ?? null,
            recordedBy: f ? { id: f.recorded_by, displayName: f.recorded_by_name } : null,
          };
        })
      : [],
  };
}

const unprocessable = (detail: string, errors: FieldProblem[]) => new UnprocessableError(detail, { errors });

/**
 * A pupil's courses of interventions (insatser) in a case. Read by whoever sees the case's plan
 * (scope `plan`, the same consent rules); recorded by the school's elevhälsa (coordination).
 */
@Injectable()
export class CourseService {
  constructor(
    private readonly repository: CourseRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<CourseDto[]> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'interventionCourse.list' });
    await this.cases.requireScope(caller, facts, 'plan', 'interventionCourse.list');
    return this.load(this.repository.manager, caseId, facts.scopes.has('attendance'));
  }

  async start(caller: Caller, caseId: string, dto: StartCourseDto): Promise<CourseDto> {
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, {
        log: 'interventionCourse.start',
        tx: manager,
      });
      requireActive(facts);
      const problems = startProblems(dto.startedOn, swedishDate());
      if (!(await this.repository.isUsable(manager, facts.schoolId, dto.interventionId))) {
        problems.push({
          field: 'interventionId',
          message: "must be an active intervention of the catalogue of the case's organisation",
        });
      }
      if (problems.length) throw unprocessable('The course does not fit the case.', problems);
      const attendance = await this.repository.attendanceWeeks(manager, facts.studentId, dto.startedOn);
      const courseId = await this.repository.insert(manager, {
        caseId,
        interventionId: dto.interventionId,
        startedOn: dto.startedOn,
        referredBehaviours: dto.referredBehaviours,
        attendanceBeforeStart: attendancePercentOf(attendance.offered, attendance.absent),
        startedBy: caller.userId,
      });
      await recordEvent(manager, caseId, caller, 'intervention.started', {
        courseId,
        interventionId: dto.interventionId,
      });
      await this.access.logChange(caller, 'interventionCourse.start', 'intervention_course', [courseId], manager);
      return this.one(manager, caseId, courseId);
    });
  }

  /** A course may be ended after the case has closed too (what happened is recorded). */
  async end(caller: Caller, caseId: string, courseId: string, dto: EndCourseDto): Promise<CourseDto> {
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, {
        log: 'interventionCourse.end',
        tx: manager,
      });
      const course = await this.course(caller, manager, caseId, courseId, 'interventionCourse.end');
      if (course.ended_on) throw new ConflictError(`The course already ended on ${course.ended_on}.`);
      const problems = endProblems(dto.endedOn, course.started_on, swedishDate());
      if (problems.length) throw unprocessable('The end does not fit the course.', problems);
      const attendance = await this.repository.attendanceWeeks(manager, facts.studentId, addDays(dto.endedOn, 1));
      await this.repository.end(manager, courseId, {
        endedOn: dto.endedOn,
        reason: dto.reason,
        attendanceBeforeEnd: attendancePercentOf(attendance.offered, attendance.absent),
        endedBy: caller.userId,
      });
      await recordEvent(manager, caseId, caller, 'intervention.ended', { courseId, reason: dto.reason });
      await this.access.logChange(caller, 'interventionCourse.end', 'intervention_course', [courseId], manager);
      return this.one(manager, caseId, courseId);
    });
  }

  /** The 6- or 18-month follow-up after the course's end: from 14 days before it is due, once. */
  async recordFollowUp(
    caller: Caller,
    caseId: string,
    courseId: string,
    monthsParam: string,
    dto: RecordCourseFollowUpDto,
  ): Promise<CourseDto> {
    const months = Number(monthsParam);
    if (!isFollowUpMonths(months))
      throw new ValidationError([{ field: 'months', code: 'not-a-choice', message: 'months must be 6 or 18' }]);
    return this.repository.transaction(async (manager) => {
      await this.cases.requireCoordination(caller, caseId, { log: 'interventionCourse.followUp', tx: manager });
      const course = await this.course(caller, manager, caseId, courseId, 'interventionCourse.followUp');
      if (!course.ended_on) throw new ConflictError('Follow-ups are recorded after the course has ended.');
      if (await this.repository.hasFollowUp(manager, courseId, months)) {
        throw new ConflictError(`The ${months}-month follow-up of this course is already recorded.`);
      }
      const { dueOn, recordableFrom } = followUpDue(course.ended_on, months);
      if (swedishDate() < recordableFrom) {
        throw new UnprocessableError(
          `The ${months}-month follow-up is due on ${dueOn}; it can be recorded from ${recordableFrom}.`,
          { errors: [{ field: 'months', message: `too early: recordable from ${recordableFrom}` }], recordableFrom },
        );
      }
      const id = await this.repository.insertFollowUp(manager, {
        courseId,
        months,
        newInterventionFor: dto.newInterventionFor,
        schoolOrWork20h: dto.schoolOrWork20h,
        recordedBy: caller.userId,
      });
      await recordEvent(manager, caseId, caller, 'intervention.followed-up', { courseId, months });
      await this.access.logChange(caller, 'interventionCourse.followUp', 'intervention_course', [courseId], manager, {
        followUpId: id,
        months,
      });
      return this.one(manager, caseId, courseId);
    });
  }

  /** A course of this case (404, logged, for one that is not: the caller may see the case, not that id). */
  private async course(
    caller: Caller,
    manager: EntityManager,
    caseId: string,
    courseId: string,
    logAction: string,
  ): Promise<CourseRow> {
    const course = await this.repository.findInCaseForUpdate(manager, caseId, courseId);
    if (!course) {
      await this.access.logDenied(caller, logAction, 'intervention_course', courseId);
      throw new NotFoundError('intervention course');
    }
    return course;
  }

  private async load(manager: EntityManager, caseId: string, figures: boolean): Promise<CourseDto[]> {
    const courses = await this.repository.listForCase(manager, caseId);
    const followUps = await this.repository.followUpsForCase(manager, caseId);
    return courses.map((c) => toCourseDto(c, followUps, figures));
  }

  private async one(manager: EntityManager, caseId: string, courseId: string): Promise<CourseDto> {
    const courses = await this.load(manager, caseId, true);
    return courses.find((c) => c.id === courseId)!;
  }
}
