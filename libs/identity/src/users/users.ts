import { Body, Controller, Get, HttpCode, Injectable, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AgencyType, Caller, CurrentCaller, RequirePermission, Role, ROLES } from '@app/access';
import {
  ApiProblems,
  ConflictError,
  decodeCursor,
  Page,
  PageQuery,
  pageSchema,
  toPage,
  UnprocessableError,
} from '@app/http';
import { hashPassword } from '../passwords';

export class CreateUserDto {
  @ApiProperty({ example: 'kurator@storsjo.demo', description: 'An e-mail address; used to log in.' })
  @IsEmail()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'Kim Kurator' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ minLength: 12, description: 'Initial password, at least 12 characters.' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deactivatedAt: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  agency_id: string;
  agency_name: string;
  organisation_id: string;
  created_at: Date;
  deactivated_at: Date | null;
}

const toDto = (r: UserRow): UserDto => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles,
  active: r.active,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  createdAt: r.created_at.toISOString(),
  deactivatedAt: r.deactivated_at?.toISOString() ?? null,
});

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.created_at, u.deactivated_at,
                            a.id AS agency_id, a.name AS agency_name, a.organisation_id
                       FROM app_user u JOIN agency a ON a.id = u.agency_id`;

const SCHOOL_ROLES: Role[] = ['school_staff', 'principal', 'elevhalsa'];

/** Roles must fit the agency: school roles at schools, case work at the other agencies. */
function checkRolesFit(roles: Role[], agencyType: AgencyType): void {
  const misfit = roles.filter((role) =>
    agencyType === 'school' ? role === 'agency_worker' : SCHOOL_ROLES.includes(role),
  );
  if (misfit.length) {
    throw new UnprocessableError(`The roles ${misfit.join(', ')} do not fit an agency of type ${agencyType}.`, {
      errors: [{ field: 'roles', message: `${misfit.join(', ')} cannot be given at a ${agencyType} agency` }],
    });
  }
}

/** Users an admin manages: those of agencies in the admin's own organisation, and no others. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, query: PageQuery): Promise<Page<UserDto>> {
    const scope = this.access.scope(caller, 'organisation-member', 'a.organisation_id', 1);
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const n = scope.params.length;
    const rows: UserRow[] = await this.dataSource.query(
      `${USER_SELECT} WHERE ${scope.sql} ${cursor ? `AND (lower(u.username), u.id) > ($${n + 2}, $${n + 3})` : ''}
        ORDER BY lower(u.username), u.id LIMIT $${n + 1}`,
      [...scope.params, query.limit + 1, ...(cursor ?? [])],
    );
    const page = toPage(rows, query.limit, (r) => [r.username.toLowerCase(), r.id], toDto);
    await this.access.logList(
      caller,
      'user.list',
      'user',
      page.items.map((u) => u.id),
    );
    return page;
  }

  async get(caller: Caller, id: string): Promise<UserDto> {
    const row = await this.findVisible(caller, this.dataSource.manager, id, 'user.read');
    return toDto(row);
  }

  async create(caller: Caller, dto: CreateUserDto): Promise<UserDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const [agency] = await manager.query(`SELECT id, type FROM agency WHERE id = $1 AND organisation_id = $2`, [
        dto.agencyId,
        caller.organisationId,
      ]);
      // Another organisation's agency reads exactly like one that doesn't exist.
      if (!agency)
        throw new UnprocessableError('The agency does not exist in your organisation.', {
          errors: [{ field: 'agencyId', message: 'unknown agency' }],
        });
      checkRolesFit(dto.roles, agency.type);
      const [taken] = await manager.query(`SELECT 1 FROM app_user WHERE lower(username) = lower($1)`, [dto.username]);
      if (taken)
        throw new ConflictError('A user with this username already exists.', {
          errors: [{ field: 'username', message: 'already taken' }],
        });
      const [{ id }] = await manager.query(
        `INSERT INTO app_user (agency_id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.agencyId, dto.username.trim(), dto.displayName.trim(), passwordHash, dto.roles],
      );
      await this.access.logChange(caller, 'user.create', 'user', [id], manager);
      const [row] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
      return toDto(row);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findVisible(caller, manager, id, 'user.update', true);
      if (dto.roles) {
        const [{ type }] = await manager.query(`SELECT type FROM agency WHERE id = $1`, [row.agency_id]);
        checkRolesFit(dto.roles, type);
        if (id === caller.userId && !dto.roles.includes('admin')) {
          throw new ConflictError('You cannot remove your own admin role; ask another administrator.');
        }
      }
      await manager.query(
        `UPDATE app_user SET display_name = coalesce($2, display_name), roles = coalesce($3, roles), updated_at = now() WHERE id = $1`,
        [id, dto.displayName?.trim() ?? null, dto.roles ?? null],
      );
      const [updated] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
      return toDto(updated);
    });
  }

  /** Never deletes: the access log names users for as long as it is kept. Tokens stop at once. */
  async deactivate(caller: Caller, id: string): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.findVisible(caller, manager, id, 'user.deactivate', true);
      if (id === caller.userId) throw new ConflictError('You cannot deactivate yourself; ask another administrator.');
      await manager.query(
        `UPDATE app_user SET active = false, deactivated_at = coalesce(deactivated_at, now()), updated_at = now() WHERE id = $1`,
        [id],
      );
      await manager.query(`UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE user_id = $1`, [id]);
      const [updated] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
      return toDto(updated);
    });
  }

  /** Loads a user the caller may manage, or answers 404 (logged) as if it did not exist. */
  private async findVisible(
    caller: Caller,
    manager: EntityManager,
    id: string,
    logAction: string,
    lock = false,
  ): Promise<UserRow> {
    const [row]: UserRow[] = await manager.query(`${USER_SELECT} WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`, [
      id,
    ]);
    await this.access.require({
      caller,
      action: lock ? 'write' : 'read',
      logAction,
      subject: row ? { type: 'organisation-member', organisationId: row.organisation_id } : null,
      subjectType: 'user',
      subjectId: id,
      manager,
    });
    return row;
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('user.list')
  @ApiOperation({ summary: 'Users (användare) of your own organisation that you may manage.' })
  @ApiOkResponse({ type: pageSchema(UserDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<UserDto>> {
    return this.users.list(caller, query);
  }

  @Get(':id')
  @RequirePermission('user.list')
  @ApiOperation({ summary: 'One user of your own organisation.' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return this.users.get(caller, id);
  }

  @Post()
  @RequirePermission('user.create')
  @ApiOperation({ summary: 'Create a user in an agency of your own organisation.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(caller, dto);
  }

  @Patch(':id')
  @RequirePermission('user.update')
  @ApiOperation({ summary: "Change a user's display name or roles." })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(caller, id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('user.update')
  @ApiOperation({ summary: 'Deactivate a user: their tokens stop working at once. Users are never deleted.' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404, 409)
  deactivate(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return this.users.deactivate(caller, id);
  }
}
