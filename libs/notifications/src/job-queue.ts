import { Inject, Injectable, Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { JobQueueRepository } from './job-queue.repository';

/** The URL of the application's database, for pg-boss's own pool. */
export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');

/** Our queues, each with its pg-boss policy; created by migrations (see JobSchema1795002900000). */
export const QUEUES = {
  /** The reminder sweep: at most one waiting and one running, however many instances schedule it. */
  'notifications.sweep': { policy: 'stately', retryLimit: 1 },
  /** A nudge to send due mail; many may wait, a run finds the rows itself (SKIP LOCKED). */
  'mail.flush': { policy: 'standard', retryLimit: 1 },
  /** Every minute: start the SS 12000 sync runs that are due (one job at a time across instances). */
  'ss12000.schedule': { policy: 'stately', retryLimit: 1 },
  /** Nightly gallring (libs/dataprotection retention): one run at a time across instances. */
  'retention.nightly': { policy: 'stately', retryLimit: 1 },
} as const satisfies Record<string, Omit<PgBoss.Queue, 'name'>>;

export type QueueName = keyof typeof QUEUES;

// `migrate: false`: pg-boss only checks that its schema is at its version. The schema and our
// queues are created by the migrations, as the owner; the application's role cannot create tables.
const bossOptions = (url: string): PgBoss.ConstructorOptions => ({
  connectionString: url,
  application_name: 'narvaroteam-jobs',
  max: 3,
  migrate: false,
});

/**
 * pg-boss: durable jobs in PostgreSQL. Started by JobWorkers when JOBS_ENABLED; until then (and
 * in tests that drive the sweep and mail worker directly) sending is a no-op.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private readonly startHooks: ((boss: PgBoss) => Promise<void>)[] = [];

  constructor(
    @Inject(JOBS_DATABASE_URL) private readonly url: string,
    private readonly repository: JobQueueRepository,
  ) {}

  get started(): boolean {
    return this.boss !== null;
  }

  async start(): Promise<PgBoss> {
    const boss = new PgBoss(bossOptions(this.url));
    // Only the message: a job's error never carries personal data here, but its data might.
    boss.on('error', (error) => this.logger.warn(`job queue error: ${error.message}`));
    await boss.start();
    await assertQueues(boss);
    this.boss = boss;
    for (const hook of this.startHooks) await hook(boss);
    return boss;
  }

  /** Other modules register their workers here (called once pg-boss has started, when JOBS_ENABLED). */
  onStart(hook: (boss: PgBoss) => Promise<void>): void {
    this.startHooks.push(hook);
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Waits (up to the timeout) for a running job to finish; its lease or outbox claim covers a cut.
    await boss?.stop({ graceful: true, timeout: 5000 });
  }

  /** Sends a job as part of the caller's transaction: it exists only if that transaction commits. */
  async sendWithin(manager: EntityManager, name: QueueName): Promise<void> {
    if (!this.boss) return;
    await this.boss.send(name, {}, { db: this.repository.within(manager) });
  }
}

/** A queue missing or changed in code but not by a migration fails start-up with its name. */
async function assertQueues(boss: PgBoss): Promise<void> {
  const existing = new Map((await boss.getQueues()).map((queue) => [queue.name, queue]));
  for (const [name, options] of Object.entries(QUEUES)) {
    const queue = existing.get(name);
    if (!queue || queue.policy !== options.policy || queue.retryLimit !== options.retryLimit) {
      throw new Error(`job queue ${name} is missing or differs from the code: a migration must create or update it`);
    }
  }
}
