import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import {
  CreateGuardianNoticeDto,
  GuardianNoticeDto,
  GuardianNoticeItemDto,
  GuardianNoticeQuery,
} from './guardian-notices.dto';
import { GuardianNoticesService } from './guardian-notices.service';

@ApiTags('signals')
@Controller()
export class GuardianNoticesController {
  constructor(private readonly notices: GuardianNoticesService) {}

  @Get('schools/:id/guardian-notices')
  @RequirePermission('guardianNotice.read')
  @ApiOperation({
    summary: "A day's pupils with invalid absence and whether their guardians have been told",
    description:
      'Skollagen 7 kap. 17 §: guardians are to be told the same day of invalid absence. Lists the school’s pupils ' +
      'with invalid absence on `date` (default today), by class and name; `?pending=true` only those not yet ' +
      'recorded as informed. Guardians’ contact details are not shown here. Another school is a 404.',
  })
  @ApiOkResponse({ type: pageSchema(GuardianNoticeItemDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: GuardianNoticeQuery,
  ): Promise<Page<GuardianNoticeItemDto>> {
    return this.notices.list(caller, id, query);
  }

  @Post('students/:id/guardian-notices')
  @RequirePermission('guardianNotice.write')
  @ApiOperation({
    summary: 'Record that the guardians were told of a day’s invalid absence (how, when; by you)',
    description:
      'The day must have invalid absence for the pupil (else 422); `informedAt` not in the future nor before the ' +
      'day. One notice per pupil and day: recording it again is a 409.',
  })
  @ApiCreatedResponse({ type: GuardianNoticeDto })
  @ApiProblems(400, 404, 409, 422)
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CreateGuardianNoticeDto,
  ): Promise<GuardianNoticeDto> {
    return this.notices.create(caller, id, dto);
  }
}
