import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, pageSchema } from '@app/http';
import { ConsentDto, GiveConsentDto } from './consents.dto';
import { ConsentsService } from './consents.service';

@ApiTags('consent')
@Controller('cases/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({ summary: "The case's consents (an outside agency sees those for itself)" })
  @ApiOkResponse({ type: pageSchema(ConsentDto) })
  @ApiProblems(400, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.consents.list(caller, id), nextCursor: null };
  }

  @Post()
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record consent (samtycke) for one agency, with its scope and validity (the case’s coordinator; ' +
      'default and longest validity are configured)',
  })
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiProblems(400, 403, 404, 409, 422)
  give(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: GiveConsentDto,
  ): Promise<ConsentDto> {
    return this.consents.give(caller, id, dto);
  }

  @Post(':consentId/withdraw')
  @HttpCode(200)
  @RequirePermission('case.manage')
  @ApiOperation({
    summary: "Withdraw consent, in any case status: the agency's access ends with the next request (the coordinator)",
  })
  @ApiOkResponse({ type: ConsentDto })
  @ApiProblems(400, 403, 404, 409)
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('consentId', new ParseUUIDPipe()) consentId: string,
  ): Promise<ConsentDto> {
    return this.consents.withdraw(caller, id, consentId);
  }
}
