import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';
import { MappingController } from './mapping.controller';
import { MappingRepository } from './mapping.repository';
import { MappingService } from './mapping.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MobilisationsController } from './mobilisations.controller';
import { MobilisationsRepository } from './mobilisations.repository';
import { MobilisationsService } from './mobilisations.service';

/** Mobilisation of agencies, the joint meetings and the mapping (kartläggning). */
@Module({
  imports: [CaseAccessModule],
  controllers: [MobilisationsController, MeetingsController, MappingController],
  providers: [
    MobilisationsService,
    MobilisationsRepository,
    MeetingsService,
    MeetingsRepository,
    MappingService,
    MappingRepository,
  ],
})
export class CaseCollaborationModule {}
