import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import { CreateSourceDto, PatchSourceDto, RunStartedDto, SourceDto, SyncRunDto } from './sources.dto';
import { SourcesService } from './sources.service';

@ApiTags('ss12000')
@Controller('ss12000/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post()
  @RequirePermission('ss12000.manage')
  @ApiOperation({
    summary: "Connect a school organiser's SS 12000 server (administrators)",
    description:
      'auth: `{ "type": "none" }`, `{ "type": "bearer", "token" }` or `{ "type": "oauth2_client_credentials", "tokenUrl", ' +
      '"clientId", "clientSecret", "scope"? }`. Secrets are stored encrypted and never returned. `schools` maps SS 12000 ' +
      'school units (Organisation ids) to your school agencies. In production the URLs must be https and public.',
  })
  @ApiCreatedResponse({ type: SourceDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateSourceDto): Promise<SourceDto> {
    return this.sources.create(caller, dto);
  }

  @Get()
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: "Your organisation's SS 12000 sources, each with its last run" })
  @ApiOkResponse({ type: [SourceDto] })
  list(@CurrentCaller() caller: Caller): Promise<SourceDto[]> {
    return this.sources.list(caller);
  }

  @Get(':id')
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: 'One SS 12000 source (no secret)' })
  @ApiOkResponse({ type: SourceDto })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<SourceDto> {
    return this.sources.get(caller, id);
  }

  @Patch(':id')
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: 'Change a source: name, URL, auth (replaced whole), schools, syncFrom, schedule' })
  @ApiOkResponse({ type: SourceDto })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PatchSourceDto,
  ): Promise<SourceDto> {
    return this.sources.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: 'Remove a source and its runs (what it synced stays)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  remove(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.sources.remove(caller, id);
  }

  @Post(':id/runs')
  @HttpCode(202)
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: 'Sync now: queues a run (409 while one is queued or running)' })
  @ApiAcceptedResponse({ type: RunStartedDto })
  @ApiProblems(400, 404, 409)
  startRun(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<RunStartedDto> {
    return this.sources.startRun(caller, id);
  }

  @Get(':id/runs')
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: "A source's runs, newest first, with counts and errors" })
  @ApiOkResponse({ type: pageSchema(SyncRunDto) })
  @ApiProblems(400, 404)
  listRuns(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<SyncRunDto>> {
    return this.sources.listRuns(caller, id, query);
  }

  @Get(':id/runs/:runId')
  @RequirePermission('ss12000.manage')
  @ApiOperation({ summary: 'One run: status, times, counts, errors (entity, SS 12000 id, field, reason)' })
  @ApiOkResponse({ type: SyncRunDto })
  @ApiProblems(400, 404)
  getRun(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('runId', new ParseUUIDPipe()) runId: string,
  ): Promise<SyncRunDto> {
    return this.sources.getRun(caller, id, runId);
  }
}
