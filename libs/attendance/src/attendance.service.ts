import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, toPage, ValidationError } from '@app/http';
import { StudentsService } from '@app/students';
import { absenceFigures, AbsenceFigures } from './absence-figures';
import { refreshAttendanceDays } from './attendance-days';
import { DateRangeQuery, LessonDto, LessonListQuery, RecordLessonDto } from './attendance.dto';
import { lessonProblems } from './lesson-rules';
import { addDays, daysBetween, isIsoDate, swedishDate } from '@app/calendar';

const MAX_RANGE_DAYS = 400;

interface LessonRow {
  student_id: string;
  lesson_date: string;
  start_time: string;
  offered_minutes: number;
  attended_minutes: number;
  valid_absence_minutes: number;
  invalid_absence_minutes: number;
  reason: string | null;
  reported: boolean;
  source: string;
  external_id: string | null;
  updated_at: Date;
}

const LESSON_SELECT = `SELECT student_id, to_char(lesson_date, 'YYYY-MM-DD') AS lesson_date, to_char(start_time, 'HH24:MI') AS start_time,
                              offered_minutes, attended_minutes, valid_absence_minutes, invalid_absence_minutes,
                              reason, reported, source, external_id, updated_at
                         FROM attendance_lesson`;

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    return this.dataSource.transaction(async (manager) => {
      await this.students.requireStudent(caller, studentId, 'attendance.write', 'write', manager);
      const [row]: LessonRow[] = await manager.query(
        `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                        valid_absence_minutes, invalid_absence_minutes, reason, source, external_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'manual', $9)
         ON CONFLICT (student_id, lesson_date, start_time) DO UPDATE
            SET offered_minutes = excluded.offered_minutes, attended_minutes = excluded.attended_minutes,
                valid_absence_minutes = excluded.valid_absence_minutes,
                invalid_absence_minutes = excluded.invalid_absence_minutes, reason = excluded.reason,
                source = excluded.source, external_id = coalesce(excluded.external_id, attendance_lesson.external_id),
                reported = true, updated_at = now()
         RETURNING student_id, to_char(lesson_date, 'YYYY-MM-DD') AS lesson_date, to_char(start_time, 'HH24:MI') AS start_time,
                   offered_minutes, attended_minutes, valid_absence_minutes, invalid_absence_minutes, reason, reported,
                   source, external_id, updated_at`,
        [
          studentId,
          dto.date,
          dto.startTime,
          dto.offeredMinutes,
          attended,
          dto.validAbsenceMinutes,
          dto.invalidAbsenceMinutes,
          dto.reason?.trim() || null,
          dto.externalId ?? null,
        ],
      );
      await refreshAttendanceDays(manager, `SELECT $1::uuid AS student_id, $2::date AS lesson_date`, [
        studentId,
        dto.date,
      ]);
      return toLesson(row);
    });
  }

  async lessons(caller: Caller, studentId: string, query: LessonListQuery): Promise<Page<LessonDto>> {
    await this.students.requireStudent(caller, studentId, 'attendance.read');
    const { from, to } = dateRange(query);
    const cursor = decodeCursor(query.cursor, ['date', 'time']);
    const rows: LessonRow[] = await this.dataSource.query(
      `${LESSON_SELECT}
        WHERE student_id = $1 AND lesson_date BETWEEN $2 AND $3
          ${cursor ? `AND (lesson_date, start_time) < ($5::date, $6::time)` : ''}
        ORDER BY lesson_date DESC, start_time DESC LIMIT $4`,
      [studentId, from, to, query.limit + 1, ...(cursor ?? [])],
    );
    return toPage(rows, query.limit, (r) => [r.lesson_date, r.start_time], toLesson);
  }

  async studentAbsence(caller: Caller, studentId: string, query: DateRangeQuery): Promise<AbsenceFigures> {
    await this.students.requireStudent(caller, studentId, 'absence.read');
    const { from, to } = dateRange(query);
    return absenceFigures(this.dataSource.manager, `SELECT $1::uuid AS id`, [studentId], from, to);
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
    return absenceFigures(
      this.dataSource.manager,
      `SELECT id FROM student WHERE school_id = $1 AND class_name = $2`,
      [schoolId, className],
      from,
      to,
    );
  }
}
