import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller, Role } from '@app/access';
import {
  ConflictError,
  decodeCursor,
  NotFoundError,
  Page,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@app/http';
import { maskPersonnummer, parsePersonnummer } from './personnummer';
import { CreateStudentDto, GuardianDto, StudentDto, StudentListQuery, StudentSummaryDto } from './student.dto';

/** What the access layer and other modules need to know about a pupil. */
export interface StudentFacts {
  id: string;
  schoolId: string;
  organisationId: string;
  protectedIdentity: boolean;
}

interface StudentRow {
  id: string;
  organisation_id: string;
  school_id: string;
  school_name: string;
  personnummer: string | null;
  first_name: string;
  last_name: string;
  grade: number;
  class_name: string;
  external_id: string | null;
  protected_identity: boolean;
  created_at: Date;
  version: number;
}

const STUDENT_SELECT = `SELECT s.id, s.organisation_id, s.school_id, a.name AS school_name, s.personnummer, s.first_name,
                               s.last_name, s.grade, s.class_name, s.external_id, s.protected_identity, s.created_at,
                               s.version
                          FROM student s JOIN agency a ON a.id = s.school_id`;

/** Under protected identity, only these roles of the pupil's own school see guardians' contact details. */
const PROTECTED_CONTACT_ROLES: Role[] = ['elevhalsa', 'principal'];

const toSummary = (r: StudentRow): StudentSummaryDto => ({
  id: r.id,
  personnummerMasked: maskPersonnummer(r.personnummer),
  firstName: r.first_name,
  lastName: r.last_name,
  schoolId: r.school_id,
  grade: r.grade,
  className: r.class_name,
  protectedIdentity: r.protected_identity,
});

/** Parses a personnummer from input, or a 400 naming the field. */
export function canonicalPersonnummer(input: string, field = 'personnummer'): string {
  const parsed = parsePersonnummer(input);
  if (!parsed.ok)
    throw new ValidationError([{ field, code: 'invalid-personnummer', message: `personnummer: ${parsed.reason}` }]);
  return parsed.canonical;
}

/**
 * The pupil register. Every read and change goes through the access layer and the access log;
 * the personnummer is only ever matched, never returned in full or put in a URL or a log.
 */
@Injectable()
export class StudentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async create(caller: Caller, dto: CreateStudentDto): Promise<StudentDto> {
    const personnummer = canonicalPersonnummer(dto.personnummer);
    return this.dataSource.transaction(async (manager) => {
      const [school] = await manager.query(
        `SELECT id FROM agency WHERE id = $1 AND type = 'school' AND organisation_id = $2`,
        [dto.schoolId, caller.organisationId],
      );
      if (!school) {
        throw new UnprocessableError('The school does not exist in your organisation.', {
          errors: [{ field: 'schoolId', code: 'unknown', message: 'unknown school' }],
        });
      }
      // Staff register pupils at their own school only.
      await this.access.require({
        caller,
        action: 'write',
        logAction: 'student.create',
        subject: { type: 'student', schoolId: dto.schoolId },
        subjectType: 'school',
        subjectId: dto.schoolId,
        manager,
      });
      const [taken] = await manager.query(
        `SELECT id, personnummer = $2 AS same_number FROM student
          WHERE organisation_id = $1 AND (personnummer = $2 OR external_id = $3)`,
        [caller.organisationId, personnummer, dto.externalId ?? null],
      );
      if (taken) {
        // The number stays unique, but trying it is an attempt on that pupil: logged as a denied
        // access to it, and answered alike whichever school the pupil is at (a look-up says 404).
        await this.access.logDenied(caller, 'student.create', 'student', taken.id);
        const field = taken.same_number ? 'personnummer' : 'externalId';
        throw new ConflictError('This pupil cannot be registered: the identity is already in the register.', {
          errors: [{ field, code: 'already-exists', message: 'already registered' }],
        });
      }
      const [{ id }] = await manager.query(
        `INSERT INTO student (organisation_id, school_id, personnummer, first_name, last_name, grade, class_name,
                              external_id, protected_identity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          caller.organisationId,
          dto.schoolId,
          personnummer,
          dto.firstName.trim(),
          dto.lastName.trim(),
          dto.grade,
          dto.className.trim(),
          dto.externalId?.trim() ?? null,
          dto.protectedIdentity ?? false,
        ],
      );
      for (const g of dto.guardians) {
        await manager.query(
          `INSERT INTO guardian (student_id, name, relation, phone, email) VALUES ($1, $2, $3, $4, $5)`,
          [id, g.name.trim(), g.relation.trim(), g.phone?.trim() ?? null, g.email?.trim() ?? null],
        );
      }
      await this.access.logChange(caller, 'student.create', 'student', [id], manager);
      return this.loadFor(caller, manager, id);
    });
  }

  async list(caller: Caller, query: StudentListQuery): Promise<Page<StudentSummaryDto>> {
    const scope = this.access.scope(caller, 'student', 's.school_id', 1);
    const params: unknown[] = [...scope.params];
    const where = [scope.sql];
    const add = (sql: (n: number) => string, ...values: unknown[]) => {
      where.push(sql(params.length + 1));
      params.push(...values);
    };
    if (query.schoolId) add((n) => `s.school_id = $${n}`, query.schoolId);
    if (query.className) add((n) => `s.class_name = $${n}`, query.className);
    if (query.grade !== undefined) add((n) => `s.grade = $${n}`, query.grade);
    const cursor = decodeCursor(query.cursor, ['text', 'text', 'uuid']);
    if (cursor) add((n) => `(s.last_name, s.first_name, s.id) > ($${n}, $${n + 1}, $${n + 2})`, ...cursor);
    params.push(query.limit + 1);
    const rows: StudentRow[] = await this.dataSource.query(
      `${STUDENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.last_name, s.first_name, s.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.last_name, r.first_name, r.id], toSummary);
    await this.access.logList(
      caller,
      'student.list',
      'student',
      page.items.map((s) => s.id),
    );
    return page;
  }

  async get(caller: Caller, id: string): Promise<StudentDto> {
    await this.requireStudent(caller, id, 'student.read');
    return this.loadFor(caller, this.dataSource.manager, id);
  }

  /** Finds a pupil by number without putting the number in a URL. Unknown and not-yours read alike. */
  async lookup(caller: Caller, input: string): Promise<StudentDto> {
    const personnummer = canonicalPersonnummer(input);
    const [row] = await this.dataSource.query(
      `SELECT id, school_id FROM student WHERE organisation_id = $1 AND personnummer = $2`,
      [caller.organisationId, personnummer],
    );
    await this.access.require({
      caller,
      action: 'read',
      logAction: 'student.lookup',
      subject: row ? { type: 'student', schoolId: row.school_id } : null,
      subjectType: 'student',
      subjectId: row?.id ?? 'lookup',
    });
    return this.loadFor(caller, this.dataSource.manager, row.id);
  }

  /**
   * Loads a pupil's facts and asks the access layer (which logs the check): the one way other
   * modules reach a pupil. An unknown id and a pupil the caller may not see both answer 404.
   */
  async requireStudent(
    caller: Caller,
    id: string,
    logAction: string,
    action: 'read' | 'write' = 'read',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StudentFacts> {
    const [row] = await manager.query(
      `SELECT id, school_id, organisation_id, protected_identity FROM student WHERE id = $1`,
      [id],
    );
    await this.access.require({
      caller,
      action,
      logAction,
      subject: row ? { type: 'student', schoolId: row.school_id } : null,
      subjectType: 'student',
      subjectId: id,
      manager,
    });
    return {
      id: row.id,
      schoolId: row.school_id,
      organisationId: row.organisation_id,
      protectedIdentity: row.protected_identity,
    };
  }

  /** The pupil as the caller may see it (contact details hidden under protected identity). */
  async loadFor(caller: Caller, manager: EntityManager, id: string): Promise<StudentDto> {
    const [row]: StudentRow[] = await manager.query(`${STUDENT_SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw new NotFoundError('student');
    const guardians: { id: string; name: string; relation: string; phone: string | null; email: string | null }[] =
      await manager.query(
        `SELECT id, name, relation, phone, email FROM guardian WHERE student_id = $1 ORDER BY created_at, id`,
        [id],
      );
    const hideContact =
      row.protected_identity &&
      !(caller.agencyId === row.school_id && caller.roles.some((r) => PROTECTED_CONTACT_ROLES.includes(r)));
    return {
      ...toSummary(row),
      coordinationNumber: row.personnummer !== null && Number(row.personnummer.slice(6, 8)) > 60,
      externalId: row.external_id,
      schoolName: row.school_name,
      createdAt: row.created_at.toISOString(),
      version: row.version,
      guardians: guardians.map((g): GuardianDto => ({
        id: g.id,
        name: g.name,
        relation: g.relation,
        phone: hideContact ? null : g.phone,
        email: hideContact ? null : g.email,
        contactHidden: hideContact,
      })),
    };
  }
}
