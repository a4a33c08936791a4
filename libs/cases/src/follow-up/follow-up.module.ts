import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';

/** Reviews, follow-ups at 6 and 18 months, the printable plan and outcome statistics. */
@Module({ imports: [CaseAccessModule] })
export class FollowUpModule {}
