import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import {
  ConflictError,
  decodeCursor,
  NotFoundError,
  Page,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@app/http';
import { maskPersonnummer, StudentsService } from '@app/students';
import {
  CreateGuardianNoticeDto,
  GuardianNoticeDto,
  GuardianNoticeItemDto,
  GuardianNoticeQuery,
} from './guardian-notices.dto';
import { GuardianNoticesRepository } from './guardian-notices.repository';
import { noticeProblems } from './guardian-notices.rules';
import { referenceDay } from './watchlist.service';

/** Same-day notice to guardians of invalid absence (skollagen 7 kap. 17 §). No contact details here. */
@Injectable()
export class GuardianNoticesService {
  constructor(
    private readonly repository: GuardianNoticesRepository,
    private readonly access: AccessService,
    private readonly students: StudentsService,
  ) {}

  async list(caller: Caller, schoolId: string, query: GuardianNoticeQuery): Promise<Page<GuardianNoticeItemDto>> {
    await this.access.requireSchool(caller, schoolId, 'guardianNotice.list');
    const day = referenceDay(query.date);
    const rows = await this.repository.list({
      schoolId,
      day,
      pendingOnly: query.pending === 'true',
      className: query.className,
      after: decodeCursor(query.cursor, ['text', 'text', 'text', 'uuid']),
      limit: query.limit + 1,
    });
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.class_name, r.last_name, r.first_name, r.id],
      (r): GuardianNoticeItemDto => ({
        studentId: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        className: r.class_name,
        grade: r.grade,
        personnummerMasked: maskPersonnummer(r.personnummer),
        date: day,
        invalidAbsenceMinutes: r.invalid,
        informed:
          r.method && r.informed_at && r.recorded_by
            ? {
                method: r.method,
                informedAt: r.informed_at.toISOString(),
                recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name ?? '' },
              }
            : null,
      }),
    );
    await this.access.logList(
      caller,
      'guardianNotice.list',
      'student',
      page.items.map((i) => i.studentId),
    );
    return page;
  }

  async create(caller: Caller, studentId: string, dto: CreateGuardianNoticeDto): Promise<GuardianNoticeDto> {
    const informedAt = new Date(dto.informedAt);
    const errors = noticeProblems(dto.date, informedAt, new Date());
    if (errors.length) throw new ValidationError(errors);
    return this.repository.transaction(async (manager) => {
      await this.students.requireStudent(caller, studentId, 'guardianNotice.create', 'write', manager);
      const invalidMinutes = await this.repository.invalidMinutes(manager, studentId, dto.date);
      if (invalidMinutes === null || invalidMinutes <= 0) {
        throw new UnprocessableError('The pupil has no invalid absence recorded on this day.', {
          errors: [{ field: 'date', code: 'no-invalid-absence', message: 'no invalid absence on this day' }],
        });
      }
      const id = await this.repository.insert(manager, {
        studentId,
        date: dto.date,
        method: dto.method,
        informedAt,
        recordedBy: caller.userId,
      });
      if (!id) {
        throw new ConflictError('The guardians are already recorded as informed of this day.', {
          errors: [{ field: 'date', code: 'already-exists', message: 'already recorded' }],
        });
      }
      await this.access.logChange(caller, 'guardianNotice.create', 'student', [studentId], manager);
      return this.load(manager, id);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<GuardianNoticeDto> {
    const row = await this.repository.find(manager, id);
    if (!row) throw new NotFoundError('guardian notice');
    return {
      id: row.id,
      studentId: row.student_id,
      date: row.absence_date,
      method: row.method,
      informedAt: row.informed_at.toISOString(),
      recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
      createdAt: row.created_at.toISOString(),
    };
  }
}
