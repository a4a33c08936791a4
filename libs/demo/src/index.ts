export * from './demo-data';
export * from './demo-seed';
export * from './seed-run.entity';
