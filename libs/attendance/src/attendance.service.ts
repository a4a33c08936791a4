import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, toPage, ValidationError } from '@app/http';
import { StudentsService } from '@app/students';
import { AbsenceFigures, classAbsenceFigures, pupilAbsenceFigures } from './absence-figures';
import { AttendanceRepository, LessonRow } from './attendance.repository';
import { DateRangeQuery, LessonDto, LessonListQuery, RecordLessonDto } from './attendance.dto';
import { lessonProblems } from './lesson-rules';
import { addDays, daysBetween, isIsoDate, swedishDate } from '@app/calendar';

const MAX_RANGE_DAYS = 400;

const toLesson = (r: LessonRow): LessonDto => ({
  studentId: r.student_id,
  date: r.lesson_date,
  startTime: r.start_time,
  offeredMinutes: r.offered_minutes,
  attendanceMinutes: r.attended_minutes,
  validAbsenceMinutes: r.valid_absence_minutes,
  invalidAbsenceMinutes: r.invalid_absence_minutes,
  reason: r.reason,
  reported: r.reported,
  source: r.source,
  externalId: r.external_id,
  updatedAt: r.updated_at.toISOString(),
});

/** A checked date range: defaults to the 12 weeks up to today, at most ~13 months. */
export function dateRange(query: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  const to = query.to ?? swedishDate(now);
  const from = query.from ?? addDays(to, -83);
  const errors = [
    ...(!isIsoDate(from) ? [{ field: 'from', code: 'invalid-date', message: 'from must be a real date' }] : []),
    ...(!isIsoDate(to) ? [{ field: 'to', code: 'invalid-date', message: 'to must be a real date' }] : []),
  ];
  if (!errors.length && from > to)
    errors.push({ field: 'from', code: 'range-reversed', message: 'from must not be after to' });
  if (!errors.length && daysBetween(from, to) > MAX_RANGE_DAYS) {
    errors.push({
      field: 'from',
      code: 'range-too-long',
      message: `the range may span at most ${MAX_RANGE_DAYS} days`,
    });
  }
  if (errors.length) throw new ValidationError(errors);
  return { from, to };
}

/** Lesson attendance of one pupil, entered by hand, and absence figures of pupils and classes. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly repository: AttendanceRepository,
    private readonly students: StudentsService,
    private readonly access: AccessService,
  ) {}

  /** Records one lesson (or corrects it: the lesson's date and start time are its key). */
  async record(caller: Caller, studentId: string, dto: RecordLessonDto): Promise<LessonDto> {
    const attended = dto.attendanceMinutes ?? dto.offeredMinutes - dto.validAbsenceMinutes - dto.invalidAbsenceMinutes;
    const problems = lessonProblems(
      {
        date: dto.date,
        startTime: dto.startTime,
        offeredMinutes: dto.offeredMinutes,
        attendedMinutes: Math.max(attended, 0),
        validAbsenceMinutes: dto.validAbsenceMinutes,
        invalidAbsenceMinutes: dto.invalidAbsenceMinutes,
      },
      swedishDate(),
    );
    if (attended < 0) {
      problems.push({
        field: 'invalid_absence_minutes',
        code: 'minutes-exceed-offered',
        reason: 'absent minutes exceed the scheduled (offered) minutes',
      });
    }
    if (problems.length) {
      const camel = (field: string) =>
        field === 'attendance_minutes'
          ? 'attendanceMinutes'
          : field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      throw new ValidationError(problems.map((p) => ({ field: camel(p.field), code: p.code, message: p.reason })));
    }
    return this.repository.transaction(async (manager) => {
      await this.students.requireStudent(caller, studentId, 'attendance.write', 'write', manager);
      const row = await this.repository.saveManualLesson(manager, {
        studentId,
        date: dto.date,
        startTime: dto.startTime,
        offeredMinutes: dto.offeredMinutes,
        attendedMinutes: attended,
        validAbsenceMinutes: dto.validAbsenceMinutes,
        invalidAbsenceMinutes: dto.invalidAbsenceMinutes,
        reason: dto.reason?.trim() || null,
        externalId: dto.externalId ?? null,
      });
      await this.repository.refreshDay(manager, studentId, dto.date);
      return toLesson(row);
    });
  }

  async lessons(caller: Caller, studentId: string, query: LessonListQuery): Promise<Page<LessonDto>> {
    await this.students.requireStudent(caller, studentId, 'attendance.read');
    const { from, to } = dateRange(query);
    const cursor = decodeCursor(query.cursor, ['date', 'time']);
    const rows = await this.repository.lessons(studentId, from, to, query.limit + 1, cursor);
    return toPage(rows, query.limit, (r) => [r.lesson_date, r.start_time], toLesson);
  }

  async studentAbsence(caller: Caller, studentId: string, query: DateRangeQuery): Promise<AbsenceFigures> {
    await this.students.requireStudent(caller, studentId, 'absence.read');
    const { from, to } = dateRange(query);
    return pupilAbsenceFigures(this.repository.manager, studentId, from, to);
  }

  async classAbsence(
    caller: Caller,
    schoolId: string,
    className: string,
    query: DateRangeQuery,
  ): Promise<AbsenceFigures> {
    await this.access.requireSchool(caller, schoolId, 'absence.read.class', {
      type: 'class',
      id: `${schoolId}/${className}`,
    });
    const { from, to } = dateRange(query);
    return classAbsenceFigures(this.repository.manager, schoolId, className, from, to);
  }
}
