import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { ENTITIES } from '../apps/api/src/entities';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

/**
 * The entities describe the schema the migrations make; they never make it (the app's DataSource
 * never synchronizes). This proves the two agree: on a freshly migrated database TypeORM's schema
 * builder finds nothing to change, and an empty database synchronized from the entities gets the
 * same checks and indexes, definition for definition.
 *
 * What TypeORM cannot express is declared `synchronize: false` in its entity and listed here with
 * the reason; the migration stays its only definition.
 */
const NOT_EXPRESSIBLE: Record<string, string> = {
  // Tables
  attendance_lesson:
    'partitioned by month (PARTITION BY RANGE (lesson_date), a partition per month and a default one): ' +
    'TypeORM cannot declare partitioning; its columns, key and checks are still compared below',
  access_log:
    'partitioned by month (PARTITION BY RANGE (at), a partition per month and a default one): ' +
    'TypeORM cannot declare partitioning; its columns, key and checks are still compared below',
  // Indexes with expression keys
  app_user_username_key: 'expression key lower(username): usernames are unique whatever their case',
  intervention_name_key: 'expression key lower(name): names unique per organisation whatever their case',
  notification_inbox_idx: 'expression key (read_at IS NOT NULL) and descending keys created_at DESC, id DESC',
  access_log_role_change_idx: 'expression key (subject_ids[1]) and a descending key id DESC',
  // Indexes with descending keys (TypeORM's @Index has no key order)
  access_log_subject_organisation_idx: 'descending key id DESC (the auditor list reads newest first)',
  access_log_user_at_idx: 'descending key at DESC',
  attendance_import_school_idx: 'descending key started_at DESC',
  absence_flag_school_idx: 'descending key created_at DESC',
  absence_investigation_student_idx: 'descending key started_on DESC',
  support_case_school_idx: 'descending key opened_at DESC',
  ss12000_sync_run_source_idx: 'descending keys created_at DESC, id DESC',
  student_change_student_idx: 'descending key id DESC',
  retention_run_one_running_key: 'expression key (true) with a WHERE: one running gallring run at a time',
  retention_run_started_idx: 'descending keys started_at DESC, id DESC',
  // Other index methods
  access_log_subject_idx: 'a GIN index on the array subject_ids (TypeORM makes only B-tree indexes here)',
};

/** Partitioned tables: their entity is `synchronize: false`, but everything else of them is compared. */
const PARTITIONED = ['attendance_lesson', 'access_log'];

/**
 * Also in the migrations, and neither expressible nor compared by TypeORM: the triggers that keep
 * access_log, case_event and student_change append-only (and the grants that do the same), the
 * INCLUDE columns of attendance_day's primary key, the sequence support_case_reference_seq, the
 * NOT VALID state of attendance_import_author_check, the watch list's version triggers and the
 * deferred constraint trigger `watchlist_pending_apply`, and pg-boss's own schema `pgboss`.
 */

describe('entities agree with the migrations', () => {
  let migrated: Awaited<ReturnType<typeof createTestDatabase>>;
  let empty: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    [migrated, empty] = await Promise.all([createTestDatabase(), createTestDatabase(false)]);
    dataSource = await new DataSource(
      dataSourceOptions(migrated.ownerUrl, { poolSize: 2, entities: ENTITIES }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await Promise.all([migrated && dropTestDatabase(migrated.name), empty && dropTestDatabase(empty.name)]);
  });

  it('has an entity for every table', async () => {
    const tables = (await dataSource.query(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND relname <> 'schema_migration' ORDER BY relname`,
    )) as { relname: string }[];
    const entities = dataSource.entityMetadatas.map((m) => m.tableName).sort();
    expect(entities).toEqual(tables.map((t) => t.relname));
  });

  it('declares `synchronize: false` exactly on what TypeORM cannot express', () => {
    const unsynchronized = dataSource.entityMetadatas.flatMap((m) => [
      ...(m.synchronize ? [] : [m.tableName]),
      ...m.indices.filter((i) => i.synchronize === false).map((i) => i.name),
    ]);
    expect(unsynchronized.sort()).toEqual(Object.keys(NOT_EXPRESSIBLE).sort());
  });

  it('on a freshly migrated database, the schema builder finds nothing to change', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  // The access log is compared by the next test only: the builder would re-create the sequence its
  // id's default names (TypeORM manages only sequences of its own).
  it('the partitioned lesson table agrees too, but for its partitioning', async () => {
    const partitioned = [dataSource.getMetadata('attendance_lesson')];
    for (const metadata of partitioned) metadata.synchronize = true;
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      for (const metadata of partitioned) metadata.synchronize = false;
    }
  });

  // The builder compares checks by name and indexes by their set of columns: this compares definitions.
  it('an empty database synchronized from the entities gets the same columns, constraints and indexes', async () => {
    const scratch = await new DataSource({
      ...dataSourceOptions(empty.ownerUrl, { poolSize: 2, entities: ENTITIES }),
      migrations: [],
    }).initialize();
    try {
      // Made unpartitioned here, so that the rest of them is compared as well; the access log's id
      // comes from a sequence of its own (continued from the table it replaced).
      for (const table of PARTITIONED) scratch.getMetadata(table).synchronize = true;
      await scratch.query(`CREATE SEQUENCE access_log_id_seq AS bigint`);
      await scratch.synchronize();
      const expected = await schemaOf(dataSource);
      for (const name of Object.keys(NOT_EXPRESSIBLE)) delete expected[`index ${name}`];
      // Neither expressible nor compared, as said above.
      expected['constraint attendance_day_pkey'] = expected['constraint attendance_day_pkey'].replace(
        / INCLUDE .*/,
        '',
      );
      expected['constraint attendance_import_author_check'] = expected[
        'constraint attendance_import_author_check'
      ].replace(' NOT VALID', '');
      delete expected['constraint watchlist_pending_apply'];
      expect(await schemaOf(scratch)).toEqual(expected);
    } finally {
      await scratch.destroy();
    }
  });
});

/** Every column, constraint and index of the public schema's tables, by name, as PostgreSQL prints it. */
async function schemaOf(db: DataSource): Promise<Record<string, string>> {
  const rows = (await db.query(
    `WITH t AS (
       SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migration')
     SELECT 'column ' || t.relname || '.' || a.attname AS name,
            concat_ws(' ', format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'NOT NULL' END,
                      'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), 'IDENTITY ' || nullif(a.attidentity::text, '')) AS definition
       FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     UNION ALL
     SELECT 'constraint ' || k.conname, t.relname || ': ' || pg_get_constraintdef(k.oid)
       FROM t JOIN pg_constraint k ON k.conrelid = t.oid
     UNION ALL
     SELECT 'index ' || i.relname, pg_get_indexdef(i.oid)
       FROM t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
  )) as { name: string; definition: string }[];
  // The same default, printed as PostgreSQL stored it: `0` (partitioned table) or `'0'::smallint` / `'0'::bigint`.
  // PostgreSQL 18 names NOT NULL constraints; the partitioned access log's got a suffix (`…_not_null1`)
  // because the table it replaced still held the plain names when it was made.
  return Object.fromEntries(
    rows.map((r) => [
      r.name.replace(/(_not_null)\d+$/, '$1'),
      r.definition.replace(/'(-?\d+)'::(smallint|bigint)/g, '$1'),
    ]),
  );
}
