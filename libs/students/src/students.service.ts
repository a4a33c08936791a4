import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
import { StudentRepository, StudentRow } from './student.repository';

/** What the access layer and other modules need to know about a pupil. */
export interface StudentFacts {
  id: string;
  schoolId: string;
  organisationId: string;
  protectedIdentity: boolean;
}

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
    private readonly access: AccessService,
    private readonly repository: StudentRepository,
  ) {}

  async create(caller: Caller, dto: CreateStudentDto): Promise<StudentDto> {
    const personnummer = canonicalPersonnummer(dto.personnummer);
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.schoolInOrganisation(manager, dto.schoolId, caller.organisationId))) {
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
      const taken = await this.repository.identityTaken(
        manager,
        caller.organisationId,
        personnummer,
        dto.externalId ?? null,
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
      const id = await this.repository.insert(
        manager,
        {
          organisationId: caller.organisationId,
          schoolId: dto.schoolId,
          personnummer,
          firstName: dto.firstName.trim(),
          lastName: dto.lastName.trim(),
          grade: dto.grade,
          className: dto.className.trim(),
          externalId: dto.externalId?.trim() ?? null,
          protectedIdentity: dto.protectedIdentity ?? false,
        },
        dto.guardians.map((g) => ({
          name: g.name.trim(),
          relation: g.relation.trim(),
          phone: g.phone?.trim() ?? null,
          email: g.email?.trim() ?? null,
        })),
      );
      await this.access.logChange(caller, 'student.create', 'student', [id], manager);
      return this.loadFor(caller, manager, id);
    });
  }

  async list(caller: Caller, query: StudentListQuery): Promise<Page<StudentSummaryDto>> {
    const rows = await this.repository.list({
      scope: this.access.scope(caller, 'student', 's.school_id', 1),
      schoolId: query.schoolId,
      className: query.className,
      grade: query.grade,
      after: decodeCursor(query.cursor, ['text', 'text', 'uuid']),
      limit: query.limit + 1,
    });
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
    return this.loadFor(caller, this.repository.manager, id);
  }

  /** Finds a pupil by number without putting the number in a URL. Unknown and not-yours read alike. */
  async lookup(caller: Caller, input: string): Promise<StudentDto> {
    const personnummer = canonicalPersonnummer(input);
    const row = await this.repository.byPersonnummer(caller.organisationId, personnummer);
    await this.access.require({
      caller,
      action: 'read',
      logAction: 'student.lookup',
      subject: row ? { type: 'student', schoolId: row.school_id } : null,
      subjectType: 'student',
      subjectId: row?.id ?? 'lookup',
    });
    return this.loadFor(caller, this.repository.manager, row!.id);
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
    manager: EntityManager = this.repository.manager,
  ): Promise<StudentFacts> {
    const row = await this.repository.facts(manager, id);
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
      id: row!.id,
      schoolId: row!.school_id,
      organisationId: row!.organisation_id,
      protectedIdentity: row!.protected_identity,
    };
  }

  /** The pupil as the caller may see it (contact details hidden under protected identity). */
  async loadFor(caller: Caller, manager: EntityManager, id: string): Promise<StudentDto> {
    const row = await this.repository.find(manager, id);
    if (!row) throw new NotFoundError('student');
    const guardians = await this.repository.contacts(manager, id);
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
