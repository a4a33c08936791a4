import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { MIN_CELL } from '@app/cases';
import { ApiProblems } from '@app/http';
import { renderReportCsv, renderReportHtml } from './intervention-report';
import {
  BehaviourStatsDto,
  CountShareDto,
  InterventionFollowUpStatsDto,
  InterventionStatsDto,
  InterventionStatsQuery,
} from './intervention-stats.dto';
import { InterventionStatsService } from './intervention-stats.service';

const SUPPRESSION =
  `The same small-cell protection as the outcome statistics (GET /stats/outcomes): every count of fewer than ${MIN_CELL} ` +
  'distinct pupils (zero included) is null and named in `suppressed`; a count whose complement within its base is ' +
  `below ${MIN_CELL}, or whose base is hidden, is null; complementary suppression over the organisation and its schools ` +
  '(also against the staff of any one school); shares and medians from fewer than 5 pupils or beside a hidden count are null.';

@ApiTags('statistics')
@ApiExtraModels(CountShareDto, InterventionFollowUpStatsDto, BehaviourStatsDto)
@Controller('stats/interventions')
export class InterventionStatsController {
  constructor(private readonly stats: InterventionStatsService) {}

  @Get()
  @RequirePermission('stats.read')
  @ApiOperation({
    summary: 'Results per intervention (resultat per insats) for a term, in MST Sweden’s terms, small cells suppressed',
    description:
      'Over the courses that **ended** in the term (`term`, default the current one) in cases of your school (principal, ' +
      'elevhälsa) or your organisation or one of its schools (admin, `schoolId`): per intervention the courses ended; ' +
      'the shares completed, ended by placement, ended by lack of engagement; the shares followed up at 6 and 18 months ' +
      '(of those due); per referred behaviour the share referred for it at the start and the share with a new ' +
      'intervention for it at 6 and 18 months; the share in school or work ≥ 20 h/week; and the median attendance in ' +
      'the 8 weeks with lessons before the start and before the end. ' +
      SUPPRESSION,
  })
  @ApiOkResponse({ type: InterventionStatsDto })
  @ApiProblems(400, 403, 404)
  results(@CurrentCaller() caller: Caller, @Query() query: InterventionStatsQuery): Promise<InterventionStatsDto> {
    return this.stats.results(caller, query);
  }

  @Get(':id/report.html')
  @RequirePermission('stats.read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'The board’s printable report (Swedish) of one intervention’s results for a term: completion pie, follow-up bars “had the behaviour at start” beside “new intervention at 6/18 months”, the same suppression',
  })
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblems(400, 403, 404)
  async reportHtml(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: InterventionStatsQuery,
  ): Promise<string> {
    const { stats, result, unitName } = await this.stats.report(caller, id, query);
    return renderReportHtml(stats, result, unitName);
  }

  @Get(':id/report.csv')
  @RequirePermission('stats.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The same figures as the report, as CSV (`figure,count,share`; empty where suppressed)',
  })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblems(400, 403, 404)
  async reportCsv(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: InterventionStatsQuery,
  ): Promise<string> {
    const { stats, result } = await this.stats.report(caller, id, query);
    return renderReportCsv(stats, result);
  }
}
