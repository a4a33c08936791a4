import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { openMigrationDataSource, runMigrations } from '@app/database';
import { seedDemo } from '@app/demo';
import { resolveDatabase } from './database-target';

/** `npm run migration:run` (add `--seed` to also seed the demo): migrates and exits. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => process.stderr.write(`${line}\n`));
  const dataSource = await openMigrationDataSource(database);
  try {
    const ran = await runMigrations(dataSource);
    process.stderr.write(ran.length ? `migrations run: ${ran.join(', ')}\n` : 'no pending migrations\n');
    if (process.argv.includes('--seed') && config.demoSeed) {
      const seeded = await seedDemo(dataSource);
      process.stderr.write(`demo data seeded: ${seeded.join(', ') || 'already complete'}\n`);
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error)?.message}`}\n`,
  );
  process.exit(1);
});
