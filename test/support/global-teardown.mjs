import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const state = globalThis.__narvaroTest;
  if (state) {
    const admin = new pg.Client({ connectionString: state.adminUrl });
    await admin.connect();
    // Every database this run made: the template and the per-file copies left behind by a crash.
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
      state.template,
      `${state.template.replace('tpl', 't')}\\_%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__narvaroEmbedded?.stop();
  if (process.env.NARVARO_TEST_STATE) rmSync(process.env.NARVARO_TEST_STATE, { force: true });
}
