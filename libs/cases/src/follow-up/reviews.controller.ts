import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, pageSchema } from '@app/http';
import { RecordReviewDto, ReviewDto } from './reviews.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('plan')
@Controller('cases/:id/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({ summary: "The plan's reviews, oldest first (outside agencies: consent scope plan)" })
  @ApiOkResponse({ type: pageSchema(ReviewDto) })
  @ApiProblems(400, 403, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.reviews.list(caller, id), nextCursor: null };
  }

  @Post()
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record a review (avstämning): attendance in the weeks before the plan and up to the review is computed from attendance data',
  })
  @ApiCreatedResponse({ type: ReviewDto })
  @ApiProblems(400, 403, 404, 409, 422)
  record(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordReviewDto,
  ): Promise<ReviewDto> {
    return this.reviews.record(caller, id, dto);
  }
}
