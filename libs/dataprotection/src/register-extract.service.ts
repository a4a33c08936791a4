import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '@app/access';
import { absenceFigures } from '@app/attendance';
import { loadPlan, PlanDto } from '@app/cases';
import { NotFoundError } from '@app/http';
import { Clock, CLOCK } from '@app/notifications';
import { StudentsService } from '@app/students';
import {
  EXTRACT_ACCESS_LIMIT,
  EXTRACT_LESSON_LIMIT,
  ExtractCaseDto,
  ExtractListLimitDto,
  ExtractPlanVersionDto,
  RegisterExtractDto,
  RegisterExtractQuery,
} from './register-extract.dto';
import { Period, RegisterExtractRepository } from './register-extract.repository';

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** What part of a long section the extract holds. */
const shown = (total: number, rows: number, limit: number, period: Period): ExtractListLimitDto => ({
  total,
  shown: rows,
  limit,
  truncated: rows < total,
  from: period.from ?? null,
  to: period.to ?? null,
});

/** Groups rows by their case id. */
function byCase<T extends { case_id: string }>(rows: T[]): (caseId: string) => T[] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.case_id);
    if (list) list.push(row);
    else map.set(row.case_id, [row]);
  }
  return (caseId) => map.get(caseId) ?? [];
}

/**
 * The register extract (registerutdrag, GDPR art. 15) of one pupil: everything Närvaroteam keeps
 * about the pupil and the guardians, and who has read or changed it. Only the principal of the
 * pupil's school may produce it (permission `student.registerExtract` and the pupil rule);
 * producing it is logged as `student.register_extract`. Read in one REPEATABLE READ transaction,
 * so every section shows the same moment.
 */
