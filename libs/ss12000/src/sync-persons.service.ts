import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { swedishDate } from '@app/calendar';
import { diffFields, guardianValues, mergeGuardians, StudentRepository } from '@app/students';
import { SourceSchoolRow } from './sources.repository';
import { Ss12000Page } from './ss12000-client';
import { Run } from './sync-run';
import { SyncWritesRepository } from './sync-writes.repository';
import { GuardianContactRead, PupilRead, readGuardianContact, readPupil } from './sync.rules';

/**
 * The people of a sync run: pages of `/persons` (pupils created, linked by personnummer or
 * changed, each change in the pupil's history) and of responsibles (guardians' phone and e-mail).
 */
@Injectable()
export class SyncPersonsService {
  constructor(
    private readonly writes: SyncWritesRepository,
    private readonly students: StudentRepository,
    private readonly access: AccessService,
  ) {}

  /** A page of pupils: created, linked (by personnummer) or changed, each change in the pupil's history. */
  async persons(run: Run, school: SourceSchoolRow, page: Ss12000Page, tx: EntityManager): Promise<void> {
    const data = Array.isArray(page.body.data) ? page.body.data : [];
    const today = swedishDate();
    const pupils: PupilRead[] = [];
    for (const value of data) {
      run.report.counts.persons++;
      const { pupil, errors } = readPupil(value, school.organisation_ref, today);
      run.report.add(errors);
      if (pupil) pupils.push(pupil);
    }
    if (!pupils.length) return;
    const matches = await this.writes.matchPupils(
      tx,
      school.organisation_id,
      pupils.map((p) => p.externalId),
      pupils.map((p) => p.personnummer).filter((n): n is string => n !== null),
    );
    const mappedSchools = new Set(run.schools.map((s) => s.agency_id));
    const written: string[] = [];
    for (const pupil of pupils) {
      const match =
        matches.find((m) => m.external_id === pupil.externalId) ??
        matches.find((m) => pupil.personnummer !== null && m.personnummer === pupil.personnummer);
      if (!match) {
        const id = await this.writes.insertPupil(tx, {
          organisationId: school.organisation_id,
          schoolId: school.agency_id,
          externalId: pupil.externalId,
          personnummer: pupil.personnummer,
          temporaryNumber: pupil.temporaryNumber,
          firstName: pupil.firstName,
          lastName: pupil.lastName,
          grade: pupil.grade ?? 0,
          protectedIdentity: pupil.protectedIdentity,
          enrolled: pupil.enrolled,
        });
        await this.writes.insertGuardians(tx, id, pupil.guardians);
        written.push(id);
        continue;
      }
      // A pupil at a school this source does not map is another organiser's: left alone.
      if (match.school_id !== school.agency_id && !mappedSchools.has(match.school_id)) {
        run.report.add([
          {
            entity: 'person',
            id: pupil.externalId,
            field: 'enrolments',
            reason: 'the pupil is registered at a school this source does not map',
          },
        ]);
        continue;
      }
      // A pupil who left this unit but is enrolled at another mapped one is that unit's to describe.
      if (match.school_id !== school.agency_id && !pupil.enrolled) continue;
      if (match.external_id && match.external_id !== pupil.externalId) {
        run.report.add([
          {
            entity: 'person',
            id: pupil.externalId,
            field: 'civicNo.value',
            reason: 'the register has this number under another SS 12000 id',
          },
        ]);
        continue;
      }
      if (await this.updatePupil(run, tx, match.id, school, pupil)) written.push(match.id);
    }
    await this.logWritten(run, school, written, tx);
  }

