import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobQueue } from './job-queue';
import { MailWorker } from './mail-worker';
import { ReminderSweep } from './reminder-sweep';

/** Every 15 minutes, Swedish time: reminders are about Swedish days. */
export const SWEEP_CRON = '*/15 * * * *';
/** Every minute (pg-boss's finest cron): catches back-off retries; new mail is nudged at once. */
export const MAIL_CRON = '* * * * *';

/**
 * Starts pg-boss when JOBS_ENABLED and registers our workers: the reminder sweep (cron and once
 * at start) and, when mail is on, the mail worker (cron, at start, and nudged by each new mail).
 * Every instance runs workers; pg-boss hands each job to one of them.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly sweep: ReminderSweep,
    private readonly mail: MailWorker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = await this.queue.start();
    await boss.work('notifications.sweep', { pollingIntervalSeconds: 5 }, async () => {
      await this.sweep.run();
    });
    await boss.schedule('notifications.sweep', SWEEP_CRON, {}, { tz: 'Europe/Stockholm' });
    await boss.send('notifications.sweep', {});
    if (this.config.mail.smtpUrl) {
      await boss.work('mail.flush', { pollingIntervalSeconds: 2 }, async () => {
        await this.mail.flush();
      });
      await boss.schedule('mail.flush', MAIL_CRON);
      await boss.send('mail.flush', {});
    } else {
      // Mail off: nobody would take the minute's jobs.
      await boss.unschedule('mail.flush');
    }
  }

  /** Before the database pool closes: a running job finishes (or its claim runs out and another instance retries). */
  async onModuleDestroy(): Promise<void> {
    await this.queue.stop();
  }
}
