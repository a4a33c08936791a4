import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionJob } from './retention-job';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Retention rules, the gallring run (nightly and on demand) and its log. */
@Module({
  controllers: [RetentionController],
  providers: [RetentionService, RetentionRepository, RetentionJob],
  exports: [RetentionService],
})
export class RetentionModule {}
