import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { MeetingDto, MeetingListQuery, RecordMinutesDto, ScheduleMeetingDto } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller('cases/:id/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @RequirePermission('case.manage')
  @ApiOperation({ summary: 'Schedule a joint meeting (samverkansmöte): time, place or video link, participants' })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiProblems(400, 404, 409, 422)
  schedule(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ScheduleMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.schedule(caller, id, dto);
  }

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({ summary: "The case's meetings in time order (outside agencies: consent scope case_summary)" })
  @ApiOkResponse({ type: pageSchema(MeetingDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: MeetingListQuery,
  ): Promise<Page<MeetingDto>> {
    return this.meetings.list(caller, id, query);
  }

  @Patch(':meetingId')
  @RequirePermission('case.manage')
  @ApiOperation({ summary: 'Record the minutes and decisions of a meeting that has taken place' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiProblems(400, 404, 409)
  recordMinutes(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Body() dto: RecordMinutesDto,
  ): Promise<MeetingDto> {
    return this.meetings.recordMinutes(caller, id, meetingId, dto);
  }
}
