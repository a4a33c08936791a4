import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';
import { ActionsController, PlanController } from './plan.controller';
import { PlanService } from './plan.service';

/** The shared action plan: goals, actions per agency, versions with ETags, agreement, the work list. */
@Module({
  imports: [CaseAccessModule],
  controllers: [PlanController, ActionsController],
  providers: [PlanService],
  exports: [PlanService],
})
export class PlanModule {}
