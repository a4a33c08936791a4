import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';

/** The shared action plan: goals, actions per agency, versions with ETags, agreement, the work list. */
@Module({ imports: [CaseAccessModule] })
export class PlanModule {}
