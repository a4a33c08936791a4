export * from './demo-data';
export * from './demo-seed';
export { DEMO_PUPILS, demoEmail, demoSchoolDays } from './seed-people';
export { DEMO_INTERVENTIONS } from './seed-interventions';
export type { SeedStep } from './seed-step';
export * from './seed-run.entity';
