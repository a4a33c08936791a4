import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import {
  CreateInvestigationDto,
  InvestigationDto,
  InvestigationListDto,
  OverviewItemDto,
  OverviewQuery,
  UpdateInvestigationDto,
} from './investigations.dto';
import { InvestigationsService } from './investigations.service';

@ApiTags('signals')
@Controller()
export class InvestigationsController {
  constructor(private readonly investigations: InvestigationsService) {}

  @Post('students/:id/absence-investigations')
  @RequirePermission('investigation.write')
  @ApiOperation({
    summary: 'Record that a frånvaroutredning (skollagen 7 kap. 19 a §) has started',
    description:
      'The principal of the pupil’s school. `startedOn` not in the future; `huvudmanInformedOn` (when the huvudman ' +
      'was informed) optional, not before `startedOn`, not in the future. Date problems are a 400 naming the field.',
  })
  @ApiCreatedResponse({ type: InvestigationDto })
  @ApiProblems(400, 404)
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CreateInvestigationDto,
  ): Promise<InvestigationDto> {
    return this.investigations.create(caller, id, dto);
  }

  @Get('students/:id/absence-investigations')
  @RequirePermission('investigation.read')
  @ApiOperation({ summary: "A pupil's absence investigations, latest first" })
  @ApiOkResponse({ type: InvestigationListDto })
  @ApiProblems(400, 404)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<InvestigationListDto> {
    return { items: await this.investigations.listForStudent(caller, id), nextCursor: null };
  }

  @Patch('absence-investigations/:id')
  @RequirePermission('investigation.write')
  @ApiOperation({ summary: 'Record when the huvudman was informed of an investigation' })
  @ApiOkResponse({ type: InvestigationDto })
  @ApiProblems(400, 404)
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateInvestigationDto,
  ): Promise<InvestigationDto> {
    return this.investigations.update(caller, id, dto);
  }

  @Get('schools/:id/investigation-overview')
  @RequirePermission('investigation.read')
  @ApiOperation({
    summary: 'Pupils with repeated or long absence and no investigation started',
    description:
      '"Repeated or long absence" (upprepad eller längre frånvaro): absence, valid and invalid alike, of at least ' +
      '10 % of offered minutes over the 8 weeks (56 days) up to `date` (default today). "No investigation started": ' +
      'none started within the 12 months before `date`. Highest absence first; `nextCursor` is an opaque offset. ' +
      'Another school is a 404. Logged with the pupils returned.',
  })
  @ApiOkResponse({ type: pageSchema(OverviewItemDto) })
  @ApiProblems(400, 404)
  overview(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: OverviewQuery,
  ): Promise<Page<OverviewItemDto>> {
    return this.investigations.overview(caller, id, query);
  }
}
