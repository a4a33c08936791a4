import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller, Role } from '@app/access';
import { pupilAbsenceFigures } from '@app/attendance';
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
} from './flags.dto';
import { FlagNoteRow, FlagRow, FlagsRepository } from './flags.repository';
import { WatchlistService } from './watchlist.service';

/** Who triages a school's flags: its elevhälsa and principal. */
export const TRIAGE_ROLES: Role[] = ['principal', 'elevhalsa'];
/** Who reads a flag and adds to it: every staff role of the school (they see its pupils). */
const FLAG_READER_ROLES: Role[] = ['school_staff', ...TRIAGE_ROLES];

const toNote = (r: FlagNoteRow): FlagNoteDto => ({
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
    private readonly repository: FlagsRepository,
    private readonly watchlist: WatchlistService,
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
    return this.repository.transaction(async (manager) => {
      const pupil = await this.students.requireStudent(caller, studentId, 'flag.create', 'write', manager);
      await this.refuseSecondWorry(manager, studentId);
      const now = this.clock.now();
      const today = swedishDate(now);
      const rules = await this.rules.rulesFor(pupil.organisationId, manager);
      const snapshot: FlagSnapshotDto = {
        takenAt: now.toISOString(),
        figures: await pupilAbsenceFigures(manager, studentId, addDays(today, -27), today),
        rulesHit: await this.watchlist.currentRuleHits(manager, studentId, rules, today),
      };
      const id = await this.repository.insert(manager, {
        studentId,
        schoolId: pupil.schoolId,
        createdBy: caller.userId,
        text,
        snapshot,
      });
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
    await this.repository.lockPupil(manager, studentId);
    const existing = await this.repository.existingWorry(manager, studentId);
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
    return this.repository.transaction(async (manager) => {
      await this.requireFlag(caller, manager, id, 'flag.note', 'write', FLAG_READER_ROLES);
      const status = await this.repository.lockStatus(manager, id);
      if (status !== 'new') {
        throw new ConflictError(`The flag has already been triaged (${status}).`, {
          currentStatus: status,
        });
      }
      await this.repository.addNote(manager, id, note, caller.userId);
      await this.access.logChange(caller, 'flag.note', 'flag', [id], manager);
      return this.load(manager, id);
    });
  }

  /** The caller's school's flags, newest first. */
  async list(caller: Caller, query: FlagListQuery): Promise<Page<FlagDto>> {
    const rows = await this.repository.list({
      scope: this.access.scope(caller, 'student', 'f.school_id', 1),
      status: query.status,
      before: decodeCursor(query.cursor, ['timestamp', 'uuid']),
      limit: query.limit + 1,
    });
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
    await this.requireFlag(caller, this.repository.manager, id, 'flag.read', 'read', FLAG_READER_ROLES);
    return this.load(this.repository.manager, id);
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
    const caseId = await this.repository.transaction(async (manager) => {
      const flag = await this.triageIn(manager, caller, id, 'accepted', null);
      const origin = (await this.repository.origin(manager, id))!;
      return this.cases.openInTransaction(caller, manager, origin.student_id, coordinatorId ?? null, {
        id: flag.id,
        createdAt: origin.created_at,
      });
    });
    return this.cases.get(caller, caseId);
  }

  private triage(caller: Caller, id: string, status: 'accepted' | 'dismissed', reason: string | null) {
    return this.repository.transaction((manager) => this.triageIn(manager, caller, id, status, reason));
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
      if (!(await this.repository.triage(manager, id, status, caller.userId, reason))) {
        const current = (await this.repository.status(manager, id)) ?? undefined;
        throw new ConflictError(`The flag has already been triaged (${current}).`, {
          currentStatus: current,
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
    const schoolId = await this.repository.schoolOf(manager, id);
    await this.access.require({
      caller,
      action,
      logAction,
      subject: schoolId ? { type: 'school-record', schoolId, roles } : null,
      subjectType: 'flag',
      subjectId: id,
      manager,
    });
  }

  private async load(manager: EntityManager, id: string): Promise<FlagDto> {
    const row = await this.repository.find(manager, id);
    if (!row) throw new NotFoundError('flag');
    const notes = await this.repository.notes(manager, id);
    return toFlag(row, notes.map(toNote));
  }
}
