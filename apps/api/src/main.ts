import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { openMigrationDataSource, runMigrations } from '@app/database';
import { seedDemo } from '@app/demo';
import { API_PREFIX, createApp } from './bootstrap';
import { resolveDatabase } from './database-target';
import { findWebRoot } from './web-app';

// Start-up messages go to stderr as plain lines; request logs are JSON on stdout.
const say = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, say);
  if (config.nodeEnv === 'production' && !config.databaseMigrationUrl) {
    say(
      'warning: DATABASE_MIGRATION_URL is not set, so the application runs as the owner of its tables, ' +
        'which could alter them and disable the access log triggers (set it to the owner and DATABASE_URL to the runtime role)',
    );
  }

  // Migrate (and seed the demo) on a short-lived connection as the owner, before the app opens
  // its pool as the runtime role: nothing stays connected as the owner.
  const dataSource = await openMigrationDataSource(database);
  try {
    const migrated = await runMigrations(dataSource);
    if (migrated.length) say(`migrations run: ${migrated.join(', ')}`);
    if (config.demoSeed) {
      const seeded = await seedDemo(dataSource);
      if (seeded.length) say(`demo data seeded: ${seeded.join(', ')}`);
    }
  } finally {
    await dataSource.destroy();
  }

  const app = await createApp(config, database.url);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping`);
    await app.close().catch(() => undefined);
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.port, '0.0.0.0');
  const base = `http://localhost:${config.port}`;
  say(
    findWebRoot()
      ? `Närvaroteam web app: ${base}/ (log in as a demo user)`
      : 'web app not built (npm run build:web): serving the API only',
  );
  say(`Närvaroteam API listening on ${base}/${API_PREFIX}`);
  if (config.apiDocs) say(`API docs: ${base}/api/docs (OpenAPI JSON: ${base}/api/docs-json)`);
}

main().catch((error: unknown) => {
  // One clear line, never a stack: a bad setting names itself; anything else says what failed.
  say(error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
