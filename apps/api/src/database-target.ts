import { AppConfig } from '@app/config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '@app/database';

export type DatabaseTarget = Pick<EmbeddedDatabase, 'url' | 'migrationUrl' | 'stop'>;

/**
 * DATABASE_URL (the runtime role) and DATABASE_MIGRATION_URL (the owner; DATABASE_URL when
 * unset) when set; otherwise the embedded server, started now, with both roles.
 */
export async function resolveDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      migrationUrl: config.databaseMigrationUrl ?? config.databaseUrl,
      stop: async () => undefined,
    };
  }
  log(`starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPg.port} (data in ${config.embeddedPg.dataDir})`);
  return startEmbeddedPostgres({ ...config.embeddedPg, onLog: () => undefined });
}
