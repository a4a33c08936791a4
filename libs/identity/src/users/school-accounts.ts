import { Controller, Get, Injectable, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Caller, CurrentCaller, RequirePermission, Role, ROLES } from '@app/access';
import { ApiProblems, decodeCursor, Page, PageQuery, pageSchema, toPage } from '@app/http';

export class RoleGrantDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The administrator who made the change.' })
  byUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) byDisplayName: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) rolesBefore: Role[];
  @ApiProperty({ enum: ROLES, isArray: true }) rolesAfter: Role[];
}

export class SchoolAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: RoleGrantDto,
    nullable: true,
    description: 'The latest change that gave the account a role (creation included); null if none was recorded.',
  })
  latestGrant: RoleGrantDto | null;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  created_at: Date;
  granted_at: Date | null;
  granted_by: string | null;
  granted_by_name: string | null;
  detail: { rolesBefore: Role[]; rolesAfter: Role[] } | null;
}

/**
 * The principal's view of who holds accounts at the school: roles, whether active, and who gave
 * each its latest role (from the access log's `user.roles.change` rows, written with every change).
 */
@Injectable()
export class SchoolAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, schoolId: string, query: PageQuery): Promise<Page<SchoolAccountDto>> {
    await this.access.requireSchool(caller, schoolId, 'school.accounts.read');
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    // A grant is a change whose roles after hold one the roles before did not.
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.created_at,
              g.at AS granted_at, g.user_id AS granted_by, gb.display_name AS granted_by_name, g.detail
         FROM app_user u
         LEFT JOIN LATERAL (
                SELECT l.at, l.user_id, l.detail FROM access_log l
                 WHERE l.action = 'user.roles.change' AND l.subject_ids[1] = u.id::text
                   AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(l.detail -> 'rolesAfter') AS r (role)
                                WHERE NOT (l.detail -> 'rolesBefore') ? r.role)
                 ORDER BY l.id DESC LIMIT 1) g ON true
         LEFT JOIN app_user gb ON gb.id = g.user_id
        WHERE u.agency_id = $1 ${cursor ? `AND (lower(u.username), u.id) > ($3, $4)` : ''}
        ORDER BY lower(u.username), u.id LIMIT $2`,
      [schoolId, query.limit + 1, ...(cursor ?? [])],
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.username.toLowerCase(), r.id],
      (r): SchoolAccountDto => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        roles: r.roles,
        active: r.active,
        createdAt: r.created_at.toISOString(),
        latestGrant:
          r.granted_at && r.detail
            ? {
                at: r.granted_at.toISOString(),
                byUserId: r.granted_by,
                byDisplayName: r.granted_by_name,
                rolesBefore: r.detail.rolesBefore,
                rolesAfter: r.detail.rolesAfter,
              }
            : null,
      }),
    );
    await this.access.logList(
      caller,
      'school.accounts.read',
      'user',
      page.items.map((a) => a.id),
    );
    return page;
  }
}

@ApiTags('users')
@Controller('schools')
export class SchoolAccountsController {
  constructor(private readonly accounts: SchoolAccountsService) {}

  @Get(':id/accounts')
  @RequirePermission('schoolAccounts.read')
  @ApiOperation({
    summary: "The school's accounts (skolans konton): roles, active, and who gave each its latest role and when.",
    description: 'The principal of the school only; another school answers 404.',
  })
  @ApiOkResponse({ type: pageSchema(SchoolAccountDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<SchoolAccountDto>> {
    return this.accounts.list(caller, id, query);
  }
}
