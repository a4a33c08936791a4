import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';
import { DueListsController, DueListsService } from './due-lists';
import { FollowUpsController, FollowUpsService } from './follow-ups';
import { OutcomeStatsController, OutcomeStatsService } from './outcome-stats';
import { ReviewsController, ReviewsService } from './reviews';

/** Reviews, follow-ups at 6 and 18 months, elevhälsa's lists of both due and outcome statistics. */
@Module({
  imports: [CaseAccessModule],
  controllers: [ReviewsController, FollowUpsController, DueListsController, OutcomeStatsController],
  providers: [ReviewsService, FollowUpsService, DueListsService, OutcomeStatsService],
})
export class FollowUpModule {}
