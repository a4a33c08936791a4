import { Module } from '@nestjs/common';
import { InterventionController } from './intervention.controller';
import { InterventionRepository } from './intervention.repository';
import { InterventionService } from './intervention.service';

/** The intervention catalogue, pupils' courses of interventions, their follow-ups and results. */
@Module({
  controllers: [InterventionController],
  providers: [InterventionRepository, InterventionService],
})
export class InterventionsModule {}
