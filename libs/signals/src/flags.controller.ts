import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { AddFlagNoteDto, CreateFlagDto, DismissFlagDto, ExistingWorryDto, FlagDto, FlagListQuery } from './flags.dto';
import { FlagsService } from './flags.service';
import { AcceptFlagDto, CaseDto } from '@app/cases';

@ApiTags('signals')
@Controller()
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Post('students/:id/flags')
  @RequirePermission('flag.create')
  @ApiOperation({
    summary: 'Flag a worrying pupil to elevhälsa (anmälan till elevhälsan)',
    description:
      'Any staff member of the pupil’s school. Stores a snapshot of the absence figures of the last 4 weeks and the ' +
      'watch-list rules hit at this moment. One flag per worry: while the pupil has a flag awaiting triage, or an ' +
      'open case, the answer is 409 with `code` (`flag-exists` or `case-open`) and `existing` ' +
      '(`ExistingWorryDto`: the flag to add a note to, or the case with its reference).',
  })
  @ApiCreatedResponse({ type: FlagDto })
  @ApiExtraModels(ExistingWorryDto)
  @ApiProblems(400, 404, 409)
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CreateFlagDto,
  ): Promise<FlagDto> {
    return this.flags.create(caller, id, dto);
  }

  @Get('flags')
  @RequirePermission('flag.triage')
  @ApiOperation({
    summary: "Your school's flags, newest first (`?status=new` is elevhälsa's inbox)",
    description: 'Elevhälsa and the principal of the school. Logged with the flags returned.',
  })
  @ApiOkResponse({ type: pageSchema(FlagDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: FlagListQuery): Promise<Page<FlagDto>> {
    return this.flags.list(caller, query);
  }

  @Get('flags/:id')
  @RequirePermission('flag.read')
  @ApiOperation({
    summary: 'One flag with its snapshot and notes',
    description: 'Any staff member of the flag’s school (a mentor sees the flag a colleague made, to add to it).',
  })
  @ApiOkResponse({ type: FlagDto })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<FlagDto> {
    return this.flags.get(caller, id);
  }

  @Post('flags/:id/notes')
  @RequirePermission('flag.create')
  @ApiOperation({
    summary: 'Add an observation to a flag that awaits triage',
    description: 'Any staff member of the flag’s school. A flag already triaged gives 409.',
  })
  @ApiCreatedResponse({ type: FlagDto })
  @ApiProblems(400, 404, 409)
  addNote(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AddFlagNoteDto,
  ): Promise<FlagDto> {
    return this.flags.addNote(caller, id, dto.text);
  }

  @Post('flags/:id/dismiss')
  @HttpCode(200)
  @RequirePermission('flag.triage')
  @ApiOperation({
    summary: 'Close a new flag with a reason',
    description: 'Only a flag with status `new` can be triaged; otherwise 409 (two concurrent triages: one wins).',
  })
  @ApiOkResponse({ type: FlagDto })
  @ApiProblems(400, 404, 409)
  dismiss(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DismissFlagDto,
  ): Promise<FlagDto> {
    return this.flags.dismiss(caller, id, dto);
  }

  @Post('flags/:id/accept')
  @RequirePermission('flag.triage')
  @ApiOperation({
    summary: 'Accept a new flag: opens the pupil’s case (närvaroärende)',
    description:
      'Marks the flag `accepted` and opens a case with the flag as its start, in one transaction. The coordinator ' +
      'defaults to you if you are elevhälsa; a principal names one. Only a `new` flag can be triaged (otherwise 409); ' +
      'a pupil with an open case already gives 409 and the flag stays new.',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiProblems(400, 404, 409, 422)
  accept(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AcceptFlagDto,
  ): Promise<CaseDto> {
    return this.flags.accept(caller, id, dto.coordinatorId);
  }
}
