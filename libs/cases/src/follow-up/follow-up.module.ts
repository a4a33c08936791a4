import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';
import { FollowUpsController, FollowUpsService } from './follow-ups';
import { OutcomeStatsController, OutcomeStatsService } from './outcome-stats';
import { PlanPrintController, PlanPrintService } from './plan-print';
import { ReviewsController, ReviewsService } from './reviews';

/** Reviews, follow-ups at 6 and 18 months, the printable plan and outcome statistics. */
@Module({
  imports: [CaseAccessModule],
  controllers: [ReviewsController, FollowUpsController, PlanPrintController, OutcomeStatsController],
  providers: [ReviewsService, FollowUpsService, PlanPrintService, OutcomeStatsService],
})
export class FollowUpModule {}