  private async updatePupil(
    run: Run,
    tx: EntityManager,
    id: string,
    school: SourceSchoolRow,
    pupil: PupilRead,
  ): Promise<boolean> {
    const current = (await this.students.lockState(tx, id))!;
    const stored = await this.students.guardians(tx, id);
    // SS 12000 names guardians without contact details: those stored are kept (mergeGuardians).
    const byExternal = new Map(stored.filter((g) => g.external_id).map((g) => [g.external_id!, g.id]));
    const byName = new Map(stored.filter((g) => !g.external_id).map((g) => [g.name, g.id]));
    const merged = mergeGuardians(
      stored,
      pupil.guardians.map((g) => ({
        id: byExternal.get(g.externalId) ?? byName.get(g.name),
        name: g.name,
        relation: g.relation,
      })),
      true,
    );
    const nextGuardians = merged.guardians.map((g, i) => ({ ...g, externalId: pupil.guardians[i].externalId }));
    const changes = diffFields(
      {
        firstName: current.first_name,
        lastName: current.last_name,
        grade: current.grade,
        schoolId: current.school_id,
        externalId: current.external_id,
        personnummer: current.personnummer,
        temporaryNumber: current.temporary_number,
        protectedIdentity: current.protected_identity,
        enrolled: current.enrolled,
        guardians: guardianValues(stored),
      },
      {
        firstName: pupil.firstName,
        lastName: pupil.lastName,
        grade: pupil.grade ?? undefined,
        schoolId: school.agency_id,
        externalId: pupil.externalId,
        // A hand-registered personnummer is never replaced by a temporary number.
        personnummer: pupil.personnummer ?? undefined,
        temporaryNumber: pupil.personnummer ? undefined : pupil.temporaryNumber,
        protectedIdentity: pupil.protectedIdentity,
        enrolled: pupil.enrolled,
        guardians: guardianValues(nextGuardians),
      },
    );
    await this.students.applyChanges(
      tx,
      current,
      changes,
      { source: 'sync', syncSourceId: run.source.id },
      nextGuardians,
    );
    if (!changes.some((c) => c.field === 'guardians')) {
      await this.writes.linkGuardians(
        tx,
        nextGuardians.flatMap((g) =>
          g.id && !byExternal.has(g.externalId) ? [{ id: g.id, externalId: g.externalId }] : [],
        ),
      );
    }
    return changes.length > 0;
  }

  /**
   * A page of responsibles: their phone and e-mail go to the guardians with that SS 12000 id of
   * the unit's pupils, as a change of the pupil's guardians (history, access log). A detail the
   * source does not have keeps what is stored (a hand-entered phone is never wiped).
   */
  async guardianContacts(run: Run, school: SourceSchoolRow, page: Ss12000Page, tx: EntityManager): Promise<void> {
    const contacts = new Map<string, GuardianContactRead>();
    for (const value of Array.isArray(page.body.data) ? page.body.data : []) {
      const read = readGuardianContact(value);
      run.report.add(read.errors);
      if (read.contact && (read.contact.phone || read.contact.email))
        contacts.set(read.contact.externalId, read.contact);
    }
    if (!contacts.size) return;
    const pupils = await this.writes.pupilsWithGuardians(tx, school.agency_id, [...contacts.keys()]);
    const written: string[] = [];
    for (const id of pupils) {
      const current = (await this.students.lockState(tx, id))!;
      const stored = await this.students.guardians(tx, id);
      const next = stored.map((g) => {
        const c = g.external_id ? contacts.get(g.external_id) : undefined;
        return { id: g.id, name: g.name, relation: g.relation, phone: c?.phone ?? g.phone, email: c?.email ?? g.email };
      });
      const changes = diffFields({ guardians: guardianValues(stored) }, { guardians: guardianValues(next) });
      await this.students.applyChanges(tx, current, changes, { source: 'sync', syncSourceId: run.source.id }, next);
      if (changes.length) written.push(id);
    }
    await this.logWritten(run, school, written, tx);
  }

  /** The pupils a run wrote at a school, in the access log as one `student.sync` row (none if none). */
  async logWritten(run: Run, school: SourceSchoolRow, written: string[], tx: EntityManager): Promise<void> {
    if (!written.length) return;
    await this.access.logChange(
      { userId: null, agencyId: school.agency_id, organisationId: school.organisation_id },
      'student.sync',
      'student',
      written,
      tx,
      { syncSourceId: run.source.id, syncRunId: run.runId },
    );
  }
}
