import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { AccessLogSearchDto, AccessLogSearchItem } from './access-log-search.dto';
import { AccessLogSearchService } from './access-log-search.service';

// Lives beside the pupil register because it resolves a personnummer to a pupil; the access
// library (which the register depends on) keeps the plain GET /access-log.
@ApiTags('access log')
@Controller('access-log')
export class AccessLogSearchController {
  constructor(private readonly search: AccessLogSearchService) {}

  @Post('search')
  @HttpCode(200)
  @RequirePermission('accessLog.read')
  @ApiOperation({
    summary: 'Search the access log (åtkomstlogg) of your organisation; a pupil by personnummer in the body',
    description:
      'Filters: pupil (full personnummer, resolved by the server; entries about the pupil, their cases, flags and ' +
      'investigations), user, agency, action, period and outcome. Paged newest first (`cursor`, `limit`). With ' +
      '`Accept: text/csv` the whole selection (at most 10 000 entries) comes as a CSV file. The search is logged.',
  })
  @ApiOkResponse({ type: pageSchema(AccessLogSearchItem) })
  @ApiProduces('application/json', 'text/csv')
  @ApiProblems(400)
  async find(
    @CurrentCaller() caller: Caller,
    @Body() dto: AccessLogSearchDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<AccessLogSearchItem> | string> {
    if (/\btext\/csv\b/i.test(accept ?? '')) {
      const csv = await this.search.exportCsv(caller, dto);
      res.header('Content-Type', 'text/csv; charset=utf-8');
      res.header('Content-Disposition', 'attachment; filename="atkomstlogg.csv"');
      return csv;
    }
    return this.search.search(caller, dto);
  }
}
