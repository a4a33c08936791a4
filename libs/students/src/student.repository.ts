import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlCondition } from '@app/access';
import { sqlRow, sqlRows, SqlRepository } from '@app/database';
import type { FieldChange, GuardianValue, StoredGuardian } from './student-update.rules';

/** A pupil's changeable state, as a change reads it (row locked). */
export interface StudentStateRow {
  id: string;
  organisation_id: string;
  school_id: string;
  first_name: string;
  last_name: string;
  grade: number;
  class_name: string;
  external_id: string | null;
  protected_identity: boolean;
  enrolled: boolean;
  personnummer: string | null;
  temporary_number: string | null;
  version: number;
}

export interface StudentChangeRow {
  id: string;
  field: string;
  old_value: unknown;
  new_value: unknown;
  source: 'user' | 'sync';
  changed_by: string | null;
  changed_by_name: string | null;
  sync_source_id: string | null;
  version: number;
  changed_at: Date;
}

/** A pupil as the register shows it (with its school's name). */
export interface StudentRow {
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

/** What the access layer needs to decide on a pupil. */
export interface StudentFactsRow {
  id: string;
  school_id: string;
  organisation_id: string;
  protected_identity: boolean;
}

/** A new pupil, its text fields already trimmed. */
export interface NewStudent {
  organisationId: string;
  schoolId: string;
  personnummer: string;
  firstName: string;
  lastName: string;
  grade: number;
  className: string;
  externalId: string | null;
  protectedIdentity: boolean;
}

/** Filters of the register's list, the caller's scope among them; the cursor is (last name, first name, id). */
export interface StudentListFilter {
  scope: SqlCondition;
  schoolId?: string;
  className?: string;
  grade?: number;
  after: unknown[] | null;
  limit: number;
}

const STUDENT_SELECT = `SELECT s.id, s.organisation_id, s.school_id, a.name AS school_name, s.personnummer, s.first_name,
                               s.last_name, s.grade, s.class_name, s.external_id, s.protected_identity, s.created_at,
                               s.version
                          FROM student s JOIN agency a ON a.id = s.school_id`;

/** Who made a change: a user, or an SS 12000 sync source. */
export type ChangeAuthor =
  { source: 'user'; userId: string; requestId?: string | null } | { source: 'sync'; syncSourceId: string };

/** The columns of `student` a change may set, by the field names the API and the history use. */
export const STUDENT_COLUMNS: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  className: 'class_name',
  grade: 'grade',
  schoolId: 'school_id',
  externalId: 'external_id',
  protectedIdentity: 'protected_identity',
  enrolled: 'enrolled',
  personnummer: 'personnummer',
  temporaryNumber: 'temporary_number',
};

/** A pupil as a bulk writer gives it, with its id; the keys are its columns. */
export type PupilRecord = Omit<StudentStateRow, 'enrolled' | 'personnummer' | 'temporary_number' | 'version'> & {
  personnummer: string;
};

/** A guardian as a bulk writer gives it; the keys are its columns. */
export interface GuardianRecord {
  student_id: string;
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
}

/**
 * The SQL of the pupil register: reads of pupils and guardians, registration, and the writes of a
 * pupil and its history (`student_change`), shared by PATCH /students/:id and the SS 12000 sync.
 */
@Injectable()
export class StudentRepository extends SqlRepository {
  /** Whether the school exists in the organisation. */
  async schoolInOrganisation(tx: EntityManager, schoolId: string, organisationId: string): Promise<boolean> {
    const school = await sqlRow(
      tx,
      `SELECT id FROM agency WHERE id = $1 AND type = 'school' AND organisation_id = $2`,
      [schoolId, organisationId],
    );
    return school !== null;
  }

  /** A pupil of the organisation with this personnummer or external id, and whether it is the number. */
  identityTaken(
    tx: EntityManager,
    organisationId: string,
    personnummer: string,
    externalId: string | null,
  ): Promise<{ id: string; same_number: boolean } | null> {
    return sqlRow(
      tx,
      `SELECT id, personnummer = $2 AS same_number FROM student
        WHERE organisation_id = $1 AND (personnummer = $2 OR external_id = $3)`,
      [organisationId, personnummer, externalId],
    );
  }

