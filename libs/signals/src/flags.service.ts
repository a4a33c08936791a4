import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller, Role } from '@app/access';
import { absenceFigures } from '@app/attendance';
import { addDays, swedishDate } from '@app/calendar';
import { CaseDto, CasesService } from '@app/cases';
import { ConflictError, decodeCursor, NotFoundError, Page, toPage, ValidationError } from '@app/http';
import { Clock, CLOCK, Notifier } from '@app/notifications';
import { maskPersonnummer, StudentsService } from '@app/students';
import { AbsenceRulesService } from './absence-rules.service';
import {
  CreateFlagDto,
  DismissFlagDto,
  ExistingWorryDto,
  FlagDto,
  FlagListQuery,
  FlagNoteDto,
  FlagSnapshotDto,
  FlagStatus,
} from './flags.dto';
import { currentRuleHits } from './watchlist.service';

/** Who triages a school's flags: its elevhälsa and principal. */
export const TRIAGE_ROLES: Role[] = ['principal', 'elevhalsa'];
/** Who reads a flag and adds to it: every staff role of the school (they see its pupils). */
const FLAG_READER_ROLES: Role[] = ['school_staff', ...TRIAGE_ROLES];

interface FlagRow {
  id: string;
  student_id: string;
  school_id: string;
  first_name: string;
  last_name: string;
  class_name: string;
  grade: number;
  personnummer: string;
  text: string;
  status: FlagStatus;
  snapshot: FlagSnapshotDto;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  created_key: string;
  triaged_by: string | null;
  triaged_by_name: string | null;
  triaged_at: Date | null;
  dismiss_reason: string | null;
}

const FLAG_SELECT = `
  SELECT f.id, f.student_id, f.school_id, s.first_name, s.last_name, s.class_name, s.grade, s.personnummer,
         f.text, f.status, f.snapshot, f.created_by, cu.display_name AS created_by_name, f.created_at,
         to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_key,
         f.triaged_by, tu.display_name AS triaged_by_name, f.triaged_at, f.dismiss_reason
    FROM absence_flag f
    JOIN student s ON s.id = f.student_id
    JOIN app_user cu ON cu.id = f.created_by
    LEFT JOIN app_user tu ON tu.id = f.triaged_by`;