@Injectable()
export class RegisterExtractService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly students: StudentsService,
    private readonly repository: RegisterExtractRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async extract(caller: Caller, studentId: string, query: RegisterExtractQuery = {}): Promise<RegisterExtractDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.students.requireStudent(caller, studentId, 'student.register_extract', 'read', manager);
      return this.load(manager, studentId, query);
    });
  }

  private async load(
    manager: EntityManager,
    studentId: string,
    query: RegisterExtractQuery,
  ): Promise<RegisterExtractDto> {
    const lessonPeriod: Period = { from: query.lessonsFrom, to: query.lessonsTo };
    const accessPeriod: Period = { from: query.accessFrom, to: query.accessTo };
    const repo = this.repository;
    const student = await repo.student(manager, studentId);
    if (!student) throw new NotFoundError('student');
    const span = await repo.attendanceSpan(manager, studentId);
    // One after the other: a transaction is one connection, which runs one query at a time.
    const guardians = await repo.guardians(manager, studentId);
    const changes = await repo.changes(manager, studentId);
    const lessons = query.lessons ? await repo.lessons(manager, studentId, lessonPeriod, EXTRACT_LESSON_LIMIT) : null;
    const flags = await repo.flags(manager, studentId);
    const investigations = await repo.investigations(manager, studentId);
    const notices = await repo.guardianNotices(manager, studentId);
    const cases = await repo.cases(manager, studentId);
    const perWeek = span
      ? await absenceFigures(manager, `SELECT $1::uuid AS id`, [studentId], span.from, span.to)
      : null;
    const caseDtos = await this.loadCases(
      manager,
      cases.map((c) => c.id),
    );
    const subjectIds = await repo.subjectIds(manager, studentId);
    const accessed = await repo.accessLog(manager, subjectIds, accessPeriod, EXTRACT_ACCESS_LIMIT);
    return {
      producedAt: this.clock.now().toISOString(),
      pupil: {
        id: student.id,
        personnummer: student.personnummer,
        firstName: student.first_name,
        lastName: student.last_name,
        grade: student.grade,
        className: student.class_name,
        externalId: student.external_id,
        protectedIdentity: student.protected_identity,
        schoolId: student.school_id,
        schoolName: student.school_name,
        organisationName: student.organisation_name,
        registeredAt: iso(student.created_at),
        guardians: guardians.map((g) => ({
          id: g.id,
          name: g.name,
          relation: g.relation,
          phone: g.phone,
          email: g.email,
          registeredAt: iso(g.created_at),
        })),
        changes: changes.map((c) => ({
          field: c.field,
          oldValue: c.old_value,
          newValue: c.new_value,
          source: c.source,
          changedBy: c.changed_by_name,
          changedAt: iso(c.changed_at),
        })),
      },
      attendance: {
        perWeek,
        lessons:
          lessons?.rows.map((l) => ({
            date: l.lesson_date,
            startTime: l.start_time,
            offeredMinutes: l.offered_minutes,
            attendedMinutes: l.attended_minutes,
            validAbsenceMinutes: l.valid_absence_minutes,
            invalidAbsenceMinutes: l.invalid_absence_minutes,
            reason: l.reason,
            source: l.source,
          })) ?? null,
        lessonsShown: lessons ? shown(lessons.total, lessons.rows.length, EXTRACT_LESSON_LIMIT, lessonPeriod) : null,
      },
      flags: flags.map((f) => ({
        id: f.id,
        text: f.text,
        status: f.status,
        snapshot: f.snapshot,
        createdBy: f.created_by_name,
        createdAt: iso(f.created_at),
        triagedBy: f.triaged_by_name,
        triagedAt: isoOrNull(f.triaged_at),
        dismissReason: f.dismiss_reason,
        notes: f.notes.map((n) => ({ text: n.text, by: n.by, at: iso(n.at) })),
      })),
      investigations: investigations.map((i) => ({
        id: i.id,
        startedOn: i.started_on,
        huvudmanInformedOn: i.huvudman_informed_on,
        recordedBy: i.recorded_by_name,
      })),
      guardianNotices: notices.map((n) => ({
        absenceDate: n.absence_date,
        method: n.method,
        informedAt: iso(n.informed_at),
        recordedBy: n.recorded_by_name,
      })),
      cases: cases.map((c) => ({
        ...caseDtos.get(c.id)!,
        id: c.id,
        reference: c.reference,
        status: c.status,
        coordinator: c.coordinator_name,
        firstSignalOn: c.first_signal_on,
        openedAt: iso(c.opened_at),
        planAgreedAt: isoOrNull(c.plan_agreed_at),
        closedAt: isoOrNull(c.closed_at),
        outcome: c.outcome,
        closeReason: c.close_reason,
      })),
      accessedByShown: shown(accessed.total, accessed.rows.length, EXTRACT_ACCESS_LIMIT, accessPeriod),
      accessedBy: accessed.rows.map((a) => ({
        at: iso(a.at),
        action: a.action,
        subjectType: a.subject_type,
        user: a.user_name,
        agency: a.agency_name,
        organisation: a.organisation_name,
      })),
    };
  }

  /** Everything under the cases, keyed by case id. */
  private async loadCases(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Map<string, Omit<ExtractCaseDto, keyof CaseHead>>> {
    const result = new Map<string, Omit<ExtractCaseDto, keyof CaseHead>>();
    if (!caseIds.length) return result;
    const repo = this.repository;
    const events = byCase(await repo.timeline(manager, caseIds));
    const consents = byCase(await repo.consents(manager, caseIds));
    const invitations = byCase(await repo.mobilisations(manager, caseIds));
    const meetings = byCase(await repo.meetings(manager, caseIds));
    const mapping = byCase(await repo.mapping(manager, caseIds));
    const versions = byCase(await repo.planVersions(manager, caseIds));
    const reviews = byCase(await repo.reviews(manager, caseIds));
    const followUps = byCase(await repo.followUps(manager, caseIds));
    const courses = byCase(await repo.courses(manager, caseIds));
    for (const caseId of caseIds) {
      const plan: PlanDto | null = await loadPlan(manager, caseId);
      result.set(caseId, {
        timeline: events(caseId).map((e) => ({
          at: iso(e.at),
          kind: e.kind,
          actor: e.actor_name,
          agency: e.agency_name,
          data: e.data,
        })),
        consents: consents(caseId).map((c) => ({
          id: c.id,
          agency: c.agency_name,
          givenBy: c.given_by,
          givenByName: c.given_by_name,
          scope: c.scope,
          givenAt: c.given_at,
          validUntil: c.valid_until,
          withdrawnAt: isoOrNull(c.withdrawn_at),
          recordedBy: c.recorded_by_name,
        })),
        invitations: invitations(caseId).map((m) => ({
          id: m.id,
          agency: m.agency_name,
          message: m.message,
          invitedBy: m.invited_by_name,
          invitedAt: iso(m.invited_at),
          deadline: m.deadline,
          status: m.status,
          representative: m.representative_name,
          respondedAt: isoOrNull(m.responded_at),
          declineReason: m.decline_reason,
        })),
        meetings: meetings(caseId).map((m) => ({
          id: m.id,
          startsAt: iso(m.starts_at),
          place: m.place,
          agencies: m.agency_names,
          pupilPresent: m.pupil_present,
          guardiansPresent: m.guardians_present,
          minutes: m.minutes,
          decisions: m.decisions,
        })),
        mapping: mapping(caseId).map((m) => ({
          id: m.id,
          section: m.section,
          agency: m.agency_name,
          author: m.author_name,
          text: m.text,
          createdAt: iso(m.created_at),
          updatedAt: iso(m.updated_at),
        })),
        plan,
        planVersions: versions(caseId).map((v): ExtractPlanVersionDto => ({
          version: v.version,
          change: v.change,
          changedBy: v.changed_by_name,
          agency: v.agency_name,
          changedAt: iso(v.changed_at),
          plan: v.snapshot as PlanDto,
        })),
        reviews: reviews(caseId).map((r) => ({
          id: r.id,
          reviewedOn: r.reviewed_on,
          attendanceBeforePercent: r.attendance_before_percent,
          attendanceAfterPercent: r.attendance_after_percent,
          goalReached: r.goal_reached,
          decisions: r.decisions,
          recordedBy: r.recorded_by_name,
        })),
        followUps: followUps(caseId).map((f) => ({
          id: f.id,
          months: f.months,
          dueOn: f.due_on,
          recordedAt: isoOrNull(f.recorded_at),
          attendancePercent: f.attendance_percent,
          schoolOrWork20h: f.school_or_work_20h,
          newInterventions: f.new_interventions,
          note: f.note,
        })),
        interventionCourses: courses(caseId).map((c) => ({
          id: c.id,
          intervention: c.intervention_name,
          startedOn: c.started_on,
          referredBehaviours: c.referred_behaviours,
          attendanceBeforeStartPercent: c.attendance_before_start,
          startedBy: c.started_by_name,
          endedOn: c.ended_on,
          endReason: c.end_reason,
          attendanceBeforeEndPercent: c.attendance_before_end,
          followUps: c.follow_ups.map((f) => ({
            months: f.months,
            newInterventionFor: f.new_intervention_for,
            schoolOrWork20h: f.school_or_work_20h,
            recordedAt: iso(f.recorded_at),
            recordedBy: f.recorded_by,
          })),
        })),
      });
    }
    return result;
  }
}

/** The case's own columns, filled from its row. */
type CaseHead = Pick<
  ExtractCaseDto,
  | 'id'
  | 'reference'
  | 'status'
  | 'coordinator'
  | 'firstSignalOn'
  | 'openedAt'
  | 'planAgreedAt'
  | 'closedAt'
  | 'outcome'
  | 'closeReason'
>;
