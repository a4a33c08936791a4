import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '@app/notifications';
import { RetentionService } from './retention.service';

/** Every night at 02:30 Swedish time, when schools write little. */
export const RETENTION_CRON = '30 2 * * *';

/**
 * The nightly gallring on pg-boss (when JOBS_ENABLED). The queue is `stately` and a run row is
 * unique while running, so one run at a time across instances.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  private readonly logger = new Logger('Gallring');

  constructor(
    private readonly queue: JobQueue,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.queue.onStart(async (boss) => {
      await boss.work('retention.nightly', { pollingIntervalSeconds: 30 }, async () => {
        const runId = await this.retention.runScheduled();
        if (!runId) this.logger.log('gallring skipped: another run is going on');
      });
      await boss.schedule('retention.nightly', RETENTION_CRON, {}, { tz: 'Europe/Stockholm' });
    });
  }
}
