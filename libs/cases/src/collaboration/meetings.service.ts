import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
import { CasesRepository } from '../cases.repository';
import { MeetingDto, MeetingListQuery, RecordMinutesDto, ScheduleMeetingDto } from './meetings.dto';
import { MeetingRow, MeetingsRepository } from './meetings.repository';
import { blankToNull, meetingPlaceProblems, participantProblems } from './meetings.rules';

const toDto = (r: MeetingRow): MeetingDto => ({
  id: r.id,
  caseId: r.case_id,
  startsAt: r.starts_at.toISOString(),
  place: r.place,
  videoLink: r.video_link,
  agencies: r.agencies,
  pupilPresent: r.pupil_present,
  guardiansPresent: r.guardians_present,
  minutes: r.minutes,
  decisions: r.decisions,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The joint meeting (samverkansmöte) of the school, the mobilised agencies, the pupil and guardians. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly repository: MeetingsRepository,
    private readonly caseRepository: CasesRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async schedule(caller: Caller, caseId: string, dto: ScheduleMeetingDto): Promise<MeetingDto> {
    const place = blankToNull(dto.place) ?? null;
    const videoLink = dto.videoLink ?? null;
    const placeProblems = meetingPlaceProblems(place, videoLink);
    if (placeProblems.length) throw new ValidationError(placeProblems);
    const startsAt = new Date(dto.startsAt);
    if (Number.isNaN(startsAt.getTime())) {
      throw new ValidationError([
        { field: 'startsAt', code: 'invalid-date', message: 'startsAt is not a real date-time' },
      ]);
    }
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'meeting.schedule', tx: manager });
      requireActive(facts);
      if (startsAt.getTime() <= Date.now()) {
        throw new UnprocessableError('The meeting must be in the future.', {
          errors: [{ field: 'startsAt', code: 'not-in-future', message: 'must be in the future' }],
        });
      }
      const allowed = new Set(await this.repository.participantAgencyIds(manager, caseId, facts.schoolId));
      const errors = participantProblems(dto.agencyIds, allowed);
      if (errors.length) {
        throw new UnprocessableError('Participants must be the school or agencies mobilised into the case.', {
          errors,
        });
      }
      const id = await this.repository.insert(manager, {
        caseId,
        startsAt: startsAt.toISOString(),
        place,
        videoLink,
        agencyIds: dto.agencyIds.map((a) => a.toLowerCase()),
        pupilPresent: dto.pupilPresent,
        guardiansPresent: dto.guardiansPresent,
        createdBy: caller.userId,
      });
      await this.caseRepository.recordEvent(manager, caseId, caller, 'meeting.scheduled', {
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
    const rows = await this.repository.listForCase(this.repository.manager, caseId, {
      limit: query.limit,
      cursor: decodeCursor(query.cursor, ['timestamp', 'uuid']),
    });
    const page = toPage(rows, query.limit, (r) => [r.starts_at.toISOString(), r.id], toDto);
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
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'meeting.minutes', tx: manager });
      const meeting = await this.repository.findForMinutes(manager, caseId, meetingId);
      if (!meeting) throw new NotFoundError('meeting');
      requireActive(facts);
      if (!meeting.begun) throw new ConflictError('Minutes are recorded once the meeting has taken place.');
      await this.repository.setMinutes(manager, meetingId, { minutes, decisions });
      await this.caseRepository.recordEvent(manager, caseId, caller, 'meeting.minutes', {
        meetingId,
        fields: [...(minutes !== undefined ? ['minutes'] : []), ...(decisions !== undefined ? ['decisions'] : [])],
      });
      await this.access.logChange(caller, 'meeting.minutes', 'case_meeting', [meetingId], manager);
      return this.load(manager, caseId, meetingId);
    });
  }

  private async load(manager: EntityManager, caseId: string, id: string): Promise<MeetingDto> {
    return toDto((await this.repository.find(manager, caseId, id))!);
  }
}
