import { Module } from '@nestjs/common';
import { CaseAccessModule } from '@app/cases';
import { CourseController } from './course.controller';
import { CourseRepository } from './course.repository';
import { CourseService } from './course.service';
import { InterventionStatsController } from './intervention-stats.controller';
import { InterventionStatsRepository } from './intervention-stats.repository';
import { InterventionStatsService } from './intervention-stats.service';
import { InterventionController } from './intervention.controller';
import { InterventionRepository } from './intervention.repository';
import { InterventionService } from './intervention.service';

/** The intervention catalogue, pupils' courses of interventions, their follow-ups and results. */
@Module({
  imports: [CaseAccessModule],
  controllers: [InterventionController, CourseController, InterventionStatsController],
  providers: [
    InterventionRepository,
    InterventionService,
    CourseRepository,
    CourseService,
    InterventionStatsRepository,
    InterventionStatsService,
  ],
})
export class InterventionsModule {}
