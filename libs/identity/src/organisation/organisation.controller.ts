import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { TermDatesDto, UpdateTermDatesDto } from './organisation.dto';
import { OrganisationTermsService } from './organisation-terms.service';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly terms: OrganisationTermsService) {}

  @Get('terms')
  @RequirePermission('organisation.read')
  @ApiOperation({
    summary: "Your organisation's school terms (terminer)",
    description:
      'The first day of the autumn term (HT, default 15 Aug) and of the spring term (VT, default 16 Jan); each term ' +
      'ends the day before the other begins, so `2026HT` is 15 Aug 2026–15 Jan 2027 by default. Every period named ' +
      'by a term (outcome statistics, sync, results) uses these dates.',
  })
  @ApiOkResponse({ type: TermDatesDto })
  read(@CurrentCaller() caller: Caller): Promise<TermDatesDto> {
    return this.terms.read(caller);
  }

  @Patch('terms')
  @RequirePermission('organisation.update')
  @ApiOperation({
    summary: "Move the first day of your organisation's terms",
    description: 'HT must start in July–September and VT in January–March, on a day every year has. Logged.',
  })
  @ApiOkResponse({ type: TermDatesDto })
  @ApiProblems(400)
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateTermDatesDto): Promise<TermDatesDto> {
    return this.terms.update(caller, dto);
  }
}
