import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { AgencyRefDto, ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import {
  AcceptMobilisationDto,
  DeclineMobilisationDto,
  InboxQuery,
  InviteAgencyDto,
  MobilisationDto,
} from './mobilisations.dto';
import { MobilisationsService } from './mobilisations.service';

@ApiTags('mobilisation')
@Controller()
export class MobilisationsController {
  constructor(private readonly mobilisations: MobilisationsService) {}

  @Post('cases/:id/mobilisations')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary: 'Invite an agency into the case (mobilisering), with a deadline to answer',
    description: 'Default deadline: 5 working days (weekends and Swedish public holidays do not count).',
  })
  @ApiCreatedResponse({ type: MobilisationDto })
  @ApiProblems(400, 404, 409, 422)
  invite(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: InviteAgencyDto,
  ): Promise<MobilisationDto> {
    return this.mobilisations.invite(caller, id, dto);
  }

  @Get('partner-agencies')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary: 'The agencies outside the schools that a case can invite or record consent for, by name',
    description:
      'For the coordinator choosing whom to mobilise: names and types of agencies (no personal data), ' +
      'of every organisation (a municipal school mobilises the region’s BUP).',
  })
  @ApiOkResponse({ type: pageSchema(AgencyRefDto) })
  @ApiProblems(400)
  partnerAgencies(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<AgencyRefDto>> {
    return this.mobilisations.partnerAgencies(caller, query);
  }

  @Get('cases/:id/mobilisations')
  @RequirePermission('case.read')
  @ApiOperation({ summary: "The case's invitations and their answers" })
  @ApiOkResponse({ type: pageSchema(MobilisationDto) })
  @ApiProblems(400, 404)
  listForCase(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<Page<MobilisationDto>> {
    return this.mobilisations.listForCase(caller, id);
  }

  @Get('mobilisations')
  @RequirePermission('mobilisation.respond')
  @ApiOperation({
    summary: "Your agency's inbox of invitations, by deadline",
    description:
      "Neutral facts only (case reference, school, deadline); the pupil's name and class only while your agency's consent covers `case_summary`.",
  })
  @ApiOkResponse({ type: pageSchema(MobilisationDto) })
  @ApiProblems(400)
  inbox(@CurrentCaller() caller: Caller, @Query() query: InboxQuery): Promise<Page<MobilisationDto>> {
    return this.mobilisations.inbox(caller, query);
  }

  @Post('mobilisations/:id/accept')
  @HttpCode(200)
  @RequirePermission('mobilisation.respond')
  @ApiOperation({ summary: "Accept your agency's invitation, naming its representative" })
  @ApiOkResponse({ type: MobilisationDto })
  @ApiProblems(400, 404, 409, 422)
  accept(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AcceptMobilisationDto,
  ): Promise<MobilisationDto> {
    return this.mobilisations.accept(caller, id, dto);
  }

  @Post('mobilisations/:id/decline')
  @HttpCode(200)
  @RequirePermission('mobilisation.respond')
  @ApiOperation({ summary: "Decline your agency's invitation, with a reason" })
  @ApiOkResponse({ type: MobilisationDto })
  @ApiProblems(400, 404, 409, 422)
  decline(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DeclineMobilisationDto,
  ): Promise<MobilisationDto> {
    return this.mobilisations.decline(caller, id, dto);
  }
}
