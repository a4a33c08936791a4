import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, CLOCK, systemClock } from './clock';
import { JobQueue, JOBS_DATABASE_URL } from './job-queue';
import { JobQueueRepository } from './job-queue.repository';
import { JobWorkers } from './job-workers';
import { MailWorker } from './mail-worker';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier';
import { ReminderSweep } from './reminder-sweep';

/**
 * Notifications: the inbox, the Notifier that domain services call in their transactions, the
 * reminder sweep, the mail worker and the pg-boss jobs that run them. Global, so that every
 * domain module can inject Notifier.
 */
@Global()
@Module({})
export class NotificationsModule {
  static forRoot(options: { databaseUrl: string }): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [
        { provide: JOBS_DATABASE_URL, useValue: options.databaseUrl },
        // One clock object per application, so a test can move one app's time without touching another's.
        { provide: CLOCK, useFactory: (): Clock => ({ now: () => systemClock.now() }) },
        JobQueue,
        JobQueueRepository,
        NotificationsRepository,
        Notifier,
        NotificationsService,
        ReminderSweep,
        MailWorker,
        JobWorkers,
      ],
      exports: [Notifier, CLOCK, JobQueue, JobQueueRepository],
    };
  }
}