  /** Registers a pupil with its guardians; returns its id. */
  async insert(tx: EntityManager, pupil: NewStudent, guardians: GuardianValue[]): Promise<string> {
    const { id } = (await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO student (organisation_id, school_id, personnummer, first_name, last_name, grade, class_name,
                            external_id, protected_identity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        pupil.organisationId,
        pupil.schoolId,
        pupil.personnummer,
        pupil.firstName,
        pupil.lastName,
        pupil.grade,
        pupil.className,
        pupil.externalId,
        pupil.protectedIdentity,
      ],
    ))!;
    for (const g of guardians) {
      await sqlRows(tx, `INSERT INTO guardian (student_id, name, relation, phone, email) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        g.name,
        g.relation,
        g.phone,
        g.email,
      ]);
    }
    return id;
  }

  /** A page of the register (one more row than `limit`: the page helper tells whether more follow). */
  list(filter: StudentListFilter): Promise<StudentRow[]> {
    const params: unknown[] = [...filter.scope.params];
    const where = [filter.scope.sql];
    const add = (sql: (n: number) => string, ...values: unknown[]) => {
      where.push(sql(params.length + 1));
      params.push(...values);
    };
    if (filter.schoolId) add((n) => `s.school_id = $${n}`, filter.schoolId);
    if (filter.className) add((n) => `s.class_name = $${n}`, filter.className);
    if (filter.grade !== undefined) add((n) => `s.grade = $${n}`, filter.grade);
    if (filter.after) add((n) => `(s.last_name, s.first_name, s.id) > ($${n}, $${n + 1}, $${n + 2})`, ...filter.after);
    params.push(filter.limit);
    return sqlRows(
      this.dataSource.manager,
      `${STUDENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.last_name, s.first_name, s.id LIMIT $${params.length}`,
      params,
    );
  }

  /** The organisation's pupil with this (canonical) personnummer. */
  byPersonnummer(organisationId: string, personnummer: string): Promise<{ id: string; school_id: string } | null> {
    return sqlRow(
      this.dataSource.manager,
      `SELECT id, school_id FROM student WHERE organisation_id = $1 AND personnummer = $2`,
      [organisationId, personnummer],
    );
  }

  facts(tx: EntityManager, id: string): Promise<StudentFactsRow | null> {
    return sqlRow(tx, `SELECT id, school_id, organisation_id, protected_identity FROM student WHERE id = $1`, [id]);
  }

  find(tx: EntityManager, id: string): Promise<StudentRow | null> {
    return sqlRow(tx, `${STUDENT_SELECT} WHERE s.id = $1`, [id]);
  }

  /** A pupil's guardians with their contact details, in the order they were added. */
  contacts(
    tx: EntityManager,
    studentId: string,
  ): Promise<{ id: string; name: string; relation: string; phone: string | null; email: string | null }[]> {
    return sqlRows(
      tx,
      `SELECT id, name, relation, phone, email FROM guardian WHERE student_id = $1 ORDER BY created_at, id`,
      [studentId],
    );
  }

  /** The pupil's state, its row locked against other changes until the transaction ends. */
  async lockState(manager: EntityManager, id: string): Promise<StudentStateRow | null> {
    return sqlRow<StudentStateRow>(
      manager,
      `SELECT id, organisation_id, school_id, first_name, last_name, grade, class_name, external_id,
              protected_identity, enrolled, personnummer, temporary_number, version
         FROM student WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
  }

  async guardians(
    manager: EntityManager,
    studentId: string,
  ): Promise<(StoredGuardian & { external_id: string | null })[]> {
    return sqlRows<StoredGuardian & { external_id: string | null }>(
      manager,
      `SELECT id, name, relation, phone, email, external_id FROM guardian WHERE student_id = $1 ORDER BY created_at, id`,
      [studentId],
    );
  }

  /** Another pupil of the organisation with this external id (it is unique per organisation). */
  async externalIdTaken(
    manager: EntityManager,
    organisationId: string,
    externalId: string,
    exceptId: string,
  ): Promise<string | null> {
    const row = await sqlRow<{ id: string }>(
      manager,
      `SELECT id FROM student WHERE organisation_id = $1 AND external_id = $2 AND id <> $3`,
      [organisationId, externalId, exceptId],
    );
    return row?.id ?? null;
  }

  /**
   * Applies field changes to a locked pupil: the columns, the guardians (when `guardians` is
   * among the changes: `nextGuardians` with ids are updated, without are added, others removed),
   * one `student_change` row per field, and the next version. Returns the new version.
   */
  async applyChanges(
    manager: EntityManager,
    current: StudentStateRow,
    changes: FieldChange[],
    author: ChangeAuthor,
    nextGuardians?: (GuardianValue & { id?: string; externalId?: string })[],
  ): Promise<number> {
    if (!changes.length) return current.version;
    const version = current.version + 1;
    const sets: string[] = [];
    const params: unknown[] = [current.id, version];
    for (const change of changes) {
      const column = STUDENT_COLUMNS[change.field];
      if (!column) continue;
      params.push(change.newValue);
      sets.push(`${column} = $${params.length}`);
    }
    await sqlRows(
      manager,
      `UPDATE student SET ${[...sets, 'version = $2', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      params,
    );
    if (nextGuardians && changes.some((c) => c.field === 'guardians')) {
      const keep = nextGuardians.filter((g) => g.id).map((g) => g.id);
      await sqlRows(manager, `DELETE FROM guardian WHERE student_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
        current.id,
        keep,
      ]);
      for (const g of nextGuardians) {
        if (g.id) {
          await sqlRows(
            manager,
            `UPDATE guardian SET name = $2, relation = $3, phone = $4, email = $5, external_id = coalesce($6, external_id)
              WHERE id = $1`,
            [g.id, g.name, g.relation, g.phone, g.email, g.externalId ?? null],
          );
        } else {
          await sqlRows(
            manager,
            `INSERT INTO guardian (student_id, name, relation, phone, email, external_id) VALUES ($1, $2, $3, $4, $5, $6)`,
            [current.id, g.name, g.relation, g.phone, g.email, g.externalId ?? null],
          );
        }
      }
    }
    await sqlRows(
      manager,
      `INSERT INTO student_change (student_id, field, old_value, new_value, source, changed_by, sync_source_id,
                                   version, request_id)
       SELECT $1, c.field, c.old_value, c.new_value, $3, $4, $5, $6, $7
         FROM jsonb_to_recordset($2::jsonb) AS c (field text, old_value jsonb, new_value jsonb)`,
      [
        current.id,
        JSON.stringify(changes.map((c) => ({ field: c.field, old_value: c.oldValue, new_value: c.newValue }))),
        author.source,
        author.source === 'user' ? author.userId : null,
        author.source === 'sync' ? author.syncSourceId : null,
        version,
        author.source === 'user' ? (author.requestId ?? null) : null,
      ],
    );
    return version;
  }

