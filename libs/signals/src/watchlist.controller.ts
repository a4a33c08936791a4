import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { WatchlistItemDto, WatchlistQuery } from './watchlist.dto';
import { WatchlistService } from './watchlist.service';

@ApiTags('signals')
@Controller('schools/:id/watchlist')
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @Get()
  @RequirePermission('watchlist.read')
  @ApiOperation({
    summary: "The school's watch list: pupils hitting an absence rule, each rule explained",
    description:
      "Computed on request from the per-day attendance aggregate with your organisation's rules (GET /absence-rules), " +
      'for windows ending at `date` (default today in Sweden): the share and weekday rules look at the last N × 7 days, ' +
      'the trend at complete ISO weeks (the current week counts from its Friday; a week without lessons is skipped), ' +
      'the streak at runs of consecutive school days (days the pupil had lessons) with invalid absence ending within ' +
      'the window. Each item lists the rules hit with a Swedish explanation and the figures behind it. ' +
      'Because the list is computed, `nextCursor` is an opaque offset into it: a page boundary can shift if ' +
      'attendance changes between requests. Another school is a 404. Logged with the pupils returned.',
  })
  @ApiOkResponse({ type: pageSchema(WatchlistItemDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: WatchlistQuery,
  ): Promise<Page<WatchlistItemDto>> {
    return this.watchlist.list(caller, id, query);
  }
}
