import { Module } from '@nestjs/common';
import { StudentsModule } from '@app/students';
import { CaseAccessModule } from './case-access.module';
import { CaseCollaborationModule } from './collaboration/collaboration.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { ConsentsController } from './consents.controller';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';
import { FollowUpModule } from './follow-up/follow-up.module';
import { PlanModule } from './plan/plan.module';

/** Cases (närvaroärenden): opening, status, coordinator, timeline, consent, lead times, collaboration. */
@Module({
  imports: [StudentsModule, CaseAccessModule, CaseCollaborationModule, PlanModule, FollowUpModule],
  controllers: [CasesController, ConsentsController],
  providers: [CasesService, ConsentsService, ConsentsRepository],
  exports: [CaseAccessModule, CasesService],
})
export class CasesModule {}
