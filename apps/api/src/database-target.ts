import { AppConfig } from '@app/config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '@app/database';

/** DATABASE_URL when set; otherwise the embedded server, started now. */
export async function resolveDatabase(config: AppConfig, log: (line: string) => void): Promise<EmbeddedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  log(`starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPg.port} (data in ${config.embeddedPg.dataDir})`);
  return startEmbeddedPostgres({ ...config.embeddedPg, onLog: () => undefined });
}
