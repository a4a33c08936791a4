import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import {
  CaseDto,
  CaseListQuery,
  CaseSummaryDto,
  ChangeStatusDto,
  HandOverDto,
  LeadTimeQuery,
  LeadTimesDto,
  OpenCaseDto,
  SchoolLeadTimesDto,
  TimelineEventDto,
} from './cases.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post('cases')
  @RequirePermission('case.create')
  @ApiOperation({ summary: 'Open a case (närvaroärende) for a pupil of your school, without a flag' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiProblems(400, 404, 409, 422)
  open(@CurrentCaller() caller: Caller, @Body() dto: OpenCaseDto): Promise<CaseDto> {
    return this.cases.open(caller, dto.studentId, dto.coordinatorId);
  }

  @Get('cases')
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'The cases you may see: your school’s, or those your agency is mobilised into with consent in force',
  })
  @ApiOkResponse({ type: pageSchema(CaseSummaryDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: CaseListQuery): Promise<Page<CaseSummaryDto>> {
    return this.cases.list(caller, query);
  }

  @Get('cases/:id')
  @RequirePermission('case.read')
  @ApiOperation({ summary: 'One case' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<CaseDto> {
    return this.cases.get(caller, id);
  }

  @Post('cases/:id/status')
  @HttpCode(200)
  @RequirePermission('case.manage')
  @ApiOperation({
    summary: 'Move the case: open → mapping → plan_active → follow_up → closed (closing needs outcome and reason)',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(400, 404, 409)
  changeStatus(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ChangeStatusDto,
  ): Promise<CaseDto> {
    return this.cases.changeStatus(caller, id, dto);
  }

  @Post('cases/:id/coordinator')
  @HttpCode(200)
  @RequirePermission('case.assign')
  @ApiOperation({
    summary:
      'Hand the case over to another coordinator (an elevhälsa user of the school); the principal or elevhälsa of the school; the history stays',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(400, 403, 404, 409, 422)
  handOver(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: HandOverDto,
  ): Promise<CaseDto> {
    return this.cases.handOver(caller, id, dto.coordinatorId);
  }

  @Get('cases/:id/timeline')
  @RequirePermission('case.read')
  @ApiOperation({
    summary:
      'Everything that happened in the case, oldest first (append-only); an outside agency sees the shared events and its own consents and invitations, not other agencies’',
  })
  @ApiOkResponse({ type: pageSchema(TimelineEventDto) })
  @ApiProblems(400, 404)
  timeline(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<TimelineEventDto>> {
    return this.cases.timeline(caller, id, query);
  }

  @Get('cases/:id/lead-times')
  @RequirePermission('case.read')
  @ApiOperation({ summary: 'Days from the first signal and from the opening to each step of the case' })
  @ApiOkResponse({ type: LeadTimesDto })
  @ApiProblems(400, 404)
  leadTimes(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<LeadTimesDto> {
    return this.cases.leadTimes(caller, id);
  }

  @Get('schools/:id/lead-times')
  @RequirePermission('leadTime.read')
  @ApiOperation({ summary: "Median and 90th percentile lead times of a school's cases opened in a period" })
  @ApiOkResponse({ type: SchoolLeadTimesDto })
  @ApiProblems(400, 404)
  schoolLeadTimes(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: LeadTimeQuery,
  ): Promise<SchoolLeadTimesDto> {
    return this.cases.schoolLeadTimes(caller, id, query);
  }
}
