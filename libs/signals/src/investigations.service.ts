import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller, Role } from '@app/access';
import { addDays, isIsoDate, swedishDate } from '@app/calendar';
import { encodeCursor, FieldError, NotFoundError, Page, ValidationError } from '@app/http';
import { maskPersonnummer, StudentsService } from '@app/students';
import { percentOf } from './rule-evaluation';
import {
  CreateInvestigationDto,
  InvestigationDto,
  OverviewItemDto,
  OverviewQuery,
  UpdateInvestigationDto,
} from './investigations.dto';
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

interface InvestigationRow {
  id: string;
  student_id: string;
  school_id: string;
  started_on: string;
  huvudman_informed_on: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: Date;
}

const INVESTIGATION_SELECT = `
  SELECT i.id, i.student_id, i.school_id, to_char(i.started_on, 'YYYY-MM-DD') AS started_on,
         to_char(i.huvudman_informed_on, 'YYYY-MM-DD') AS huvudman_informed_on, i.recorded_by,
         u.display_name AS recorded_by_name, i.created_at
    FROM absence_investigation i JOIN app_user u ON u.id = i.recorded_by`;

const toInvestigation = (r: InvestigationRow): InvestigationDto => ({
  id: r.id,
  studentId: r.student_id,
  schoolId: r.school_id,
  startedOn: r.started_on,
  huvudmanInformedOn: r.huvudman_informed_on,
  recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
  createdAt: r.created_at.toISOString(),
});

function dateProblems(startedOn: string, informedOn: string | undefined, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(startedOn))
    errors.push({ field: 'startedOn', code: 'invalid-date', message: 'startedOn must be a real date' });
  else if (startedOn > today)
    errors.push({ field: 'startedOn', code: 'in-future', message: 'startedOn must not be in the future' });
  if (informedOn !== undefined) {
    if (!isIsoDate(informedOn)) {
      errors.push({
        field: 'huvudmanInformedOn',
        code: 'invalid-date',
        message: 'huvudmanInformedOn must be a real date',
      });
    } else if (informedOn > today) {
      errors.push({
        field: 'huvudmanInformedOn',
        code: 'in-future',
        message: 'huvudmanInformedOn must not be in the future',
      });
    } else if (isIsoDate(startedOn) && informedOn < startedOn) {
      errors.push({
        field: 'huvudmanInformedOn',
        code: 'before-start',
        message: 'huvudmanInformedOn must not be before startedOn',
      });
    }
  }
  return errors;
}

/** Frånvaroutredning (skollagen 7 kap. 19 a §): recorded by the principal. */
@Injectable()
export class InvestigationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly students: StudentsService,
  ) {}

  async create(caller: Caller, studentId: string, dto: CreateInvestigationDto): Promise<InvestigationDto> {
    const errors = dateProblems(dto.startedOn, dto.huvudmanInformedOn, swedishDate());
    if (errors.length) throw new ValidationError(errors);
    return this.dataSource.transaction(async (manager) => {
      const pupil = await this.students.requireStudent(caller, studentId, 'investigation.create', 'write', manager);
      const [{ id }] = await manager.query(
        `INSERT INTO absence_investigation (student_id, school_id, started_on, huvudman_informed_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [studentId, pupil.schoolId, dto.startedOn, dto.huvudmanInformedOn ?? null, caller.userId],
      );
      await this.access.logChange(caller, 'investigation.create', 'investigation', [id], manager);
      return this.load(manager, id);
    });
  }

  /** Records when the huvudman was informed of an investigation already started. */
  async update(caller: Caller, id: string, dto: UpdateInvestigationDto): Promise<InvestigationDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT school_id, to_char(started_on, 'YYYY-MM-DD') AS started_on FROM absence_investigation WHERE id = $1`,
        [id],
      );
      await this.access.require({
        caller,
        action: 'write',
        logAction: 'investigation.update',
        subject: row ? { type: 'school-record', schoolId: row.school_id, roles: WRITE_ROLES } : null,
        subjectType: 'investigation',
        subjectId: id,
        manager,
      });
      const errors = dateProblems(row.started_on, dto.huvudmanInformedOn, swedishDate()).filter(
        (e) => e.field === 'huvudmanInformedOn',
      );
      if (errors.length) throw new ValidationError(errors);
      await manager.query(`UPDATE absence_investigation SET huvudman_informed_on = $2 WHERE id = $1`, [
        id,
        dto.huvudmanInformedOn,
      ]);
      await this.access.logChange(caller, 'investigation.update', 'investigation', [id], manager);
      return this.load(manager, id);
    });
  }

  async listForStudent(caller: Caller, studentId: string): Promise<InvestigationDto[]> {
    await this.students.requireStudent(caller, studentId, 'investigation.read');
    const rows: InvestigationRow[] = await this.dataSource.query(
      `${INVESTIGATION_SELECT} WHERE i.student_id = $1 ORDER BY i.started_on DESC, i.created_at DESC`,
      [studentId],
    );
    return rows.map(toInvestigation);
  }

  /** Pupils with repeated or long absence and no investigation started in the last 12 months. */
  async overview(caller: Caller, schoolId: string, query: OverviewQuery): Promise<Page<OverviewItemDto>> {
    await this.access.requireSchool(caller, schoolId, 'investigation.overview');
    const day = referenceDay(query.date);
    const offset = decodeOffset(query.cursor);
    const rows: {
      id: string;
      first_name: string;
      last_name: string;
      class_name: string;
      grade: number;
      personnummer: string;
      offered: number;
      valid: number;
      invalid: number;
      last_started_on: string | null;
      open_flag: boolean;
    }[] = await this.dataSource.query(
      `WITH absence AS (
         SELECT d.student_id, sum(d.offered_minutes)::int AS offered, sum(d.valid_absence_minutes)::int AS valid,
                sum(d.invalid_absence_minutes)::int AS invalid
           FROM attendance_day d JOIN student s ON s.id = d.student_id
          WHERE s.school_id = $1 AND d.day BETWEEN $2::date AND $3::date
          GROUP BY d.student_id
         HAVING sum(d.offered_minutes) > 0
            AND sum(d.valid_absence_minutes + d.invalid_absence_minutes) * 100 >= $4::int * sum(d.offered_minutes)
       )
       SELECT s.id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer, a.offered, a.valid, a.invalid,
              (SELECT to_char(max(i.started_on), 'YYYY-MM-DD') FROM absence_investigation i
                WHERE i.student_id = s.id AND i.started_on <= $3::date) AS last_started_on,
              EXISTS (SELECT 1 FROM absence_flag f WHERE f.student_id = s.id AND f.status = 'new') AS open_flag
         FROM absence a JOIN student s ON s.id = a.student_id
        WHERE NOT EXISTS (SELECT 1 FROM absence_investigation i
                           WHERE i.student_id = s.id AND i.started_on <= $3::date
                             AND i.started_on > $3::date - make_interval(months => $5::int))
        ORDER BY (a.valid + a.invalid)::numeric / a.offered DESC, s.last_name, s.first_name, s.id
        LIMIT $6 OFFSET $7`,
      [
        schoolId,
        addDays(day, 1 - 7 * OVERVIEW_WEEKS),
        day,
        OVERVIEW_PERCENT,
        INVESTIGATION_VALID_MONTHS,
        query.limit + 1,
        offset,
      ],
    );
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
    const [row]: InvestigationRow[] = await manager.query(`${INVESTIGATION_SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw new NotFoundError('investigation');
    return toInvestigation(row);
  }
}
