import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

/** Writes of a pupil and its history (`student_change`), shared by PATCH /students/:id and the SS 12000 sync. */
@Injectable()
export class StudentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pupil's state, its row locked against other changes until the transaction ends. */
  async lockState(manager: EntityManager, id: string): Promise<StudentStateRow | null> {
    const [row] = (await manager.query(
      `SELECT id, organisation_id, school_id, first_name, last_name, grade, class_name, external_id,
              protected_identity, enrolled, personnummer, temporary_number, version
         FROM student WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    )) as StudentStateRow[];
    return row ?? null;
  }

  async guardians(
    manager: EntityManager,
    studentId: string,
  ): Promise<(StoredGuardian & { external_id: string | null })[]> {
    return (await manager.query(
      `SELECT id, name, relation, phone, email, external_id FROM guardian WHERE student_id = $1 ORDER BY created_at, id`,
      [studentId],
    )) as (StoredGuardian & { external_id: string | null })[];
  }

  /** Another pupil of the organisation with this external id (it is unique per organisation). */
  async externalIdTaken(
    manager: EntityManager,
    organisationId: string,
    externalId: string,
    exceptId: string,
  ): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT id FROM student WHERE organisation_id = $1 AND external_id = $2 AND id <> $3`,
      [organisationId, externalId, exceptId],
    )) as { id: string }[];
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
    await manager.query(
      `UPDATE student SET ${[...sets, 'version = $2', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      params,
    );
    if (nextGuardians && changes.some((c) => c.field === 'guardians')) {
      const keep = nextGuardians.filter((g) => g.id).map((g) => g.id);
      await manager.query(`DELETE FROM guardian WHERE student_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
        current.id,
        keep,
      ]);
      for (const g of nextGuardians) {
        if (g.id) {
          await manager.query(
            `UPDATE guardian SET name = $2, relation = $3, phone = $4, email = $5, external_id = coalesce($6, external_id)
              WHERE id = $1`,
            [g.id, g.name, g.relation, g.phone, g.email, g.externalId ?? null],
          );
        } else {
          await manager.query(
            `INSERT INTO guardian (student_id, name, relation, phone, email, external_id) VALUES ($1, $2, $3, $4, $5, $6)`,
            [current.id, g.name, g.relation, g.phone, g.email, g.externalId ?? null],
          );
        }
      }
    }
    await manager.query(
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
    return (await this.dataSource.query(
      `SELECT c.id::text AS id, c.field, c.old_value, c.new_value, c.source, c.changed_by,
              u.display_name AS changed_by_name, c.sync_source_id, c.version, c.changed_at
         FROM student_change c LEFT JOIN app_user u ON u.id = c.changed_by
        WHERE c.student_id = $1 AND ($2::bigint IS NULL OR c.id < $2::bigint)
        ORDER BY c.id DESC LIMIT $3`,
      [studentId, beforeId, limit],
    )) as StudentChangeRow[];
  }

  async version(manager: EntityManager, id: string): Promise<number | null> {
    const [row] = (await manager.query(`SELECT version FROM student WHERE id = $1`, [id])) as { version: number }[];
    return row?.version ?? null;
  }
}
