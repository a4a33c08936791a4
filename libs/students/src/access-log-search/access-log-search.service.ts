import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, toPage } from '@app/http';
import { canonicalPersonnummer } from '../students.service';
import { AccessLogSearchDto, AccessLogSearchItem } from './access-log-search.dto';
import { AccessLogFilter, AccessLogSearchRepository, AccessLogSearchRow } from './access-log-search.repository';
import { accessLogCsv, CSV_EXPORT_LIMIT } from './access-log-search.rules';

const toItem = (r: AccessLogSearchRow): AccessLogSearchItem => ({
  id: r.id,
  at: r.at.toISOString(),
  userId: r.user_id,
  userDisplayName: r.user_display_name,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  action: r.action,
  subjectType: r.subject_type,
  subjectIds: r.subject_ids,
  outcome: r.outcome,
  requestId: r.request_id,
});

/**
 * The auditor's search of the access log of their own organisation. A pupil is named by
 * personnummer in the request body and resolved here, within the organisation only; a number
 * of no pupil of the organisation finds nothing (as an empty page: no hint whether it exists
 * elsewhere). The search itself is logged, naming the pupil searched for.
 */
@Injectable()
export class AccessLogSearchService {
  constructor(
    private readonly repository: AccessLogSearchRepository,
    private readonly access: AccessService,
  ) {}

  async search(caller: Caller, dto: AccessLogSearchDto): Promise<Page<AccessLogSearchItem>> {
    const filter = await this.filterOf(caller, dto);
    if (!filter) return { items: [], nextCursor: null };
    const cursor = decodeCursor(dto.cursor, ['int']);
    const rows = await this.repository.search(
      { ...filter, beforeId: cursor ? Number(cursor[0]) : undefined },
      dto.limit + 1,
    );
    const page = toPage(rows, dto.limit, (r) => [Number(r.id)], toItem);
    await this.access.logList(
      caller,
      'accessLog.search',
      'access_log',
      page.items.map((i) => i.id),
    );
    return page;
  }

  /** The whole selection (at most CSV_EXPORT_LIMIT entries) as CSV. */
  async exportCsv(caller: Caller, dto: AccessLogSearchDto): Promise<string> {
    const filter = await this.filterOf(caller, dto);
    const items = filter ? (await this.repository.search(filter, CSV_EXPORT_LIMIT)).map(toItem) : [];
    await this.access.logList(
      caller,
      'accessLog.export',
      'access_log',
      items.map((i) => i.id),
    );
    return accessLogCsv(items);
  }

  /** The filter in the organisation, or null when the personnummer names none of its pupils. */
  private async filterOf(caller: Caller, dto: AccessLogSearchDto): Promise<AccessLogFilter | null> {
    const filter: AccessLogFilter = {
      organisationId: caller.organisationId,
      userId: dto.userId,
      agencyId: dto.agencyId,
      action: dto.action,
      from: dto.from,
      to: dto.to,
      outcome: dto.outcome,
    };
    if (dto.personnummer === undefined || dto.personnummer.trim() === '') return filter;
    const personnummer = canonicalPersonnummer(dto.personnummer);
    const studentId = await this.repository.findStudentId(caller.organisationId, personnummer);
    // The search for a pupil is itself an access to the pupil's data: logged with the pupil (never the number).
    await this.access.logList(caller, 'accessLog.searchStudent', 'student', studentId ? [studentId] : []);
    return studentId ? { ...filter, studentId } : null;
  }
}
