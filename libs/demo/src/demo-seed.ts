import { DataSource } from 'typeorm';
import { cases } from './seed-cases';
import { interventions } from './seed-interventions';
import { notifications } from './seed-notifications';
import { organisationsAndAgencies, pupilsAndAttendance, userEmails, users } from './seed-people';
import { plans } from './seed-plans';
import { SeedRunRepository } from './seed-run.repository';
import { flagsAndNotices } from './seed-signals';
import { SeedStep } from './seed-step';

export const DEMO_STEPS: SeedStep[] = [
  organisationsAndAgencies,
  pupilsAndAttendance,
  users,
  flagsAndNotices,
  cases,
  plans,
  userEmails,
  notifications,
  interventions,
];

/**
 * Seeds the demo on an empty database and completes a partly seeded one; does nothing when
 * every step has run. Steps are skipped, not repeated, so running it twice changes nothing.
 * Refuses to run with NODE_ENV=production.
 */
export async function seedDemo(dataSource: DataSource, now = new Date()): Promise<string[]> {
  if (process.env.NODE_ENV === 'production') throw new Error('the demo seed never runs in production');
  const ran: string[] = [];
  const seedRuns = new SeedRunRepository();
  for (const step of DEMO_STEPS) {
    const did = await dataSource.transaction(async (manager) => {
      // One seeder at a time across instances.
      await seedRuns.lock(manager);
      if (await seedRuns.hasRun(manager, step.name)) return false;
      await step.run(manager, now);
      await seedRuns.record(manager, step.name);
      return true;
    });
    if (did) ran.push(step.name);
  }
  return ran;
}