interface NoteRow {
  id: string;
  text: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

const toNote = (r: NoteRow): FlagNoteDto => ({
  id: r.id,
  text: r.text,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
});

const toFlag = (r: FlagRow, notes: FlagNoteDto[] = []): FlagDto => ({
  id: r.id,
  studentId: r.student_id,
  schoolId: r.school_id,
  firstName: r.first_name,
  lastName: r.last_name,
  className: r.class_name,
  grade: r.grade,
  personnummerMasked: maskPersonnummer(r.personnummer),
  text: r.text,
  status: r.status,
  snapshot: r.snapshot,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  triagedBy: r.triaged_by ? { id: r.triaged_by, displayName: r.triaged_by_name ?? '' } : null,
  triagedAt: r.triaged_at?.toISOString() ?? null,
  dismissReason: r.dismiss_reason,
  notes,
});

/** Flags to elevhälsa (orosanmälan om frånvaro inom skolan): made by staff, triaged by elevhälsa/principal. */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly students: StudentsService,
    private readonly rules: AbsenceRulesService,
    private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async create(caller: Caller, studentId: string, dto: CreateFlagDto): Promise<FlagDto> {
    const text = dto.text.trim();
    if (!text) throw new ValidationError([{ field: 'text', code: 'blank', message: 'text must not be blank' }]);
    return this.dataSource.transaction(async (manager) => {
      const pupil = await this.students.requireStudent(caller, studentId, 'flag.create', 'write', manager);
      await this.refuseSecondWorry(manager, studentId);
      const now = this.clock.now();
      const today = swedishDate(now);
      const rules = await this.rules.rulesFor(pupil.organisationId, manager);
      const snapshot: FlagSnapshotDto = {
        takenAt: now.toISOString(),
        figures: await absenceFigures(manager, `SELECT $1::uuid AS id`, [studentId], addDays(today, -27), today),
        rulesHit: await currentRuleHits(manager, studentId, rules, today),
      };
      const [{ id }] = await manager.query(
        `INSERT INTO absence_flag (student_id, school_id, created_by, text, snapshot)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [studentId, pupil.schoolId, caller.userId, text, JSON.stringify(snapshot)],
      );
      await this.access.logChange(caller, 'flag.create', 'flag', [id], manager);
      return this.load(manager, id);
    });
  }

  /**
   * One flag per worry: while a pupil's flag awaits triage, or the pupil has an open case, a
   * new flag is a 409 that names the flag (to add to) or the case. The pupil's row is locked
   * first (NO KEY UPDATE: attendance writers still reference it), so two staff flagging the
   * same pupil at once make one flag, not two.
   */
  private async refuseSecondWorry(manager: EntityManager, studentId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM student WHERE id = $1 FOR NO KEY UPDATE`, [studentId]);
    const [existing]: { type: 'flag' | 'case'; id: string; reference: string | null; created_at: Date }[] =
      await manager.query(
        `SELECT 'flag' AS type, id, NULL AS reference, created_at FROM absence_flag
          WHERE student_id = $1 AND status = 'new'
         UNION ALL
         SELECT 'case', id, reference, opened_at FROM support_case WHERE student_id = $1 AND status <> 'closed'
         ORDER BY type DESC, created_at
         LIMIT 1`,
        [studentId],
      );
    if (!existing) return;
    const worry: ExistingWorryDto = {
      type: existing.type,
      id: existing.id,
      reference: existing.reference,
      createdAt: existing.created_at.toISOString(),
    };
    throw existing.type === 'flag'
      ? new ConflictError('The pupil already has a flag awaiting triage: add to it instead.', {
          code: 'flag-exists',
          existing: worry,
        })
      : new ConflictError(`The pupil already has an open case (${existing.reference}).`, {
          code: 'case-open',
          existing: worry,
        });
  }

  /** Adds an observation to a flag that still awaits triage (any staff of the pupil's school). */
  async addNote(caller: Caller, id: string, text: string): Promise<FlagDto> {
    const note = text.trim();
    if (!note) throw new ValidationError([{ field: 'text', code: 'blank', message: 'text must not be blank' }]);
    return this.dataSource.transaction(async (manager) => {
      await this.requireFlag(caller, manager, id, 'flag.note', 'write', FLAG_READER_ROLES);
      const [flag] = await manager.query(`SELECT status FROM absence_flag WHERE id = $1 FOR UPDATE`, [id]);
      if (flag.status !== 'new') {
        throw new ConflictError(`The flag has already been triaged (${flag.status}).`, {
          currentStatus: flag.status,
        });
      }
      await manager.query(`INSERT INTO absence_flag_note (flag_id, text, created_by) VALUES ($1, $2, $3)`, [
        id,
        note,
        caller.userId,
      ]);
      await this.access.logChange(caller, 'flag.note', 'flag', [id], manager);
      return this.load(manager, id);
    });
  }

  /** The caller's school's flags, newest first. */
  async list(caller: Caller, query: FlagListQuery): Promise<Page<FlagDto>> {
    const scope = this.access.scope(caller, 'student', 'f.school_id', 1);
    const params: unknown[] = [...scope.params];
    const where = [scope.sql];
    if (query.status) {
      params.push(query.status);
      where.push(`f.status = $${params.length}`);
    }
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (cursor) {
      params.push(...cursor);
      where.push(
        `(f.created_at, f.id) < ($${params.length - 1}::timestamp AT TIME ZONE 'UTC', $${params.length}::uuid)`,
      );
    }
    params.push(query.limit + 1);
    const rows: FlagRow[] = await this.dataSource.query(
      `${FLAG_SELECT} WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.created_key, r.id], toFlag);
    await this.access.logList(
      caller,
      'flag.list',
      'flag',
      page.items.map((f) => f.id),
    );
    return page;
  }

  async get(caller: Caller, id: string): Promise<FlagDto> {
    await this.requireFlag(caller, this.dataSource.manager, id, 'flag.read', 'read', FLAG_READER_ROLES);
    return this.load(this.dataSource.manager, id);
  }

  dismiss(caller: Caller, id: string, dto: DismissFlagDto): Promise<FlagDto> {
    const reason = dto.reason.trim();
    if (!reason) throw new ValidationError([{ field: 'reason', code: 'blank', message: 'reason must not be blank' }]);
    return this.triage(caller, id, 'dismissed', reason);
  }

  /**
   * Accepting opens the pupil's case in the same transaction: either both happen or neither
   * (a pupil who already has an open case gets a 409 and the flag stays new).
   */
  async accept(caller: Caller, id: string, coordinatorId?: string): Promise<CaseDto> {
    const caseId = await this.dataSource.transaction(async (manager) => {
      const flag = await this.triageIn(manager, caller, id, 'accepted', null);
      const [row] = await manager.query(`SELECT student_id, created_at FROM absence_flag WHERE id = $1`, [id]);
      return this.cases.openInTransaction(caller, manager, row.student_id, coordinatorId ?? null, {
        id: flag.id,
        createdAt: row.created_at,
      });
    });
    return this.cases.get(caller, caseId);
  }

  private triage(caller: Caller, id: string, status: 'accepted' | 'dismissed', reason: string | null) {
    return this.dataSource.transaction((manager) => this.triageIn(manager, caller, id, status, reason));
  }

  private async triageIn(
    manager: EntityManager,
    caller: Caller,
    id: string,
    status: 'accepted' | 'dismissed',
    reason: string | null,
  ): Promise<FlagDto> {
    {
      await this.requireFlag(caller, manager, id, status === 'accepted' ? 'flag.accept' : 'flag.dismiss', 'write');
      // Only a new flag can be triaged; of two concurrent triages exactly one updates the row.
      const [updated] = await manager.query(
        // (Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count].)
        `WITH triaged AS (
           UPDATE absence_flag SET status = $2, triaged_by = $3, triaged_at = now(), dismiss_reason = $4
            WHERE id = $1 AND status = 'new' RETURNING id
         )
         SELECT id FROM triaged`,
        [id, status, caller.userId, reason],
      );
      if (!updated) {
        const [current] = await manager.query(`SELECT status FROM absence_flag WHERE id = $1`, [id]);
        throw new ConflictError(`The flag has already been triaged (${current?.status}).`, {
          currentStatus: current?.status,
        });
      }
      await this.access.logChange(
        caller,
        status === 'accepted' ? 'flag.accept' : 'flag.dismiss',
        'flag',
        [id],
        manager,
      );
      const flag = await this.load(manager, id);
      // The one who flagged hears how it ended (they may not see the case itself).
      await this.notifier.notify(
        manager,
        status === 'accepted' ? 'flag.accepted' : 'flag.dismissed',
        { key: id, flagId: id, userId: flag.createdBy.id, schoolId: flag.schoolId },
        caller.userId,
      );
      return flag;
    }
  }

  private async requireFlag(
    caller: Caller,
    manager: EntityManager,
    id: string,
    logAction: string,
    action: 'read' | 'write',
    roles: Role[] = TRIAGE_ROLES,
  ): Promise<void> {
    const [row] = await manager.query(`SELECT school_id FROM absence_flag WHERE id = $1`, [id]);
    await this.access.require({
      caller,
      action,
      logAction,
      subject: row ? { type: 'school-record', schoolId: row.school_id, roles } : null,
      subjectType: 'flag',
      subjectId: id,
      manager,
    });
  }

  private async load(manager: EntityManager, id: string): Promise<FlagDto> {
    const [row]: FlagRow[] = await manager.query(`${FLAG_SELECT} WHERE f.id = $1`, [id]);
    if (!row) throw new NotFoundError('flag');
    const notes: NoteRow[] = await manager.query(
      `SELECT n.id, n.text, n.created_by, u.display_name AS created_by_name, n.created_at
         FROM absence_flag_note n JOIN app_user u ON u.id = n.created_by
        WHERE n.flag_id = $1 ORDER BY n.created_at, n.id`,
      [id],
    );
    return toFlag(row, notes.map(toNote));
  }
}
