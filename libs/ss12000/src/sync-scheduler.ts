import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '@app/notifications';
import { SourcesService } from './sources.service';

/** Every minute (pg-boss's finest cron): sources whose `syncEveryMinutes` has passed since their last run start one. */
export const SCHEDULE_CRON = '* * * * *';

/**
 * The sync's schedule on pg-boss, the queue already in use (when JOBS_ENABLED). The job is
 * `stately`, so one instance at a time looks for due sources; a run is queued only while its source
 * has none queued or running (the partial unique index), so one run per source across all instances.
 */
@Injectable()
export class SyncScheduler implements OnModuleInit {
  private readonly logger = new Logger('Ss12000Schedule');

  constructor(
    private readonly queue: JobQueue,
    private readonly sources: SourcesService,
  ) {}

  onModuleInit(): void {
    this.queue.onStart(async (boss) => {
      await boss.work('ss12000.schedule', { pollingIntervalSeconds: 10 }, async () => {
        const started = await this.sources.startDueRuns();
        if (started) this.logger.log(`started ${started} scheduled SS 12000 sync run(s)`);
      });
      await boss.schedule('ss12000.schedule', SCHEDULE_CRON);
    });
  }
}
