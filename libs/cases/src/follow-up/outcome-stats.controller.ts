import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { FollowUpStatsDto, OutcomeStatsDto, OutcomeStatsQuery } from './outcome-stats.dto';
import { OutcomeStatsService } from './outcome-stats.service';
import { MIN_CELL } from './suppression.rules';

const SUPPRESSION_RULE =
  `Small cells are suppressed so that no pupil can be recognised: every count of fewer than ${MIN_CELL} pupils ` +
  '(zero included) is null and named in `suppressed`; a median or share computed from fewer than ' +
  `${MIN_CELL} pupils is null too; and a yes/no count (reached, back in school or work, each kind of new ` +
  `intervention) is null when either it or its complement within the group is below ${MIN_CELL}, ` +
  'since the complement could be derived from it. Complementary suppression: the figures are decided once for ' +
  'the whole organisation and all its schools, so an admin and each school see the same cells; for every count ' +
  `the organisation's figure minus the shown schools' figures is 0 or at least ${MIN_CELL} (also without any one ` +
  "hidden school, whose staff know its figures), otherwise more schools' figures, or the organisation's, are null. " +
  'Periods are whole terms, so no two periods overlap.';

@ApiTags('statistics')
@ApiExtraModels(FollowUpStatsDto)
@Controller('stats')
export class OutcomeStatsController {
  constructor(private readonly stats: OutcomeStatsService) {}

  @Get('outcomes')
  @RequirePermission('stats.read')
  @ApiOperation({
    summary: 'Outcome statistics (resultat) of an organisation or school for a term, small cells suppressed',
    description:
      'For one term (`term`, default the current one). Cases by status, the median lead time to an agreed plan and ' +
      'the share of plans whose attendance goal was reached count the cases **opened** in the term; the follow-up ' +
      'results at 6 and 18 months count the recorded follow-ups of cases **closed** in the term. ' +
      SUPPRESSION_RULE,
  })
  @ApiOkResponse({ type: OutcomeStatsDto })
  @ApiProblems(400, 403, 404)
  outcomes(@CurrentCaller() caller: Caller, @Query() query: OutcomeStatsQuery): Promise<OutcomeStatsDto> {
    return this.stats.outcomes(caller, query);
  }
}