  /** A pupil's changes, newest first, after the keyset cursor (`id`). */
  async changes(studentId: string, limit: number, beforeId: string | null): Promise<StudentChangeRow[]> {
    return sqlRows<StudentChangeRow>(
      this.dataSource.manager,
      `SELECT c.id::text AS id, c.field, c.old_value, c.new_value, c.source, c.changed_by,
              u.display_name AS changed_by_name, c.sync_source_id, c.version, c.changed_at
         FROM student_change c LEFT JOIN app_user u ON u.id = c.changed_by
        WHERE c.student_id = $1 AND ($2::bigint IS NULL OR c.id < $2::bigint)
        ORDER BY c.id DESC LIMIT $3`,
      [studentId, beforeId, limit],
    );
  }

  async version(manager: EntityManager, id: string): Promise<number | null> {
    const row = await sqlRow<{ version: number }>(manager, `SELECT version FROM student WHERE id = $1`, [id]);
    return row?.version ?? null;
  }

  /** Registers pupils with their ids in one statement (a bulk writer: the demo seed). */
  async insertPupils(tx: EntityManager, rows: PupilRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO student (id, organisation_id, school_id, personnummer, first_name, last_name, grade, class_name,
                            external_id, protected_identity)
       SELECT id, organisation_id, school_id, personnummer, first_name, last_name, grade, class_name, external_id,
              protected_identity
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, organisation_id uuid, school_id uuid, personnummer text, first_name text, last_name text,
                 grade int, class_name text, external_id text, protected_identity boolean)`,
      [JSON.stringify(rows)],
    );
  }

  /** Adds guardians to pupils in one statement (a bulk writer: the demo seed). */
  async insertGuardians(tx: EntityManager, rows: GuardianRecord[]): Promise<void> {
    await sqlRows(
      tx,
      `INSERT INTO guardian (student_id, name, relation, phone, email)
       SELECT student_id, name, relation, phone, email
         FROM jsonb_to_recordset($1::jsonb) AS r (student_id uuid, name text, relation text, phone text, email text)`,
      [JSON.stringify(rows)],
    );
  }
}
