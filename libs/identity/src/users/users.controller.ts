import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import { SetupCodeDto } from '../setup/setup.dto';
import { CreatedUserDto, CreateUserDto, UpdateUserDto, UserDto } from './users.dto';
import { UsersService } from './users.service';

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
