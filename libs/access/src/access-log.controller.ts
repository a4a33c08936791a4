import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { ApiProblems, decodeCursor, IsIsoInstant, Page, PageQuery, pageSchema, toPage } from '@app/http';
import { AccessService } from './access.service';
import { Caller, CurrentCaller } from './caller';
import { RequirePermission } from './decorators';

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only entries of this user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'Only entries about this subject id (a pupil, a case, a user…).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ example: 'student' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601.' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (exclusive), ISO 8601.' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}

export class AccessLogItem {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ example: 'student.read' }) action: string;
  @ApiProperty({ example: 'student' }) subjectType: string;
  @ApiProperty({ type: [String] }) subjectIds: string[];
  @ApiProperty({ enum: ['allowed', 'denied'] }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'Facts of a change beyond ids, e.g. `{ rolesBefore, rolesAfter }` of a change of who holds a role.',
  })
  detail: Record<string, unknown> | null;
}

interface AccessLogRow {
  id: string;
  at: Date;
  user_id: string | null;
  agency_id: string | null;
  action: string;
  subject_type: string;
  subject_ids: string[];
  outcome: string;
  request_id: string | null;
  detail: Record<string, unknown> | null;
}

@ApiTags('access log')
@Controller('access-log')
export class AccessLogController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const where = ['subject_organisation_id = $1'];
    const params: unknown[] = [caller.organisationId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.userId) add('user_id = ?', query.userId);
    if (query.subjectId) add('subject_ids @> ARRAY[?]::text[]', query.subjectId);
    if (query.subjectType) add('subject_type = ?', query.subjectType);
    if (query.from) add('at >= ?', query.from);
    if (query.to) add('at < ?', query.to);
    const cursor = decodeCursor(query.cursor, ['int']);
    if (cursor) add('id < ?', cursor[0]);
    params.push(query.limit + 1);
    const rows: AccessLogRow[] = await this.dataSource.query(
      `SELECT id::text, at, user_id, agency_id, action, subject_type, subject_ids, outcome, request_id, detail
         FROM access_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
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
