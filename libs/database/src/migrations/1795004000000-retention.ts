import { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobQueue } from '../job-schema';
import { revokeAppendOnlyWrites, runtimeRole } from '../database-roles';

/**
 * Retention (gallring, issue 21): rules as data, the gallring log, the access log partitioned by
 * month, and the database functions that erase. docs/ARCHITECTURE.md ("Retention") gives the
 * reasoning; docs/DATA-PROTECTION.md the periods.
 *
 * The runtime role erases nothing itself in the append-only tables: it may only EXECUTE the
 * `retention_*` functions below, which run as their owner (SECURITY DEFINER) and erase only what a
 * retention rule makes due, in bounds the runtime role cannot change (`retention_class`).
 */
export class Retention1795004000000 implements MigrationInterface {
  name = 'Retention1795004000000';

  async up(db: QueryRunner): Promise<void> {
    await this.rules(db);
    await this.runLog(db);
    await this.partitionAccessLog(db);
    await this.appendOnlyExceptions(db);
    await this.dueFunctions(db);
    await this.eraseFunctions(db);
    await this.partitionFunctions(db);
    await this.grants(db);
    await createJobQueue(db, 'retention.nightly', { policy: 'stately', retryLimit: 1 });
  }

  /** The data classes (fixed: defaults and bounds) and each organisation's rule within them. */
  private async rules(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE retention_class (
        data_class text PRIMARY KEY,
        position smallint NOT NULL,
        unit text NOT NULL CONSTRAINT retention_class_unit_check
          CHECK (unit IN ('days', 'months', 'years', 'school_years')),
        default_period integer NOT NULL,
        min_period integer NOT NULL,
        max_period integer NOT NULL,
        legal_basis text NOT NULL,
        CONSTRAINT retention_class_bounds_check
          CHECK (1 <= min_period AND min_period <= default_period AND default_period <= max_period)
      )`);
    // The defaults of docs/DATA-PROTECTION.md. Bounds: the access log at least 5 years (rule 5),
    // closed cases at least 2 years (past the 18-month follow-up).
    await db.query(`
      INSERT INTO retention_class (data_class, position, unit, default_period, min_period, max_period, legal_basis) VALUES
        ('attendance_lesson', 1, 'school_years', 2, 1, 10, 'Allmänt intresse: skollagen 7 kap. (närvaro)'),
        ('attendance_day', 2, 'years', 5, 2, 10, 'Allmänt intresse: skollagen 7 kap. (närvaro)'),
        ('dismissed_flag', 3, 'months', 12, 1, 60, 'Allmänt intresse: skollagen 2 kap. (elevhälsa)'),
        ('closed_case', 4, 'years', 5, 2, 10, 'Allmänt intresse; samtycke (OSL 10:1) för delning med andra myndigheter'),
        ('notification', 5, 'months', 12, 1, 60, 'Allmänt intresse'),
        ('attendance_import', 6, 'months', 12, 1, 60, 'Allmänt intresse'),
        ('sign_in_session', 7, 'days', 90, 30, 365, 'Berättigat intresse / säkerhet (art. 32)'),
        ('access_log', 8, 'years', 5, 5, 10, 'Ansvarsskyldighet och säkerhet (art. 5.2, 32)')`);
    await db.query(`
      CREATE TABLE retention_rule (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        data_class text NOT NULL REFERENCES retention_class (data_class),
        period integer NOT NULL,
        legal_basis text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id),
        CONSTRAINT retention_rule_pkey PRIMARY KEY (organisation_id, data_class)
      )`);
    // The bounds hold whoever writes the row (the API checks them first, with a field error).
    await db.query(`
      CREATE FUNCTION retention_rule_in_bounds() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k retention_class;
      BEGIN
        SELECT * INTO k FROM retention_class WHERE data_class = NEW.data_class;
        IF NEW.period < k.min_period OR NEW.period > k.max_period THEN
          RAISE EXCEPTION 'retention period out of bounds' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'retention_rule_period_check';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER retention_rule_in_bounds BEFORE INSERT OR UPDATE ON retention_rule
        FOR EACH ROW EXECUTE FUNCTION retention_rule_in_bounds()`);
    // Every organisation has every rule, at the default, from its creation on.
    await db.query(`
      CREATE FUNCTION retention_rules_for_new_organisation() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO retention_rule (organisation_id, data_class, period, legal_basis)
        SELECT NEW.id, data_class, default_period, legal_basis FROM retention_class;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER retention_rules_for_new_organisation AFTER INSERT ON organisation
        FOR EACH ROW EXECUTE FUNCTION retention_rules_for_new_organisation()`);
    await db.query(`
      INSERT INTO retention_rule (organisation_id, data_class, period, legal_basis)
      SELECT o.id, k.data_class, k.default_period, k.legal_basis FROM organisation o CROSS JOIN retention_class k`);

    // The period in force, clamped to the bounds whatever a row says.
    await db.query(`
      CREATE FUNCTION retention_period(org uuid, class text) RETURNS integer
        LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT greatest(k.min_period, least(k.max_period, coalesce(r.period, k.default_period)))
          FROM retention_class k
          LEFT JOIN retention_rule r ON r.data_class = k.data_class AND r.organisation_id = org
         WHERE k.data_class = class
      $$`);
    // Everything older than this is due. School years start on the organisation's first day of HT.
    await db.query(`
      CREATE FUNCTION retention_cutoff(org uuid, class text, as_of timestamptz) RETURNS timestamptz
        LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
      DECLARE
        k retention_class;
        n integer := retention_period(org, class);
        today date := (as_of AT TIME ZONE 'Europe/Stockholm')::date;
        autumn text;
        year_start date;
      BEGIN
        SELECT * INTO k FROM retention_class WHERE data_class = class;
        IF k.unit = 'school_years' THEN
          SELECT term_autumn_start INTO autumn FROM organisation WHERE id = org;
          year_start := to_date(extract(year FROM today)::int || '-' || coalesce(autumn, '08-15'), 'YYYY-MM-DD');
          IF year_start > today THEN year_start := year_start - interval '1 year'; END IF;
          -- Kept: this school year and the n - 1 before it.
          RETURN ((year_start - make_interval(years => n - 1))::date)::timestamp AT TIME ZONE 'Europe/Stockholm';
        END IF;
        RETURN as_of - CASE k.unit WHEN 'days' THEN make_interval(days => n)
                                WHEN 'months' THEN make_interval(months => n)
                                ELSE make_interval(years => n) END;
      END $$`);
  }

  /** The gallring log: one row per run, one per run, organisation and data class with counts only. */
  private async runLog(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE retention_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trigger text NOT NULL CONSTRAINT retention_run_trigger_check CHECK (trigger IN ('schedule', 'manual')),
        started_by uuid REFERENCES app_user (id),
        organisation_id uuid REFERENCES organisation (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        clock_at timestamptz NOT NULL,
        finished_at timestamptz,
        status text NOT NULL DEFAULT 'running'
          CONSTRAINT retention_run_status_check CHECK (status IN ('running', 'finished', 'failed')),
        failure text,
        CONSTRAINT retention_run_finished_check CHECK ((status = 'running') = (finished_at IS NULL))
      )`);
    // One run at a time, across instances.
    await db.query(
      `CREATE UNIQUE INDEX retention_run_one_running_key ON retention_run ((true)) WHERE status = 'running'`,
    );
    await db.query(`CREATE INDEX retention_run_started_idx ON retention_run (started_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE retention_run_count (
        run_id uuid NOT NULL REFERENCES retention_run (id),
        organisation_id uuid REFERENCES organisation (id),
        data_class text NOT NULL REFERENCES retention_class (data_class),
        rows bigint NOT NULL DEFAULT 0,
        held integer NOT NULL DEFAULT 0
      )`);
    await db.query(`CREATE INDEX retention_run_count_run_idx ON retention_run_count (run_id, organisation_id)`);
  }

  /**
   * The access log by month (UTC), as lessons are: erasing a month is counting, detaching and
   * dropping its partition. The rows move over in this transaction; the id sequence continues.
   */
  private async partitionAccessLog(db: QueryRunner): Promise<void> {
    await this.createLockHelper(db);
    await db.query(`ALTER TABLE access_log RENAME TO access_log_unpartitioned`);
    await db.query(`ALTER SEQUENCE access_log_id_seq RENAME TO access_log_unpartitioned_id_seq`);
    for (const index of [
      'access_log_pkey',
      'access_log_user_at_idx',
      'access_log_subject_idx',
      'access_log_role_change_idx',
      'access_log_subject_organisation_idx',
    ]) {
      await db.query(`ALTER INDEX IF EXISTS ${index} RENAME TO ${index}_unpartitioned`);
    }
    await db.query(`CREATE SEQUENCE access_log_id_seq AS bigint`);
    await db.query(`
      SELECT setval('access_log_id_seq', coalesce((SELECT max(id) FROM access_log_unpartitioned), 0) + 1, false)`);
    await db.query(`
      CREATE TABLE access_log (
        id bigint NOT NULL DEFAULT nextval('access_log_id_seq'),
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        agency_id uuid,
        organisation_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_ids text[] NOT NULL DEFAULT '{}',
        outcome text NOT NULL CONSTRAINT access_log_outcome_check CHECK (outcome IN ('allowed', 'denied')),
        request_id text,
        detail jsonb,
        subject_organisation_id uuid,
        CONSTRAINT access_log_pkey PRIMARY KEY (id, at)
      ) PARTITION BY RANGE (at)`);
    await db.query(`ALTER SEQUENCE access_log_id_seq OWNED BY access_log.id`);
    // Months from the oldest row through a year ahead (the nightly job keeps a year ahead).
    await db.query(`
      DO $$
      DECLARE
        month timestamp := date_trunc('month', least(
          (SELECT min(at) FROM access_log_unpartitioned), now()) AT TIME ZONE 'UTC');
        last timestamp := date_trunc('month', now() AT TIME ZONE 'UTC') + interval '13 months';
      BEGIN
        WHILE month < last LOOP
          EXECUTE format('CREATE TABLE %I PARTITION OF access_log FOR VALUES FROM (%L) TO (%L)',
            'access_log_' || to_char(month, 'YYYY_MM'), month::text || '+00', (month + interval '1 month')::text || '+00');
          month := month + interval '1 month';
        END LOOP;
      END $$`);
    await db.query(`CREATE TABLE access_log_other PARTITION OF access_log DEFAULT`);
    await db.query(`
      INSERT INTO access_log (id, at, user_id, agency_id, organisation_id, action, subject_type, subject_ids,
                              outcome, request_id, detail, subject_organisation_id)
      SELECT id, at, user_id, agency_id, organisation_id, action, subject_type, subject_ids,
             outcome, request_id, detail, subject_organisation_id
        FROM access_log_unpartitioned`);
    await db.query(`DROP TABLE access_log_unpartitioned`);
    await db.query(`CREATE INDEX access_log_user_at_idx ON access_log (user_id, at DESC)`);
    await db.query(`CREATE INDEX access_log_subject_idx ON access_log USING gin (subject_ids)`);
    await db.query(
      `CREATE INDEX access_log_role_change_idx ON access_log ((subject_ids[1]), id DESC) WHERE action = 'user.roles.change'`,
    );
    await db.query(`CREATE INDEX access_log_subject_organisation_idx ON access_log (subject_organisation_id, id DESC)`);
    // Append-only as before: the row trigger is cloned onto every partition; the TRUNCATE trigger
    // (a statement trigger is not) is added to each partition by retention_prepare_months too.
    await db.query(`
      CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await db.query(`
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
    await revokeAppendOnlyWrites(db, 'access_log');
    const partitions = (await db.query(`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'access_log'::regclass`)) as { name: string }[];
    for (const { name } of partitions) await this.lockPartition(db, name);
  }

  /** A partition of the access log: no direct grants to anyone but the owner, TRUNCATE refused. */
  private async lockPartition(db: QueryRunner, name: string): Promise<void> {
    await db.query(`SELECT retention_lock_access_log_partition($1)`, [name]);
  }

  private async createLockHelper(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION retention_lock_access_log_partition(part text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE grantee_name text;
      BEGIN
        FOR grantee_name IN
          SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END
            FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
           WHERE c.oid = part::regclass AND a.grantee <> c.relowner
        LOOP
          EXECUTE format('REVOKE ALL ON %I FROM %s', part, grantee_name);
        END LOOP;
        IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part::regclass AND tgname = 'access_log_no_truncate') THEN
          EXECUTE format('CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON %I
                            FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()', part);
        END IF;
      END $$`);
  }

  /**
   * The append-only triggers let one thing through: a delete by the tables' owner inside a
   * gallring function (which sets narvaroteam.gallring for its own duration). The runtime role is
   * not the owner and holds no DELETE on these tables, so it still cannot.
   */
  private async appendOnlyExceptions(db: QueryRunner): Promise<void> {
    for (const table of ['access_log', 'case_event']) {
      await db.query(`
        CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND current_setting('narvaroteam.gallring', true) = 'on'
             AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION '${table} is append-only' USING ERRCODE = 'insufficient_privilege';
        END $$`);
    }
  }

  /**
   * What is due now, per organisation and data class: the keys a rule makes erasable. The preview
   * counts them, the erase functions delete them; one definition for both.
   */
  private async dueFunctions(db: QueryRunner): Promise<void> {
    // A closed case is held while the pupil has an open absence investigation (huvudman not yet
    // informed) or the case has an unanswered invitation.
    await db.query(`
      CREATE FUNCTION retention_case_hold(the_case uuid) RETURNS text
        LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT CASE
          WHEN EXISTS (SELECT 1 FROM absence_investigation i JOIN support_case c ON c.student_id = i.student_id
                        WHERE c.id = the_case AND i.huvudman_informed_on IS NULL) THEN 'open-investigation'
          WHEN EXISTS (SELECT 1 FROM mobilisation m WHERE m.case_id = the_case
                          AND m.status = 'pending') THEN 'pending-invitation'
        END
      $$`);
    // Erasing what is in an append-only table never runs ahead of the database's own clock.
    await db.query(`
      CREATE FUNCTION retention_clamp(as_of timestamptz) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT least(as_of, now())
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_cases(org uuid, as_of timestamptz)
        RETURNS TABLE (case_id uuid, reference text, closed_at timestamptz, hold text)
        LANGUAGE sql STABLE AS $$
        SELECT c.id, c.reference, c.closed_at, retention_case_hold(c.id)
          FROM support_case c JOIN agency a ON a.id = c.school_id
         WHERE a.organisation_id = org AND c.status = 'closed'
           AND c.closed_at < retention_cutoff(org, 'closed_case', retention_clamp(as_of))
           AND c.closed_at < retention_clamp(as_of) - interval '18 months'
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_lessons(org uuid, as_of timestamptz)
        RETURNS TABLE (student_id uuid, lesson_date date, start_time time)
        LANGUAGE sql STABLE AS $$
        SELECT l.student_id, l.lesson_date, l.start_time
          FROM student s JOIN attendance_lesson l ON l.student_id = s.id
         WHERE s.organisation_id = org
           AND l.lesson_date < (retention_cutoff(org, 'attendance_lesson', as_of) AT TIME ZONE 'Europe/Stockholm')::date
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_days(org uuid, as_of timestamptz)
        RETURNS TABLE (student_id uuid, day date)
        LANGUAGE sql STABLE AS $$
        SELECT d.student_id, d.day
          FROM student s JOIN attendance_day d ON d.student_id = s.id
         WHERE s.organisation_id = org
           AND d.day < (retention_cutoff(org, 'attendance_day', as_of) AT TIME ZONE 'Europe/Stockholm')::date
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_flags(org uuid, as_of timestamptz) RETURNS TABLE (flag_id uuid)
        LANGUAGE sql STABLE AS $$
        SELECT f.id FROM absence_flag f JOIN student s ON s.id = f.student_id
         WHERE s.organisation_id = org AND f.status = 'dismissed'
           AND f.triaged_at < retention_cutoff(org, 'dismissed_flag', as_of)
           AND NOT EXISTS (SELECT 1 FROM support_case c WHERE c.flag_id = f.id)
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_notifications(org uuid, as_of timestamptz) RETURNS TABLE (notification_id uuid)
        LANGUAGE sql STABLE AS $$
        SELECT n.id FROM notification n JOIN app_user u ON u.id = n.recipient_id JOIN agency a ON a.id = u.agency_id
         WHERE a.organisation_id = org AND n.created_at < retention_cutoff(org, 'notification', as_of)
           AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.notification_id = n.id
                             AND m.status IN ('pending', 'claimed', 'sending'))
      $$`);
    await db.query(`
      CREATE FUNCTION retention_due_imports(org uuid, as_of timestamptz) RETURNS TABLE (import_id uuid)
        LANGUAGE sql STABLE AS $$
        SELECT i.id FROM attendance_import i
         WHERE i.organisation_id = org AND i.status <> 'running'
           AND i.started_at < retention_cutoff(org, 'attendance_import', as_of)
      $$`);
    // Sign-in sessions: refresh tokens, second-factor challenges, single sign-on states, setup
    // codes of the organisation's users, once expired for the period.
    await db.query(`
      CREATE FUNCTION retention_due_sessions(org uuid, as_of timestamptz) RETURNS TABLE (kind text, id uuid)
        LANGUAGE sql STABLE AS $$
        WITH users AS (SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE a.organisation_id = org),
             cutoff AS (SELECT retention_cutoff(org, 'sign_in_session', as_of) AS t)
        SELECT 'refresh_token', r.id FROM refresh_token r, cutoff
         WHERE r.user_id IN (SELECT id FROM users) AND r.expires_at < cutoff.t
        UNION ALL
        SELECT 'mfa_challenge', m.id FROM mfa_challenge m, cutoff
         WHERE m.user_id IN (SELECT id FROM users) AND m.expires_at < cutoff.t
        UNION ALL
        SELECT 'oidc_sign_in', o.id FROM oidc_sign_in o, cutoff
         WHERE o.user_id IN (SELECT id FROM users)
           AND greatest(o.expires_at, coalesce(o.exchange_expires_at, o.expires_at)) < cutoff.t
        UNION ALL
        SELECT 'user_setup_code', s.id FROM user_setup_code s, cutoff
         WHERE s.user_id IN (SELECT id FROM users) AND s.expires_at < cutoff.t
           AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.setup_code_id = s.id
                             AND m.status IN ('pending', 'claimed', 'sending'))
      $$`);
    // The access log is one table for every organisation: a month goes when it is past the
    // longest period any organisation keeps it.
    await db.query(`
      CREATE FUNCTION retention_access_log_cutoff(as_of timestamptz) RETURNS timestamptz
        LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT retention_clamp(as_of) - make_interval(years => coalesce(
          (SELECT max(retention_period(o.id, 'access_log')) FROM organisation o),
          (SELECT default_period FROM retention_class WHERE data_class = 'access_log')))
      $$`);
    // Month partitions entirely before a cutoff (names are <table>_YYYY_MM, bounds UTC or dates).
    await db.query(`
      CREATE FUNCTION retention_old_partitions(parent text, cutoff timestamptz) RETURNS TABLE (name text, month_end timestamptz)
        LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT c.relname::text, p.month_end
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          CROSS JOIN LATERAL (SELECT (to_date(right(c.relname, 7), 'YYYY_MM') + interval '1 month')::timestamp
                                       AT TIME ZONE CASE WHEN parent = 'access_log' THEN 'UTC' ELSE 'Europe/Stockholm' END
                                       AS month_end) p
         WHERE i.inhparent = parent::regclass AND c.relname ~ '_[0-9]{4}_[0-9]{2}$' AND p.month_end <= cutoff
         ORDER BY c.relname
      $$`);
  }

  /** The erasing functions: SECURITY DEFINER, each one batch (one short transaction) per call. */
  private async eraseFunctions(db: QueryRunner): Promise<void> {
    const definer = `SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s'`;
    await db.query(`
      CREATE FUNCTION retention_erase_lessons(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cut date := (retention_cutoff(org, 'attendance_lesson', as_of) AT TIME ZONE 'Europe/Stockholm')::date;
        n bigint;
      BEGIN
        WITH due AS (SELECT l.student_id, l.lesson_date, l.start_time
                       FROM student s JOIN attendance_lesson l ON l.student_id = s.id
                      WHERE s.organisation_id = org AND l.lesson_date < cut LIMIT batch),
             gone AS (DELETE FROM attendance_lesson l USING due
                       WHERE l.student_id = due.student_id AND l.lesson_date = due.lesson_date
                         AND l.start_time = due.start_time RETURNING l.student_id, l.lesson_date, l.start_time),
             identities AS (DELETE FROM ss12000_lesson s USING gone
                             WHERE s.student_id = gone.student_id AND s.lesson_date = gone.lesson_date
                               AND s.start_time = gone.start_time)
        SELECT count(*) INTO n FROM gone;
        RETURN n;
      END $$`);
    // Whole months of lessons, when every organisation's pupils' lessons in them are due.
    await db.query(`
      CREATE FUNCTION retention_drop_lesson_month(as_of timestamptz)
        RETURNS TABLE (organisation_id uuid, partition text, rows bigint)
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cutoff timestamptz := (SELECT min(retention_cutoff(o.id, 'attendance_lesson', as_of)) FROM organisation o);
        part text;
      BEGIN
        SELECT p.name INTO part FROM retention_old_partitions('attendance_lesson', cutoff) p LIMIT 1;
        IF part IS NULL THEN RETURN; END IF;
        RETURN QUERY EXECUTE format(
          'SELECT s.organisation_id, %L::text, count(*) FROM %I l JOIN student s ON s.id = l.student_id GROUP BY 1',
          part, part);
        IF NOT FOUND THEN
          organisation_id := NULL; partition := part; rows := 0; RETURN NEXT;
        END IF;
        EXECUTE format('DELETE FROM ss12000_lesson WHERE lesson_date >= %L AND lesson_date < %L',
          to_date(right(part, 7), 'YYYY_MM'), to_date(right(part, 7), 'YYYY_MM') + interval '1 month');
        EXECUTE format('ALTER TABLE attendance_lesson DETACH PARTITION %I', part);
        EXECUTE format('DROP TABLE %I', part);
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_erase_days(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cut date := (retention_cutoff(org, 'attendance_day', as_of) AT TIME ZONE 'Europe/Stockholm')::date;
        n bigint;
      BEGIN
        WITH due AS (SELECT d.student_id, d.day FROM student s JOIN attendance_day d ON d.student_id = s.id
                      WHERE s.organisation_id = org AND d.day < cut LIMIT batch),
             gone AS (DELETE FROM attendance_day d USING due
                       WHERE d.student_id = due.student_id AND d.day = due.day RETURNING 1)
        SELECT count(*) INTO n FROM gone;
        RETURN n;
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_erase_flags(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE ids uuid[]; n bigint := 0; k bigint;
      BEGIN
        SELECT array_agg(flag_id) INTO ids FROM (SELECT flag_id FROM retention_due_flags(org, as_of) LIMIT batch) d;
        IF ids IS NULL THEN RETURN 0; END IF;
        DELETE FROM mail_outbox WHERE notification_id IN (SELECT id FROM notification WHERE flag_id = ANY(ids));
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM notification WHERE flag_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM absence_flag_note WHERE flag_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM absence_flag WHERE id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        RETURN n;
      END $$`);
    // A closed case and everything under it, including its timeline (append-only: hence the
    // gallring setting, which the append-only trigger honours for the owner only).
    await db.query(`
      CREATE FUNCTION retention_erase_cases(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE ids uuid[]; flags uuid[]; plans uuid[]; courses uuid[]; n bigint := 0; k bigint;
      BEGIN
        SELECT array_agg(case_id) INTO ids
          FROM (SELECT case_id FROM retention_due_cases(org, as_of) WHERE hold IS NULL LIMIT batch) d;
        IF ids IS NULL THEN RETURN 0; END IF;
        PERFORM set_config('narvaroteam.gallring', 'on', true);
        PERFORM 1 FROM support_case WHERE id = ANY(ids) FOR UPDATE;
        SELECT array_agg(flag_id) INTO flags FROM support_case WHERE id = ANY(ids) AND flag_id IS NOT NULL;
        SELECT array_agg(id) INTO plans FROM case_plan WHERE case_id = ANY(ids);
        SELECT array_agg(id) INTO courses FROM intervention_course WHERE case_id = ANY(ids);
        DELETE FROM mail_outbox WHERE notification_id IN
          (SELECT id FROM notification WHERE case_id = ANY(ids) OR flag_id = ANY(flags));
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM notification WHERE case_id = ANY(ids) OR flag_id = ANY(flags);
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM intervention_follow_up WHERE course_id = ANY(courses); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM plan_action_note WHERE action_id IN (SELECT id FROM plan_action WHERE plan_id = ANY(plans));
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM plan_action WHERE plan_id = ANY(plans); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM plan_goal WHERE plan_id = ANY(plans); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM plan_version WHERE plan_id = ANY(plans); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM plan_agreement WHERE plan_id = ANY(plans); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM intervention_course WHERE id = ANY(courses); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM case_plan WHERE id = ANY(plans); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM plan_review WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM case_follow_up WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM mapping_contribution WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM case_meeting WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM mobilisation WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM consent WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM case_event WHERE case_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM support_case WHERE id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM absence_flag_note WHERE flag_id = ANY(flags); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM absence_flag WHERE id = ANY(flags); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        PERFORM set_config('narvaroteam.gallring', 'off', true);
        RETURN n;
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_erase_notifications(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE ids uuid[]; n bigint := 0; k bigint;
      BEGIN
        SELECT array_agg(notification_id) INTO ids
          FROM (SELECT notification_id FROM retention_due_notifications(org, as_of) LIMIT batch) d;
        IF ids IS NULL THEN RETURN 0; END IF;
        DELETE FROM mail_outbox WHERE notification_id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM notification WHERE id = ANY(ids); GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        RETURN n;
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_erase_imports(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE n bigint;
      BEGIN
        DELETE FROM attendance_import WHERE id IN (SELECT import_id FROM retention_due_imports(org, as_of) LIMIT batch);
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);
    await db.query(`
      CREATE FUNCTION retention_erase_sessions(org uuid, as_of timestamptz, batch integer) RETURNS bigint
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE n bigint := 0; k bigint;
      BEGIN
        CREATE TEMP TABLE IF NOT EXISTS retention_session_batch (kind text, id uuid) ON COMMIT DROP;
        TRUNCATE retention_session_batch;
        INSERT INTO retention_session_batch SELECT * FROM retention_due_sessions(org, as_of) LIMIT batch;
        DELETE FROM refresh_token WHERE id IN (SELECT id FROM retention_session_batch WHERE kind = 'refresh_token');
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM mfa_challenge WHERE id IN (SELECT id FROM retention_session_batch WHERE kind = 'mfa_challenge');
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM oidc_sign_in WHERE id IN (SELECT id FROM retention_session_batch WHERE kind = 'oidc_sign_in');
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM mail_outbox WHERE setup_code_id IN
          (SELECT id FROM retention_session_batch WHERE kind = 'user_setup_code');
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        DELETE FROM user_setup_code WHERE id IN (SELECT id FROM retention_session_batch WHERE kind = 'user_setup_code');
        GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
        RETURN n;
      END $$`);
    // One month of the access log per call: rows counted per responsible organisation, then the
    // partition detached and dropped. Rows that fell into the default partition go by DELETE.
    await db.query(`
      CREATE FUNCTION retention_erase_access_log(as_of timestamptz, batch integer)
        RETURNS TABLE (organisation_id uuid, partition text, rows bigint)
        LANGUAGE plpgsql ${definer} AS $$
      DECLARE
        cutoff timestamptz := retention_access_log_cutoff(as_of);
        part text;
      BEGIN
        SELECT p.name INTO part FROM retention_old_partitions('access_log', cutoff) p LIMIT 1;
        IF part IS NOT NULL THEN
          RETURN QUERY EXECUTE format(
            'SELECT subject_organisation_id, %L::text, count(*) FROM %I GROUP BY 1', part, part);
          IF NOT FOUND THEN
            organisation_id := NULL; partition := part; rows := 0; RETURN NEXT;
          END IF;
          EXECUTE format('ALTER TABLE access_log DETACH PARTITION %I', part);
          EXECUTE format('DROP TABLE %I', part);
          RETURN;
        END IF;
        PERFORM set_config('narvaroteam.gallring', 'on', true);
        RETURN QUERY
          WITH gone AS (
            DELETE FROM access_log_other WHERE ctid IN (SELECT ctid FROM access_log_other WHERE at < cutoff LIMIT batch)
            RETURNING subject_organisation_id)
          SELECT g.subject_organisation_id, 'access_log_other'::text, count(*) FROM gone g GROUP BY 1;
        PERFORM set_config('narvaroteam.gallring', 'off', true);
      END $$`);
  }

  /** Months ahead for the access log and the lessons (the job keeps a year ahead). */
  private async partitionFunctions(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION retention_prepare_months(parent text, from_month date, months integer) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s' AS $$
      DECLARE
        month date := date_trunc('month', from_month)::date;
        made integer := 0;
        name text;
        lower text;
        upper text;
        other text := CASE parent WHEN 'access_log' THEN 'access_log_other' ELSE 'attendance_lesson_other' END;
        key text := CASE parent WHEN 'access_log' THEN 'at' ELSE 'lesson_date' END;
        clash boolean;
      BEGIN
        IF parent NOT IN ('access_log', 'attendance_lesson') THEN
          RAISE EXCEPTION 'not a partitioned table of ours: %', parent USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF months < 1 OR months > 36 THEN
          RAISE EXCEPTION 'months out of range' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        FOR i IN 1..months LOOP
          name := parent || '_' || to_char(month, 'YYYY_MM');
          IF parent = 'access_log' THEN
            lower := month::text || ' 00:00:00+00'; upper := (month + interval '1 month')::date::text || ' 00:00:00+00';
          ELSE
            lower := month::text; upper := (month + interval '1 month')::date::text;
          END IF;
          IF to_regclass(name) IS NULL THEN
            -- Rows of that month already in the default partition: leave the month there.
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %L AND %I < %L)', other, key, lower, key, upper)
              INTO clash;
            IF NOT clash THEN
              EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent, lower, upper);
              IF parent = 'access_log' THEN PERFORM retention_lock_access_log_partition(name); END IF;
              made := made + 1;
            END IF;
          END IF;
          month := (month + interval '1 month')::date;
        END LOOP;
        RETURN made;
      END $$`);
  }

  /**
   * The runtime role may execute the retention functions and read the rules; it may change a
   * rule's period (within the bounds the trigger holds) but not the classes, and the log only by
   * adding to it.
   */
  private async grants(db: QueryRunner): Promise<void> {
    const functions = (await db.query(`
      SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proname LIKE 'retention\\_%'`)) as { signature: string }[];
    for (const { signature } of functions) await db.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    const role = await runtimeRole(db);
    if (!role) return;
    const [{ grantee }] = (await db.query(`SELECT quote_ident($1) AS grantee`, [role])) as { grantee: string }[];
    for (const { signature } of functions) await db.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${grantee}`);
    await db.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON retention_class FROM ${grantee}`);
    await db.query(`REVOKE INSERT, DELETE, TRUNCATE ON retention_rule FROM ${grantee}`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON retention_run_count FROM ${grantee}`);
    await db.query(`REVOKE DELETE, TRUNCATE ON retention_run FROM ${grantee}`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Undoing the partitioning would need the rows copied back; restore from a backup instead.
    await Promise.resolve(db);
    throw new Error('Retention1795004000000 cannot be reverted');
  }
}
