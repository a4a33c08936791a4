import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';
import { PlanPrintController } from './plan-print.controller';
import { PlanPrintRepository } from './plan-print.repository';
import { PlanPrintService } from './plan-print.service';
import { PlanActionsService } from './plan-actions.service';
import { ActionsController, PlanController } from './plan.controller';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';

/** The shared action plan: goals, actions per agency, versions with ETags, agreement, the work list, the printable plan. */
@Module({
  imports: [CaseAccessModule],
  controllers: [PlanController, ActionsController, PlanPrintController],
  providers: [PlanService, PlanActionsService, PlanRepository, PlanPrintService, PlanPrintRepository],
  exports: [PlanService],
})
export class PlanModule {}
