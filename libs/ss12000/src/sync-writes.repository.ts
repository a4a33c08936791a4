import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { refreshAttendanceDays } from '@app/attendance';

export interface PupilMatchRow {
  id: string;
  external_id: string | null;
  personnummer: string | null;
  school_id: string;
}

export interface NewPupil {
  organisationId: string;
  schoolId: string;
  externalId: string;
  personnummer: string | null;
  temporaryNumber: string | null;
  firstName: string;
  lastName: string;
  grade: number;
  protectedIdentity: boolean;
  enrolled: boolean;
}

/** What a sync writes besides a pupil's own fields (those go through StudentRepository.applyChanges). */
@Injectable()
export class SyncWritesRepository {
  /** The organisation's pupils an SS 12000 page names, by external id or (for linking) personnummer. */
  async matchPupils(
    manager: EntityManager,
    organisationId: string,
    externalIds: string[],
    personnummers: string[],
  ): Promise<PupilMatchRow[]> {
    return (await manager.query(
      `SELECT id, external_id, personnummer, school_id FROM student
        WHERE organisation_id = $1 AND (external_id = ANY($2::text[]) OR personnummer = ANY($3::text[]))`,
      [organisationId, externalIds, personnummers],
    )) as PupilMatchRow[];
  }

  async insertPupil(manager: EntityManager, p: NewPupil): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO student (organisation_id, school_id, personnummer, temporary_number, first_name, last_name, grade,
                            class_name, external_id, protected_identity, enrolled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10) RETURNING id`,
      [
        p.organisationId,
        p.schoolId,
        p.personnummer,
        p.temporaryNumber,
        p.firstName,
        p.lastName,
        p.grade,
        p.externalId,
        p.protectedIdentity,
        p.enrolled,
      ],
    )) as { id: string }[];
    return id;
  }

  async insertGuardians(
    manager: EntityManager,
    studentId: string,
    guardians: { externalId: string; name: string; relation: string }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO guardian (student_id, name, relation, external_id)
       SELECT $1, g.name, g.relation, g.external_id FROM jsonb_to_recordset($2::jsonb) AS g (name text, relation text, external_id text)`,
      [
        studentId,
        JSON.stringify(guardians.map((g) => ({ name: g.name, relation: g.relation, external_id: g.externalId }))),
      ],
    );
  }

  /** Guardians registered by hand and now recognised in SS 12000: their SS 12000 person id is kept. */
  async linkGuardians(manager: EntityManager, links: { id: string; externalId: string }[]): Promise<void> {
    if (!links.length) return;
    await manager.query(
      `UPDATE guardian g SET external_id = l.external_id
         FROM jsonb_to_recordset($1::jsonb) AS l (id uuid, external_id text)
        WHERE g.id = l.id AND g.external_id IS NULL`,
      [JSON.stringify(links.map((l) => ({ id: l.id, external_id: l.externalId })))],
    );
  }

  /** The school's pupils with a guardian who is one of these SS 12000 persons. */
  async pupilsWithGuardians(manager: EntityManager, schoolId: string, guardianIds: string[]): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT s.id FROM guardian g JOIN student s ON s.id = g.student_id
        WHERE s.school_id = $1 AND g.external_id = ANY($2::text[]) ORDER BY s.id`,
      [schoolId, guardianIds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The pupils of the organisation with these SS 12000 ids: external id → pupil id. */
  async pupilIds(manager: EntityManager, organisationId: string, externalIds: string[]): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT id, external_id FROM student WHERE organisation_id = $1 AND external_id = ANY($2::text[])`,
      [organisationId, externalIds],
    )) as { id: string; external_id: string }[];
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  /**
   * Deleted calendar events (`/deletedEntities`): their lessons and lesson identities go, and the
   * days are refreshed (a day left without a reported lesson is removed). Returns lessons removed.
   */
  async removeEventLessons(manager: EntityManager, schoolIds: string[], eventIds: string[]): Promise<number> {
    if (!eventIds.length) return 0;
    const gone = (await manager.query(
      `WITH identity AS (
         DELETE FROM ss12000_lesson l USING student s
          WHERE l.calendar_event_id = ANY($2::text[]) AND s.id = l.student_id AND s.school_id = ANY($1::uuid[])
         RETURNING l.student_id, l.lesson_date, l.start_time)
       DELETE FROM attendance_lesson a USING identity g
        WHERE a.student_id = g.student_id AND a.lesson_date = g.lesson_date AND a.start_time = g.start_time
       RETURNING a.student_id::text, a.lesson_date`,
      [schoolIds, eventIds],
    )) as [{ student_id: string; lesson_date: string }[], number] | { student_id: string; lesson_date: string }[];
    const rows = Array.isArray(gone[0])
      ? (gone[0] as { student_id: string; lesson_date: string }[])
      : (gone as { student_id: string; lesson_date: string }[]);
    await manager.query(
      `UPDATE ss12000_calendar_event SET cancelled = true, updated_at = now()
                          WHERE school_id = ANY($1::uuid[]) AND id = ANY($2::text[]) AND NOT cancelled`,
      [schoolIds, eventIds],
    );
    await this.refreshDays(manager, rows);
    return rows.length;
  }

  /** Deleted attendance records: the lesson goes back to not reported (the event still took place). */
  async unreportAttendances(manager: EntityManager, schoolIds: string[], attendanceIds: string[]): Promise<number> {
    if (!attendanceIds.length) return 0;
    const rows = (await manager.query(
      `UPDATE attendance_lesson a SET reported = false, attended_minutes = 0, valid_absence_minutes = 0,
              invalid_absence_minutes = 0, reason = NULL, updated_at = now()
         FROM ss12000_lesson l JOIN student s ON s.id = l.student_id
        WHERE l.attendance_id = ANY($2::text[]) AND s.school_id = ANY($1::uuid[])
          AND a.student_id = l.student_id AND a.lesson_date = l.lesson_date AND a.start_time = l.start_time
          AND a.reported
       RETURNING a.student_id::text, a.lesson_date`,
      [schoolIds, attendanceIds],
    )) as [{ student_id: string; lesson_date: string }[], number];
    await this.refreshDays(manager, rows[0]);
    return rows[0].length;
  }

  /** Deleted persons: still in the register (their history stays), no longer enrolled. */
  async unenrol(manager: EntityManager, organisationId: string, externalIds: string[]): Promise<string[]> {
    if (!externalIds.length) return [];
    const rows = (await manager.query(
      `SELECT id FROM student WHERE organisation_id = $1 AND external_id = ANY($2::text[]) AND enrolled`,
      [organisationId, externalIds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Reported absence (`Anmäld frånvaro`, `Beviljad ledighet`): the invalid absence of the pupil's
   * reported lessons that start within it becomes valid. Returns the lessons changed.
   */
  async applyAbsence(
    manager: EntityManager,
    schoolIds: string[],
    studentId: string,
    start: string,
    end: string,
    reason: string,
  ): Promise<number> {
    const rows = (await manager.query(
      `UPDATE attendance_lesson a
          SET valid_absence_minutes = a.valid_absence_minutes + a.invalid_absence_minutes, invalid_absence_minutes = 0,
              reason = coalesce(a.reason, $5), updated_at = now()
         FROM student s
        WHERE s.id = $1 AND s.school_id = ANY($2::uuid[]) AND a.student_id = s.id
          AND a.lesson_date BETWEEN ($3::timestamptz AT TIME ZONE 'Europe/Stockholm')::date
                                AND ($4::timestamptz AT TIME ZONE 'Europe/Stockholm')::date
          AND (a.lesson_date + a.start_time) >= ($3::timestamptz AT TIME ZONE 'Europe/Stockholm')
          AND (a.lesson_date + a.start_time) < ($4::timestamptz AT TIME ZONE 'Europe/Stockholm')
          AND a.invalid_absence_minutes > 0
       RETURNING a.student_id::text, a.lesson_date`,
      [studentId, schoolIds, start, end, reason],
    )) as [{ student_id: string; lesson_date: string }[], number];
    await this.refreshDays(manager, rows[0]);
    return rows[0].length;
  }

  private async refreshDays(manager: EntityManager, rows: { student_id: string; lesson_date: string }[]) {
    if (!rows.length) return;
    await refreshAttendanceDays(
      manager,
      `SELECT k.student_id, k.lesson_date FROM jsonb_to_recordset($1::jsonb) AS k (student_id uuid, lesson_date date)`,
      [JSON.stringify(rows)],
      { removeEmptyDays: true },
    );
  }
}
