import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';
import { DueListsController } from './due-lists.controller';
import { DueListsRepository } from './due-lists.repository';
import { DueListsService } from './due-lists.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import { OutcomeStatsController } from './outcome-stats.controller';
import { OutcomeStatsRepository } from './outcome-stats.repository';
import { OutcomeStatsService } from './outcome-stats.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews, follow-ups at 6 and 18 months, elevhälsa's lists of both due and outcome statistics. */
@Module({
  imports: [CaseAccessModule],
  controllers: [ReviewsController, FollowUpsController, DueListsController, OutcomeStatsController],
  providers: [
    ReviewsService,
    ReviewsRepository,
    FollowUpsService,
    FollowUpsRepository,
    DueListsService,
    DueListsRepository,
    OutcomeStatsService,
    OutcomeStatsRepository,
  ],
})
export class FollowUpModule {}
