import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, decodeCursor, Page, pageSchema, toPage } from '@app/http';
import { AccessLogItem, AccessLogQuery } from './access-log.dto';
import { AccessLogRepository } from './access-log.repository';
import { AccessService } from './access.service';
import { Caller, CurrentCaller } from './caller';
import { RequirePermission } from './decorators';

@ApiTags('access log')
@Controller('access-log')
export class AccessLogController {
  constructor(
    private readonly repository: AccessLogRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * The auditor's view: every access to the personal data their organisation is responsible for
   * (its pupils, their cases and everything under them, its users and agencies), whoever made
   * it, newest first. `subject_organisation_id` was set when the row was written.
   */
  @Get()
  @RequirePermission('accessLog.read')
  @ApiOperation({
    summary:
      'Access log (åtkomstlogg): every access, by anyone, to the data your organisation is responsible for, newest first.',
  })
  @ApiOkResponse({ type: pageSchema(AccessLogItem) })
  @ApiProblems(400)
  async list(@CurrentCaller() caller: Caller, @Query() query: AccessLogQuery): Promise<Page<AccessLogItem>> {
    const cursor = decodeCursor(query.cursor, ['int']);
    const rows = await this.repository.list({
      subjectOrganisationId: caller.organisationId,
      userId: query.userId,
      subjectId: query.subjectId,
      subjectType: query.subjectType,
      from: query.from,
      to: query.to,
      beforeId: cursor ? Number(cursor[0]) : undefined,
      limit: query.limit,
    });
    const page = toPage(
      rows,
      query.limit,
      (r) => [Number(r.id)],
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.user_id,
        agencyId: r.agency_id,
        action: r.action,
        subjectType: r.subject_type,
        subjectIds: r.subject_ids,
        outcome: r.outcome,
        requestId: r.request_id,
        detail: r.detail,
      }),
    );
    await this.access.logList(
      caller,
      'accessLog.read',
      'access_log',
      page.items.map((i) => i.id),
    );
    return page;
  }
}
