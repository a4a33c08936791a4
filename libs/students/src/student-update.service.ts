import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import {
  ConflictError,
  decodeCursor,
  Page,
  PageQuery,
  requireVersionMatch,
  toPage,
  UnprocessableError,
} from '@app/http';
import { StudentRepository } from './student.repository';
import { ChangeAuthorDto, PatchStudentDto, StudentChangeDto } from './student-update.dto';
import {
  diffFields,
  fieldsNotAllowed,
  guardianValues,
  hideGuardianContacts,
  mergeGuardians,
  seesGuardianContacts,
} from './student-update.rules';
import { StudentsService } from './students.service';
import { StudentDto } from './student.dto';

/**
 * Changing a pupil (PATCH /students/:id) and reading its history. A change runs with the pupil's
 * row locked, needs the version last read (If-Match), checks who may change which field, and
 * keeps every field's earlier value, who changed it and when in `student_change`.
 */
@Injectable()
export class StudentUpdateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly students: StudentsService,
    private readonly repository: StudentRepository,
  ) {}

  async patch(caller: Caller, id: string, dto: PatchStudentDto, ifMatch: string | undefined): Promise<StudentDto> {
    const sent = Object.keys(dto).filter((k) => dto[k as keyof PatchStudentDto] !== undefined);
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.students.requireStudent(caller, id, 'student.update', 'write', manager);
      const refused = fieldsNotAllowed(caller.roles, sent);
      if (refused.length) {
        await this.access.forbid(
          caller,
          'student.update',
          'student',
          id,
          `Only the school's principal and elevhälsa change ${refused.join(', ')}.`,
        );
      }
      const current = (await this.repository.lockState(manager, id))!;
      requireVersionMatch(ifMatch, current.version, 'pupil');

      const storedGuardians = await this.repository.guardians(manager, id);
      let nextGuardians: ReturnType<typeof mergeGuardians>['guardians'] | undefined;
      if (dto.guardians) {
        const merged = mergeGuardians(storedGuardians, dto.guardians, seesGuardianContacts(caller, facts));
        if (merged.unknownIds.length) {
          throw new UnprocessableError('A guardian named by id is not one of the pupil’s guardians.', {
            errors: merged.unknownIds.map((i) => ({ field: `guardians.${i}.id`, message: 'unknown guardian' })),
          });
        }
        nextGuardians = merged.guardians;
      }
      const externalId = dto.externalId === undefined ? undefined : (dto.externalId?.trim() ?? null);
      if (externalId && (await this.repository.externalIdTaken(manager, current.organisation_id, externalId, id))) {
        throw new ConflictError('This externalId already belongs to another pupil in the register.', {
          errors: [{ field: 'externalId', message: 'already registered' }],
        });
      }
      const changes = diffFields(
        {
          className: current.class_name,
          grade: current.grade,
          externalId: current.external_id,
          protectedIdentity: current.protected_identity,
          guardians: guardianValues(storedGuardians),
        },
        {
          className: dto.className?.trim(),
          grade: dto.grade,
          externalId,
          protectedIdentity: dto.protectedIdentity,
          guardians: nextGuardians && guardianValues(nextGuardians),
        },
      );
      await this.repository.applyChanges(
        manager,
        current,
        changes,
        { source: 'user', userId: caller.userId, requestId: caller.requestId },
        nextGuardians,
      );
      if (changes.length) {
        await this.access.logChange(caller, 'student.update', 'student', [id], manager, {
          fields: changes.map((c) => c.field),
        });
      }
      return this.students.loadFor(caller, manager, id);
    });
  }

  /** A pupil's history of changes, newest first. Guardians' contacts hidden as on the pupil. */
  async changes(caller: Caller, id: string, query: PageQuery): Promise<Page<StudentChangeDto>> {
    const facts = await this.students.requireStudent(caller, id, 'student.changes.read');
    const cursor = decodeCursor(query.cursor, ['int']);
    const rows = await this.repository.changes(id, query.limit + 1, cursor ? String(cursor[0]) : null);
    const hide = !seesGuardianContacts(caller, facts);
    return toPage(
      rows,
      query.limit,
      (r) => [Number(r.id)],
      (r): StudentChangeDto => ({
        id: r.id,
        field: r.field,
        oldValue: hide && r.field === 'guardians' ? hideGuardianContacts(r.old_value) : r.old_value,
        newValue: hide && r.field === 'guardians' ? hideGuardianContacts(r.new_value) : r.new_value,
        source: r.source,
        changedBy: r.changed_by
          ? ({ id: r.changed_by, displayName: r.changed_by_name ?? '' } as ChangeAuthorDto)
          : null,
        syncSourceId: r.sync_source_id,
        version: r.version,
        changedAt: r.changed_at.toISOString(),
      }),
    );
  }
}
