import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The application's own database role (the one DATABASE_URL names, that the running app uses)
 * cannot erase or rewrite the access log or the case timeline, nor switch off their triggers.
 */
describe('database roles: the runtime role cannot erase the audit trail', () => {
  let t: TestApp;
  let app: Client;

  beforeAll(async () => {
    t = await createTestApp();
    // Exactly the connection string the running application was given.
    const url = (t.app.get(DataSource).options as { url: string }).url;
    app = new Client({ connectionString: url });
    await app.connect();
    // Something to erase: one row in each append-only table, written as the app writes them.
    // Raw on purpose: the app's own role writing (and failing to change) these rows is the subject.
    await app.query(`INSERT INTO access_log (action, subject_type, outcome) VALUES ('test', 'test', 'allowed')`);
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  it('is an ordinary role: not a superuser, not the database owner, owner of no table', async () => {
    const { rows } = await app.query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreaterole: boolean;
      rolcreatedb: boolean;
      owns_database: boolean;
      owned: number;
    }>(`
      SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
             (SELECT datdba = r.oid FROM pg_database WHERE datname = current_database()) AS owns_database,
             (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relowner = r.oid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                 AND n.nspname NOT LIKE 'pg\\_%') AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      owns_database: false,
      owned: 0,
    });
  });

  it('cannot switch off triggers for its session (session_replication_role = replica)', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  });

  it.each(['access_log', 'case_event'])('cannot update, delete, truncate %s or disable its triggers', async (table) => {
    const before = await count(table);
    expect(before).toBeGreaterThan(0);
    // Privileges, not only the triggers: the statements are refused before any trigger runs.
    await expect(app.query(`UPDATE ${table} SET at = now()`)).rejects.toThrow(/permission denied for table/);
    await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied for table/);
    await expect(app.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied for table/);
    await expect(app.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DROP TABLE ${table}`)).rejects.toThrow(/must be owner/);
    expect(await count(table)).toBe(before);
  });

  it('still reads and appends to the access log', async () => {
    const before = await count('access_log');
    // Raw on purpose: appending as the app's own role is what is tested.
    await app.query(`INSERT INTO access_log (action, subject_type, outcome) VALUES ('test', 'test', 'denied')`);
    expect(await count('access_log')).toBe(before + 1);
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM access_log`);
    expect(rows[0].n).toBe(before + 1);
  });

  it('creates no schema objects: neither in public nor in pg-boss schema', async () => {
    await expect(app.query(`CREATE TABLE public.scratch (id int)`)).rejects.toThrow(/permission denied for schema/);
    await expect(app.query(`CREATE TABLE pgboss.scratch (id int)`)).rejects.toThrow(/permission denied for schema/);
    await expect(app.query(`ALTER TABLE student ADD COLUMN scratch int`)).rejects.toThrow(/must be owner/);
  });
});
