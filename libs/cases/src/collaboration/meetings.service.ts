import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import {
  ConflictError,
  decodeCursor,
  NotFoundError,
  Page,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@app/http';
import { CaseAccess, requireActive } from '../case-access';
import { recordEvent } from '../timeline';
import { iso } from './collaboration-sql';
import { MeetingDto, MeetingListQuery, RecordMinutesDto, ScheduleMeetingDto } from './meetings.dto';

interface MeetingRow {
  id: string;
  case_id: string;
  starts_at: Date;
  place: string | null;
  video_link: string | null;
  agencies: { id: string; name: string; type: string }[];
  pupil_present: boolean;
  guardians_present: boolean;
  minutes: string | null;
  decisions: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `
  SELECT cm.id, cm.case_id, cm.starts_at, cm.place, cm.video_link,
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'type', a.type)
                                   ORDER BY array_position(cm.agency_ids, a.id))
                     FROM agency a WHERE a.id = ANY (cm.agency_ids)), '[]'::json) AS agencies,
         cm.pupil_present, cm.guardians_present, cm.minutes, cm.decisions,
         cm.created_by, u.display_name AS created_by_name, cm.created_at, cm.updated_at
    FROM case_meeting cm JOIN app_user u ON u.id = cm.created_by`;

const toDto = (r: MeetingRow): MeetingDto => ({
  id: r.id,
  caseId: r.case_id,
  startsAt: iso(r.starts_at)!,
  place: r.place,
  videoLink: r.video_link,
  agencies: r.agencies,
  pupilPresent: r.pupil_present,
  guardiansPresent: r.guardians_present,
  minutes: r.minutes,
  decisions: r.decisions,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

const blankToNull = (text: string | undefined) => (text === undefined ? undefined : text.trim() || null);

/** The joint meeting (samverkansmöte) of the school, the mobilised agencies, the pupil and guardians. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async schedule(caller: Caller, caseId: string, dto: ScheduleMeetingDto): Promise<MeetingDto> {
    const place = blankToNull(dto.place) ?? null;
    const videoLink = dto.videoLink ?? null;
    if (!place && !videoLink) {
      throw new ValidationError([
        { field: 'place', code: 'one-of-required', message: 'give a place or a videoLink' },
        { field: 'videoLink', code: 'one-of-required', message: 'give a place or a videoLink' },
      ]);
    }
    const startsAt = new Date(dto.startsAt);
    if (Number.isNaN(startsAt.getTime())) {
      throw new ValidationError([
        { field: 'startsAt', code: 'invalid-date', message: 'startsAt is not a real date-time' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'meeting.schedule', tx: manager });
      requireActive(facts);
      if (startsAt.getTime() <= Date.now()) {
        throw new UnprocessableError('The meeting must be in the future.', {
          errors: [{ field: 'startsAt', code: 'not-in-future', message: 'must be in the future' }],
        });
      }
      const participants: { agency_id: string }[] = await manager.query(
        `SELECT $2::uuid AS agency_id
          UNION SELECT agency_id FROM mobilisation WHERE case_id = $1 AND status <> 'declined'`,
        [caseId, facts.schoolId],
      );
      const allowed = new Set(participants.map((p) => p.agency_id));
      const errors = dto.agencyIds
        .map((agencyId, i) => ({ agencyId, field: `agencyIds.${i}` }))
        .filter(({ agencyId }) => !allowed.has(agencyId.toLowerCase()))
        .map(({ field }) => ({
          field,
          code: 'not-in-case',
          message: "not the pupil's school or an agency mobilised into the case",
        }));
      if (errors.length) {
        throw new UnprocessableError('Participants must be the school or agencies mobilised into the case.', {
          errors,
        });
      }
      const [{ id }] = await manager.query(
        `INSERT INTO case_meeting (case_id, starts_at, place, video_link, agency_ids, pupil_present, guardians_present,
                                   created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          caseId,
          startsAt.toISOString(),
          place,
          videoLink,
          dto.agencyIds.map((a) => a.toLowerCase()),
          dto.pupilPresent,
          dto.guardiansPresent,
          caller.userId,
        ],
      );
      await recordEvent(manager, caseId, caller, 'meeting.scheduled', {
        meetingId: id,
        startsAt: startsAt.toISOString(),
        agencyIds: dto.agencyIds,
      });
      await this.access.logChange(caller, 'meeting.schedule', 'case_meeting', [id], manager);
      return this.load(manager, caseId, id);
    });
  }

  /** The case's meetings in time order; an outside agency needs consent covering `case_summary`. */
  async list(caller: Caller, caseId: string, query: MeetingListQuery): Promise<Page<MeetingDto>> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'meeting.list' });
    await this.cases.requireScope(caller, facts, 'case_summary', 'meeting.list');
    const params: unknown[] = [caseId];
    const where = ['cm.case_id = $1'];
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (cursor) {
      params.push(...cursor);
      where.push(`(cm.starts_at, cm.id) > ($2::timestamptz, $3::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: MeetingRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY cm.starts_at, cm.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [iso(r.starts_at), r.id], toDto);
    await this.access.logList(
      caller,
      'meeting.list',
      'case_meeting',
      page.items.map((m) => m.id),
    );
    return page;
  }

  /** Minutes and decisions, once the meeting has begun. */
  async recordMinutes(caller: Caller, caseId: string, meetingId: string, dto: RecordMinutesDto): Promise<MeetingDto> {
    const minutes = blankToNull(dto.minutes);
    const decisions = blankToNull(dto.decisions);
    if (minutes === undefined && decisions === undefined) {
      throw new ValidationError([{ field: 'minutes', code: 'one-of-required', message: 'give minutes or decisions' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'meeting.minutes', tx: manager });
      const [meeting] = await manager.query(
        `SELECT id, starts_at <= now() AS begun FROM case_meeting WHERE id = $1 AND case_id = $2 FOR UPDATE`,
        [meetingId, caseId],
      );
      if (!meeting) throw new NotFoundError('meeting');
      requireActive(facts);
      if (!meeting.begun) throw new ConflictError('Minutes are recorded once the meeting has taken place.');
      await manager.query(
        `UPDATE case_meeting
            SET minutes = CASE WHEN $2 THEN $3 ELSE minutes END,
                decisions = CASE WHEN $4 THEN $5 ELSE decisions END,
                updated_at = now()
          WHERE id = $1`,
        [meetingId, minutes !== undefined, minutes ?? null, decisions !== undefined, decisions ?? null],
      );
      await recordEvent(manager, caseId, caller, 'meeting.minutes', {
        meetingId,
        fields: [...(minutes !== undefined ? ['minutes'] : []), ...(decisions !== undefined ? ['decisions'] : [])],
      });
      await this.access.logChange(caller, 'meeting.minutes', 'case_meeting', [meetingId], manager);
      return this.load(manager, caseId, meetingId);
    });
  }

  private async load(manager: EntityManager, caseId: string, id: string): Promise<MeetingDto> {
    const [row]: MeetingRow[] = await manager.query(`${SELECT} WHERE cm.id = $1 AND cm.case_id = $2`, [id, caseId]);
    return toDto(row);
  }
}
