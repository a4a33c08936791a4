import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessLogController } from './access-log.controller';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';

/** The access layer: the global guard, the policy service and the access log. */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogRepository, AccessLogService, AccessService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessLogService, AccessService],
})
export class AccessModule {}
