import type { DataSource, EntityManager } from 'typeorm';

/**
 * One named, idempotent step of the demo. Each runs in its own transaction and is recorded in
 * seed_run, so a crash mid-seed leaves nothing half-written and the next start finishes the job.
 * Later issues add steps at the end; a step never changes once it has shipped. A step writes
 * through the domain libraries' repositories (their bulk methods), never SQL of its own.
 */
export interface SeedStep {
  name: string;
  run(manager: EntityManager, now: Date): Promise<void>;
}

/** A repository on the step's data source; its methods take the step's transaction. */
export const repository = <T>(Repository: new (dataSource: DataSource) => T, manager: EntityManager): T =>
  new Repository(manager.dataSource);
