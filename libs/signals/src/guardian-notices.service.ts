import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { isIsoDate, swedishDate } from '@app/calendar';
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
import { referenceDay } from './watchlist.service';

/** Clocks differ a little: an informedAt up to this far ahead of the server's clock is still "now". */
const CLOCK_SKEW_MS = 2 * 60_000;

interface NoticeRow {
  id: string;
  student_id: string;
  absence_date: string;
  method: string;
  informed_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

/** Same-day notice to guardians of invalid absence (skollagen 7 kap. 17 §). No contact details here. */
@Injectable()
export class GuardianNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly students: StudentsService,
  ) {}

  async list(caller: Caller, schoolId: string, query: GuardianNoticeQuery): Promise<Page<GuardianNoticeItemDto>> {
    await this.access.requireSchool(caller, schoolId, 'guardianNotice.list');
    const day = referenceDay(query.date);
    const params: unknown[] = [schoolId, day];
    const where = ['s.school_id = $1', 'd.day = $2::date', 'd.invalid_absence_minutes > 0'];
    if (query.pending === 'true') where.push('n.id IS NULL');
    if (query.className) {
      params.push(query.className);
      where.push(`s.class_name = $${params.length}`);
    }
    const cursor = decodeCursor(query.cursor, ['text', 'text', 'text', 'uuid']);
    if (cursor) {
      params.push(...cursor);
      const k = params.length - 3;
      where.push(`(s.class_name, s.last_name, s.first_name, s.id) > ($${k}, $${k + 1}, $${k + 2}, $${k + 3}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: {
      id: string;
      first_name: string;
      last_name: string;
      class_name: string;
      grade: number;
      personnummer: string;
      invalid: number;
      method: string | null;
      informed_at: Date | null;
      recorded_by: string | null;
      recorded_by_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer,
              d.invalid_absence_minutes AS invalid, n.method, n.informed_at, n.recorded_by,
              u.display_name AS recorded_by_name
         FROM attendance_day d
         JOIN student s ON s.id = d.student_id
         LEFT JOIN guardian_notice n ON n.student_id = d.student_id AND n.absence_date = d.day
         LEFT JOIN app_user u ON u.id = n.recorded_by
        WHERE ${where.join(' AND ')}
        ORDER BY s.class_name, s.last_name, s.first_name, s.id
        LIMIT $${params.length}`,
      params,
    );
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
    const errors = [];
    if (!isIsoDate(dto.date)) errors.push({ field: 'date', code: 'invalid-date', message: 'date must be a real date' });
    else if (dto.date > swedishDate())
      errors.push({ field: 'date', code: 'in-future', message: 'date must not be in the future' });
    if (Number.isNaN(informedAt.getTime())) {
      errors.push({ field: 'informedAt', code: 'invalid-date', message: 'informedAt must be a date-time' });
    } else if (informedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      errors.push({ field: 'informedAt', code: 'in-future', message: 'informedAt must not be in the future' });
    } else if (isIsoDate(dto.date) && swedishDate(informedAt) < dto.date) {
      errors.push({
        field: 'informedAt',
        code: 'before-start',
        message: 'informedAt must not be before the day of the absence',
      });
    }
    if (errors.length) throw new ValidationError(errors);
    return this.dataSource.transaction(async (manager) => {
      await this.students.requireStudent(caller, studentId, 'guardianNotice.create', 'write', manager);
      const [day] = await manager.query(
        `SELECT invalid_absence_minutes FROM attendance_day WHERE student_id = $1 AND day = $2`,
        [studentId, dto.date],
      );
      if (!day || day.invalid_absence_minutes <= 0) {
        throw new UnprocessableError('The pupil has no invalid absence recorded on this day.', {
          errors: [{ field: 'date', code: 'no-invalid-absence', message: 'no invalid absence on this day' }],
        });
      }
      const [inserted] = await manager.query(
        `INSERT INTO guardian_notice (student_id, absence_date, method, informed_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (student_id, absence_date) DO NOTHING RETURNING id`,
        [studentId, dto.date, dto.method, informedAt, caller.userId],
      );
      if (!inserted) {
        throw new ConflictError('The guardians are already recorded as informed of this day.', {
          errors: [{ field: 'date', code: 'already-exists', message: 'already recorded' }],
        });
      }
      await this.access.logChange(caller, 'guardianNotice.create', 'student', [studentId], manager);
      return this.load(manager, inserted.id);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<GuardianNoticeDto> {
    const [row]: NoticeRow[] = await manager.query(
      `SELECT n.id, n.student_id, to_char(n.absence_date, 'YYYY-MM-DD') AS absence_date, n.method, n.informed_at,
              n.recorded_by, u.display_name AS recorded_by_name, n.created_at
         FROM guardian_notice n JOIN app_user u ON u.id = n.recorded_by WHERE n.id = $1`,
      [id],
    );
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
