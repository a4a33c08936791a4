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
} from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccessService,
  AgencyType,
  Caller,
  CASE_READING_ROLES,
  CurrentCaller,
  OVERSIGHT_ROLES,
  RequirePermission,
  Role,
  ROLES,
} from '@app/access';
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
import { Notifier } from '@app/notifications';
import { SetupCodeDto, SetupCodes } from '../setup/setup-codes';

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

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'admin and auditor are never combined with school_staff, principal, elevhalsa or agency_worker (422).',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
  // No password: the user chooses one with the setup code in the answer (or in their mail).
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description:
      'Not your own (403). admin and auditor are never combined with a role that reads pupils or cases (422).',
  })
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

export class CreatedUserDto extends UserDto {
  @ApiProperty({ type: SetupCodeDto, description: 'The one-time code with which the user chooses a password.' })
  setup: SetupCodeDto;
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
  agency_type: AgencyType;
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
                            a.id AS agency_id, a.name AS agency_name, a.type AS agency_type, a.organisation_id
                       FROM app_user u JOIN agency a ON a.id = u.agency_id`;

const SCHOOL_ROLES: Role[] = ['school_staff', 'principal', 'elevhalsa'];

/** Roles must fit the agency: school roles at schools, case work at the other agencies. */
function checkRolesFit(roles: Role[], agencyType: AgencyType): void {
  const misfit = roles.filter((role) =>
    agencyType === 'school' ? role === 'agency_worker' : SCHOOL_ROLES.includes(role),
  );
  if (misfit.length) {
    throw new UnprocessableError(`The roles ${misfit.join(', ')} do not fit an agency of type ${agencyType}.`, {
      errors: [
        {
          field: 'roles',
          code: 'role-not-allowed',
          message: `${misfit.join(', ')} cannot be given at a ${agencyType} agency`,
        },
      ],
    });
  }
}

/**
 * Rule 4 against the administrator itself: an account that manages accounts or reads the access
 * log never also reads pupils or cases (the database has the same check).
 */
function checkRoleSeparation(roles: Role[]): void {
  const oversight = roles.filter((role) => OVERSIGHT_ROLES.includes(role));
  const reading = roles.filter((role) => CASE_READING_ROLES.includes(role));
  if (oversight.length && reading.length) {
    const message = `${oversight.join(', ')} cannot be combined with ${reading.join(', ')}`;
    throw new UnprocessableError(
      `${message}: administrators and auditors never read pupils' or cases' data; give those roles to another account.`,
      { errors: [{ field: 'roles', code: 'role-combination', message }] },
    );
  }
}

const sorted = (roles: readonly Role[]) => [...roles].sort();
const sameRoles = (a: readonly Role[], b: readonly Role[]) => sorted(a).join() === sorted(b).join();
const caseReading = (roles: readonly Role[]) => roles.filter((role) => CASE_READING_ROLES.includes(role));
/** The roles an account holds in effect: a deactivated account holds none. */
const inEffect = (row: Pick<UserRow, 'roles' | 'active'>): Role[] => (row.active ? row.roles : []);

/** Users an admin manages: those of agencies in the admin's own organisation, and no others. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
    private readonly setupCodes: SetupCodes,
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

  async create(caller: Caller, dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.dataSource.transaction(async (manager) => {
      const [agency] = await manager.query(`SELECT id, type FROM agency WHERE id = $1 AND organisation_id = $2`, [
        dto.agencyId,
        caller.organisationId,
      ]);
      // Another organisation's agency reads exactly like one that doesn't exist.
      if (!agency)
        throw new UnprocessableError('The agency does not exist in your organisation.', {
          errors: [{ field: 'agencyId', code: 'unknown', message: 'unknown agency' }],
        });
      checkRolesFit(dto.roles, agency.type);
      checkRoleSeparation(dto.roles);
      const [taken] = await manager.query(`SELECT 1 FROM app_user WHERE lower(username) = lower($1)`, [dto.username]);
      if (taken)
        throw new ConflictError('A user with this username already exists.', {
          errors: [{ field: 'username', code: 'already-exists', message: 'already taken' }],
        });
      // No password until the user chooses one with the setup code.
      const [{ id }] = await manager.query(
        `INSERT INTO app_user (agency_id, username, display_name, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
        [dto.agencyId, dto.username.trim(), dto.displayName.trim(), dto.roles],
      );
      await this.access.logChange(caller, 'user.create', 'user', [id], manager);
      const [row]: UserRow[] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
      await this.recordRoleChange(manager, caller, row, [], inEffect(row), 'create');
      const setup = await this.setupCodes.issue(manager, caller, id);
      return { ...toDto(row), setup };
    });
  }

  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findVisible(caller, manager, id, 'user.update', true);
      if (dto.roles) {
        // Nobody widens (or narrows) their own access: another administrator must do it.
        if (id === caller.userId && !sameRoles(dto.roles, row.roles)) {
          await this.access.forbid(
            caller,
            'user.update',
            'user',
            id,
            'You cannot change your own roles; ask another administrator.',
          );
        }
        checkRolesFit(dto.roles, row.agency_type);
        checkRoleSeparation(dto.roles);
      }
      await manager.query(
        `UPDATE app_user SET display_name = coalesce($2, display_name), roles = coalesce($3, roles), updated_at = now() WHERE id = $1`,
        [id, dto.displayName?.trim() ?? null, dto.roles ?? null],
      );
      const [updated]: UserRow[] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
      await this.recordRoleChange(manager, caller, updated, inEffect(row), inEffect(updated), 'update');
      return toDto(updated);
    });
  }

  /** Never deletes: the access log names users for as long as it is kept. Tokens stop at once. */
  async deactivate(caller: Caller, id: string): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findVisible(caller, manager, id, 'user.deactivate', true);
      if (id === caller.userId) throw new ConflictError('You cannot deactivate yourself; ask another administrator.');
      await manager.query(
        `UPDATE app_user SET active = false, deactivated_at = coalesce(deactivated_at, now()), updated_at = now() WHERE id = $1`,
        [id],
      );
      await manager.query(`UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE user_id = $1`, [id]);
      await this.setupCodes.voidOpen(manager, id);
      const [updated]: UserRow[] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
      await this.recordRoleChange(manager, caller, updated, inEffect(row), inEffect(updated), 'deactivate');
      return toDto(updated);
    });
  }

  /**
   * A new one-time setup code for a user of the caller's organisation; earlier codes stop working.
   * Mailed to the user when mail is on, otherwise in the answer, once.
   */
  async issueSetupCode(caller: Caller, id: string): Promise<SetupCodeDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findVisible(caller, manager, id, 'user.setup-code', true);
      if (!row.active) throw new ConflictError('The user is deactivated.');
      const setup = await this.setupCodes.issue(manager, caller, id);
      // Whoever redeems the code signs in as this account: the principal hears of it for accounts that read pupils.
      if (row.agency_type === 'school' && caseReading(row.roles).length) {
        await this.notifier.notify(
          manager,
          'school-access.setup-code',
          { key: `${id}:${randomUUID()}`, schoolId: row.agency_id, agencyId: row.agency_id },
          caller.userId,
        );
      }
      return setup;
    });
  }

  /**
   * Logs a change of the roles an account holds in effect, with the roles before and after (ids
   * and roles only), in the change's transaction. When the roles that read pupils or cases change
   * at a school, its principal is told, and sees it on the school's list of accounts.
   */
  private async recordRoleChange(
    manager: EntityManager,
    caller: Caller,
    user: UserRow,
    before: Role[],
    after: Role[],
    change: 'create' | 'update' | 'deactivate',
  ): Promise<void> {
    if (sameRoles(before, after)) return;
    await this.access.logChange(caller, 'user.roles.change', 'user', [user.id], manager, {
      change,
      rolesBefore: sorted(before),
      rolesAfter: sorted(after),
    });
    if (user.agency_type === 'school' && !sameRoles(caseReading(before), caseReading(after))) {
      await this.notifier.notify(
        manager,
        'school-access.changed',
        { key: `${user.id}:${randomUUID()}`, schoolId: user.agency_id, agencyId: user.agency_id },
        caller.userId,
      );
    }
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
  @ApiOperation({
    summary: 'Create a user in an agency of your own organisation.',
    description:
      'No password: the answer carries a one-time setup code (valid 72 h) with which the user chooses one at ' +
      '`POST /auth/setup`. With mail configured the code is mailed to the user and not in the answer.',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(caller, dto);
  }

  @Post(':id/setup-code')
  @RequirePermission('user.update')
  @ApiOperation({
    summary: 'Issue a new one-time setup code (engångskod) for a user; earlier codes stop working.',
    description: 'Mailed to the user when mail is configured, otherwise in the answer, this once. Valid 72 h.',
  })
  @ApiCreatedResponse({ type: SetupCodeDto })
  @ApiProblems(400, 404, 409)
  issueSetupCode(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<SetupCodeDto> {
    return this.users.issueSetupCode(caller, id);
  }

  @Patch(':id')
  @RequirePermission('user.update')
  @ApiOperation({ summary: "Change a user's display name or roles (not your own roles)." })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 403, 404, 409, 422)
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
