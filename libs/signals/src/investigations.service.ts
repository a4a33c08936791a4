import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller, Role } from '@app/access';
import { addDays, swedishDate } from '@app/calendar';
import { encodeCursor, NotFoundError, Page, ValidationError } from '@app/http';
import { maskPersonnummer, StudentsService } from '@app/students';
import { percentOf } from './rule-evaluation';
import {
  CreateInvestigationDto,
  InvestigationDto,
  OverviewItemDto,
  OverviewQuery,
  UpdateInvestigationDto,
} from './investigations.dto';
import { InvestigationRow, InvestigationsRepository } from './investigations.repository';
import { dateProblems } from './investigations.rules';
import { decodeOffset, referenceDay } from './watchlist.service';

/**
 * "Repeated or long absence" for the overview: absence (valid and invalid alike: the duty to
 * investigate does not depend on the reason) of at least 10 % of offered minutes over the
 * 8 weeks (56 days) up to the reference day. One long absence and many scattered ones both reach it.
 */
export const OVERVIEW_WEEKS = 8;
export const OVERVIEW_PERCENT = 10;
/** An investigation counts as started when it began within 12 months before the reference day. */
export const INVESTIGATION_VALID_MONTHS = 12;

const WRITE_ROLES: Role[] = ['principal'];

const toInvestigation = (r: InvestigationRow): InvestigationDto => ({
  id: r.id,
  studentId: r.student_id,
  schoolId: r.school_id,
  startedOn: r.started_on,
  huvudmanInformedOn: r.huvudman_informed_on,
  recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
  createdAt: r.created_at.toISOString(),
});

/** Frånvaroutredning (skollagen 7 kap. 19 a §): recorded by the principal. */
@Injectable()
export class InvestigationsService {
  constructor(
    private readonly repository: InvestigationsRepository,
    private readonly access: AccessService,
    private readonly students: StudentsService,
  ) {}

  async create(caller: Caller, studentId: string, dto: CreateInvestigationDto): Promise<InvestigationDto> {
    const errors = dateProblems(dto.startedOn, dto.huvudmanInformedOn, swedishDate());
    if (errors.length) throw new ValidationError(errors);
    return this.repository.transaction(async (manager) => {
      const pupil = await this.students.requireStudent(caller, studentId, 'investigation.create', 'write', manager);
      const id = await this.repository.insert(manager, {
        studentId,
        schoolId: pupil.schoolId,
        startedOn: dto.startedOn,
        huvudmanInformedOn: dto.huvudmanInformedOn ?? null,
        recordedBy: caller.userId,
      });
      await this.access.logChange(caller, 'investigation.create', 'investigation', [id], manager);
      return this.load(manager, id);
    });
  }

  /** Records when the huvudman was informed of an investigation already started. */
  async update(caller: Caller, id: string, dto: UpdateInvestigationDto): Promise<InvestigationDto> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.facts(manager, id);
      await this.access.require({
        caller,
        action: 'write',
        logAction: 'investigation.update',
        subject: row ? { type: 'school-record', schoolId: row.school_id, roles: WRITE_ROLES } : null,
        subjectType: 'investigation',
        subjectId: id,
        manager,
      });
      const errors = dateProblems(row!.started_on, dto.huvudmanInformedOn, swedishDate()).filter(
        (e) => e.field === 'huvudmanInformedOn',
      );
      if (errors.length) throw new ValidationError(errors);
      await this.repository.setHuvudmanInformed(manager, id, dto.huvudmanInformedOn);
      await this.access.logChange(caller, 'investigation.update', 'investigation', [id], manager);
      return this.load(manager, id);
    });
  }

  async listForStudent(caller: Caller, studentId: string): Promise<InvestigationDto[]> {
    await this.students.requireStudent(caller, studentId, 'investigation.read');
    const rows = await this.repository.forStudent(studentId);
    return rows.map(toInvestigation);
  }

  /** Pupils with repeated or long absence and no investigation started in the last 12 months. */
  async overview(caller: Caller, schoolId: string, query: OverviewQuery): Promise<Page<OverviewItemDto>> {
    await this.access.requireSchool(caller, schoolId, 'investigation.overview');
    const day = referenceDay(query.date);
    const offset = decodeOffset(query.cursor);
    const rows = await this.repository.overview({
      schoolId,
      from: addDays(day, 1 - 7 * OVERVIEW_WEEKS),
      to: day,
      minPercent: OVERVIEW_PERCENT,
      validMonths: INVESTIGATION_VALID_MONTHS,
      limit: query.limit + 1,
      offset,
    });
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit).map((r): OverviewItemDto => ({
      studentId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      className: r.class_name,
      grade: r.grade,
      personnummerMasked: maskPersonnummer(r.personnummer),
      absencePercent: percentOf(r.valid + r.invalid, r.offered),
      invalidAbsencePercent: percentOf(r.invalid, r.offered),
      offeredMinutes: r.offered,
      absentMinutes: r.valid + r.invalid,
      lastInvestigationStartedOn: r.last_started_on,
      openFlag: r.open_flag,
    }));
    await this.access.logList(
      caller,
      'investigation.overview',
      'student',
      items.map((i) => i.studentId),
    );
    return { items, nextCursor: more ? encodeCursor([offset + query.limit]) : null };
  }

  private async load(manager: EntityManager, id: string): Promise<InvestigationDto> {
    const row = await this.repository.find(manager, id);
    if (!row) throw new NotFoundError('investigation');
    return toInvestigation(row);
  }
}
