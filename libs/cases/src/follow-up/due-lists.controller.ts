import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { DueListQuery, FollowUpDueDto, ReviewDueDto } from './due-lists.dto';
import { DueListsService } from './due-lists.service';
import { REVIEW_EARLY_DAYS } from './reviews.rules';

@ApiTags('plan')
@Controller()
export class DueListsController {
  constructor(private readonly due: DueListsService) {}

  @Get('reviews/due')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      "Elevhälsa's reviews due (avstämningar): review dates of the school's open cases' plans with no review recorded " +
      `from ${REVIEW_EARLY_DAYS} days before, oldest first`,
  })
  @ApiOkResponse({ type: pageSchema(ReviewDueDto) })
  @ApiProblems(400, 403)
  reviews(@CurrentCaller() caller: Caller, @Query() query: DueListQuery): Promise<Page<ReviewDueDto>> {
    return this.due.reviews(caller, query);
  }

  @Get('follow-ups/due')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      "Elevhälsa's follow-ups due: the 6- and 18-month follow-ups of the school's closed cases not yet recorded, oldest first",
  })
  @ApiOkResponse({ type: pageSchema(FollowUpDueDto) })
  @ApiProblems(400, 403)
  followUps(@CurrentCaller() caller: Caller, @Query() query: DueListQuery): Promise<Page<FollowUpDueDto>> {
    return this.due.followUps(caller, query);
  }
}
