import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, pageSchema } from '@app/http';
import { FollowUpDto, RecordFollowUpDto } from './follow-ups.dto';
import { FOLLOW_UP_MONTHS } from './follow-ups.rules';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('plan')
@Controller('cases/:id/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary:
      'The follow-ups 6 and 18 months after closure, scheduled when the case closes; an outside agency sees the recorded ones that name its kind for new interventions (consent in force with scope plan)',
  })
  @ApiOkResponse({ type: pageSchema(FollowUpDto) })
  @ApiProblems(400, 403, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.followUps.list(caller, id), nextCursor: null };
  }

  @Post(':months')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record the 6- or 18-month follow-up of a closed case (from 14 days before it is due); attendance over the last 4 weeks is computed',
  })
  @ApiParam({ name: 'months', enum: [...FOLLOW_UP_MONTHS] })
  @ApiCreatedResponse({ type: FollowUpDto })
  @ApiProblems(400, 403, 404, 409, 422)
  record(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('months') months: string,
    @Body() dto: RecordFollowUpDto,
  ): Promise<FollowUpDto> {
    return this.followUps.record(caller, id, months, dto);
  }
}
