import { demoId } from '@app/demo';
import { RetentionService } from '@app/dataprotection';
import { Clock, CLOCK } from '@app/notifications';
import { givenFor, monthsAgo } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const OSTERSUND = demoId('org:ostersund');
const REGION = demoId('org:regionjh');
const STORSJO = demoId('agency:storsjo');
const CLOSED_CASE = demoId('case:153');
const HELD_CASE = demoId('case:128');
const PRINCIPAL = demoId('user:rektor@storsjo.demo');
const DAY = 24 * 3600 * 1000;

/** A date `days` before `from`, as YYYY-MM-DD. */
const daysBefore = (from: Date, days: number) => new Date(from.getTime() - days * DAY).toISOString().slice(0, 10);

/**
 * Retention (gallring, issue 21) with an injected clock: what is past its period goes, what is
 * within it stays, nothing else is touched, a legal hold keeps a case, the access log is kept 5
 * years and then its months are dropped. The app runs as the runtime role, so every erasure here
 * went through the SECURITY DEFINER functions.
 */
describe('retention (gallring)', () => {
  let t: TestApp;
  let retention: RetentionService;
  let now: Date;
  const token: Record<string, string> = {};
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<{ n: string }>(sql, params)).rows[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    retention = t.app.get(RetentionService);
    now = new Date();
    jest.spyOn(t.app.get<Clock>(CLOCK), 'now').mockImplementation(() => now);
    for (const user of ['admin@ostersund.demo', 'admin@regionjh.demo', 'auditor@ostersund.demo', 'rektor@storsjo.demo'])
      token[user] = await bearer(t.http, user);
  });
  afterAll(() => t?.close());

  describe('rules', () => {
    it('lists every data class with its legal basis, period and bounds (the documented defaults)', async () => {
      const res = await t.http.get(`${API}/retention/rules`).set('authorization', token['admin@ostersund.demo']);
      expect(res.status).toBe(200);
      const byClass = Object.fromEntries(
        (res.body.items as { dataClass: string; legalBasis: string }[]).map((r) => [r.dataClass, r]),
      );
      expect(Object.keys(byClass)).toEqual([
        'attendance_lesson',
        'attendance_day',
        'guardian_notice',
        'dismissed_flag',
        'absence_investigation',
        'closed_case',
        'notification',
        'attendance_import',
        'sign_in_session',
        'access_log',
      ]);
      expect(byClass.attendance_lesson).toMatchObject({ unit: 'school_years', period: 2 });
      expect(byClass.access_log).toMatchObject({ unit: 'years', period: 5, minPeriod: 5 });
      expect(byClass.sign_in_session).toMatchObject({ unit: 'days', period: 90 });
      expect(byClass.closed_case.legalBasis).toMatch(/Allmänt intresse/);
    });

    it('changes a period within its bounds, for the own organisation only, and logs it', async () => {
      const res = await t.http
        .patch(`${API}/retention/rules/dismissed_flag`)
        .set('authorization', token['admin@regionjh.demo'])
        .send({ period: 24 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dataClass: 'dismissed_flag', period: 24 });
      const ostersund = await t.http.get(`${API}/retention/rules`).set('authorization', token['admin@ostersund.demo']);
      expect(ostersund.body.items.find((r: { dataClass: string }) => r.dataClass === 'dismissed_flag').period).toBe(12);
      expect(
        await count(
          `SELECT count(*) AS n FROM access_log WHERE action = 'retention.rule.update' AND subject_ids = $1::text[]`,
          [[REGION]],
        ),
      ).toBe(1);
      await t.http
        .patch(`${API}/retention/rules/dismissed_flag`)
        .set('authorization', token['admin@regionjh.demo'])
        .send({ period: 12 });
    });

    it('refuses a period outside the bounds (422 on period, out-of-bounds), an unknown class (404), a non-integer (400)', async () => {
      const admin = token['admin@ostersund.demo'];
      const short = await t.http
        .patch(`${API}/retention/rules/access_log`)
        .set('authorization', admin)
        .send({ period: 4 });
      expect(short.status).toBe(422);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'period', code: 'out-of-bounds' })]);
      const long = await t.http
        .patch(`${API}/retention/rules/closed_case`)
        .set('authorization', admin)
        .send({ period: 11 });
      expect(long.status).toBe(422);
      const unknown = await t.http
        .patch(`${API}/retention/rules/pupils`)
        .set('authorization', admin)
        .send({ period: 1 });
      expect(unknown.status).toBe(404);
      const bad = await t.http
        .patch(`${API}/retention/rules/notification`)
        .set('authorization', admin)
        .send({ period: 'x' });
      expect(bad.status).toBe(400);
    });

    it('holds the bounds in the database too: the runtime role cannot widen them or set a rule outside them', async () => {
      const { Client } = await import('pg');
      const app = new Client({ connectionString: t.appUrl });
      await app.connect();
      try {
        await expect(app.query(`UPDATE retention_class SET min_period = 0`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`UPDATE retention_rule SET period = 1 WHERE data_class = 'access_log'`)).rejects.toThrow(
          /out of bounds/,
        );
        await expect(app.query(`DELETE FROM retention_rule`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM access_log`)).rejects.toThrow(/permission denied/);
        // Executing an erase function erases only what is due: nothing in the access log of the last 5 years.
        // A clock set far ahead does not move the cutoff of the append-only data past the database's own.
        const before = await count(`SELECT count(*) AS n FROM access_log`);
        const cases = await count(`SELECT count(*) AS n FROM support_case`);
        await app.query(`SELECT * FROM retention_erase_access_log(now() + interval '20 years', 1000)`);
        await app.query(`SELECT retention_erase_cases($1, now() + interval '20 years', 1000)`, [OSTERSUND]);
        expect(await count(`SELECT count(*) AS n FROM access_log`)).toBeGreaterThanOrEqual(before);
        expect(await count(`SELECT count(*) AS n FROM support_case`)).toBe(cases);
      } finally {
        await app.end();
      }
    });
  });

  describe('a run', () => {
    const old = {} as Record<string, string>;
    let before: Record<string, number>;
    const TABLES = [
      'student',
      'guardian',
      'consent',
      'plan_version',
      'attendance_lesson',
      'attendance_day',
      'case_event',
    ];

    beforeAll(async () => {
      const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);
      const given = givenFor(t.db);
      const pupil = await given.pupil();
      // Lessons: one 3 school years back (default partition), one in 2024-09 (a whole month that goes),
      // one this school year (kept); per-day figures of the old days stay, one 6 years old goes.
      await given.lessons(
        pupil,
        ['2023-03-14', '2024-09-10', daysBefore(now, 1)].map((date) => ({
          date,
          start: '06:05',
          offered: 40,
          attended: 40,
        })),
        { refreshDays: false },
      );
      await given.addDays(pupil, [
        ['2024-09-10', 40, 0, 0, 1],
        [daysBefore(now, 6 * 366), 40, 0, 0, 1],
      ]);
      old.oldDay = daysBefore(now, 6 * 366);

      // Dismissed flags: pupil 28's 13 months ago (goes), another 11 months ago (stays, until the clock moves on).
      const [dismissed] = (await q(`SELECT id FROM absence_flag WHERE status = 'dismissed' LIMIT 1`)).rows;
      old.dismissedFlag = dismissed.id;
      await q(`UPDATE absence_flag SET triaged_at = now() - interval '13 months' WHERE id = $1`, [old.dismissedFlag]);
      await given.flagNote(old.dismissedFlag, 'Noterat.', PRINCIPAL);
      const [recent] = (await q(`SELECT id FROM absence_flag WHERE status = 'new' LIMIT 1`)).rows;
      old.recentFlag = recent.id;
      await q(
        `UPDATE absence_flag SET status = 'dismissed', triaged_by = $2, triaged_at = now() - interval '11 months',
                dismiss_reason = 'Ok' WHERE id = $1`,
        [old.recentFlag, PRINCIPAL],
      );

      // The closed case closed 6 years ago, nothing holding it; case 128 closed as long ago but its
      // pupil has an open absence investigation (a legal hold).
      await q(`UPDATE support_case SET closed_at = now() - interval '6 years' WHERE id = $1`, [CLOSED_CASE]);
      await q(
        `UPDATE absence_investigation SET huvudman_informed_on = started_on
          WHERE student_id = (SELECT student_id FROM support_case WHERE id = $1) AND huvudman_informed_on IS NULL`,
        [CLOSED_CASE],
      );
      await q(
        `UPDATE support_case SET status = 'closed', closed_at = now() - interval '6 years', outcome = 'other' WHERE id = $1`,
        [HELD_CASE],
      );
      const [held] = (await q(`SELECT student_id FROM support_case WHERE id = $1`, [HELD_CASE])).rows;
      await given.investigation(held.student_id, { startedOn: daysBefore(new Date(), 3), recordedBy: PRINCIPAL });

      // A notification 13 months old goes, the rest stay; an import 13 months old goes.
      const [n] = (
        await q(
          `SELECT n.id FROM notification n JOIN app_user u ON u.id = n.recipient_id JOIN agency a ON a.id = u.agency_id
            WHERE a.organisation_id = $1 AND n.case_id IS DISTINCT FROM $2 ORDER BY n.created_at, n.id LIMIT 1`,
          [OSTERSUND, CLOSED_CASE],
        )
      ).rows;
      old.notification = n.id;
      await q(`UPDATE notification SET created_at = now() - interval '13 months' WHERE id = $1`, [old.notification]);
      old.import = await given.importRun(STORSJO, { by: PRINCIPAL, at: monthsAgo(13) });

      // A refresh token expired 100 days ago goes; the sessions of this test stay.
      old.refreshToken = await given.refreshToken(PRINCIPAL, new Date(Date.now() - 100 * DAY));

      // The access log: a month 6 years back as its own partition, a row 7 years back in the
      // default partition (both go), a row 4 years 11 months back (stays).
      const sixYears = new Date(Date.UTC(now.getUTCFullYear() - 6, now.getUTCMonth() - 1, 10));
      old.accessMonth = `access_log_${sixYears.toISOString().slice(0, 4)}_${sixYears.toISOString().slice(5, 7)}`;
      await q(`SELECT retention_prepare_months('access_log', $1::date, 1)`, [sixYears.toISOString().slice(0, 10)]);
      for (const [label, at] of [
        ['month', sixYears.toISOString()],
        ['default', new Date(now.getTime() - 7 * 366 * DAY).toISOString()],
        ['kept', new Date(now.getTime() - (5 * 365 - 30) * DAY).toISOString()],
      ]) {
        // Raw: rows of the append-only log at chosen times in the past are what the run must erase.
        await q(
          `INSERT INTO access_log (at, action, subject_type, subject_ids, outcome, subject_organisation_id)
           VALUES ($1, 'student.read', 'student', ARRAY[$2], 'allowed', $3)`,
          [at, `retention-test-${label}`, OSTERSUND],
        );
      }

      before = {};
      for (const table of TABLES) before[table] = await count(`SELECT count(*) AS n FROM ${table}`);
      before.closedCaseEvents = await count(`SELECT count(*) AS n FROM case_event WHERE case_id = $1`, [CLOSED_CASE]);
      before.closedCaseConsents = await count(`SELECT count(*) AS n FROM consent WHERE case_id = $1`, [CLOSED_CASE]);
      before.closedCaseVersions = await count(
        `SELECT count(*) AS n FROM plan_version v JOIN case_plan p ON p.id = v.plan_id WHERE p.case_id = $1`,
        [CLOSED_CASE],
      );
    });

    it('previews what would go now, per class, and the case kept under a legal hold with its reason', async () => {
      const res = await t.http.get(`${API}/retention/preview`).set('authorization', token['admin@ostersund.demo']);
      expect(res.status).toBe(200);
      const due = Object.fromEntries(
        (res.body.classes as { dataClass: string; due: number }[]).map((c) => [c.dataClass, c.due]),
      );
      expect(due.closed_case).toBe(1);
      expect(due.dismissed_flag).toBe(1);
      expect(due.attendance_lesson).toBe(2);
      expect(due.attendance_day).toBe(1);
      expect(due.notification).toBe(1);
      expect(due.attendance_import).toBe(1);
      expect(due.sign_in_session).toBeGreaterThanOrEqual(1);
      expect(due.access_log).toBe(2);
      expect(res.body.holds).toEqual([
        expect.objectContaining({
          dataClass: 'closed_case',
          id: HELD_CASE,
          caseId: HELD_CASE,
          reason: 'open-investigation',
          reference: expect.any(String),
          since: expect.any(String),
        }),
      ]);
      // The region's admin sees none of it.
      const region = await t.http.get(`${API}/retention/preview`).set('authorization', token['admin@regionjh.demo']);
      expect(region.body.holds).toEqual([]);
      expect(region.body.classes.every((c: { due: number }) => c.due === 0)).toBe(true);
    });

    it('erases what is past its period, keeps what is within it, and touches nothing else', async () => {
      const runId = await retention.runScheduled();
      expect(runId).toBeTruthy();

      // Lessons: the old ones and their whole month are gone, this school year's stays.
      expect(await count(`SELECT count(*) AS n FROM attendance_lesson WHERE start_time = '06:05'`)).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM pg_class WHERE relname = 'attendance_lesson_2024_09'`)).toBe(0);
      // Per-day figures of the erased lessons remain; the 6-year-old day is gone.
      expect(await count(`SELECT count(*) AS n FROM attendance_day WHERE day = '2024-09-10'`)).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM attendance_day WHERE day = $1`, [old.oldDay])).toBe(0);

      expect(await count(`SELECT count(*) AS n FROM absence_flag WHERE id = $1`, [old.dismissedFlag])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM absence_flag_note WHERE flag_id = $1`, [old.dismissedFlag])).toBe(
        0,
      );
      expect(await count(`SELECT count(*) AS n FROM absence_flag WHERE id = $1`, [old.recentFlag])).toBe(1);

      // The closed case and everything under it, its timeline included.
      for (const table of [
        'support_case WHERE id',
        'case_event WHERE case_id',
        'consent WHERE case_id',
        'mobilisation WHERE case_id',
      ])
        expect(await count(`SELECT count(*) AS n FROM ${table} = $1`, [CLOSED_CASE])).toBe(0);
      // The held case stays, whole.
      expect(await count(`SELECT count(*) AS n FROM support_case WHERE id = $1`, [HELD_CASE])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM case_event WHERE case_id = $1`, [HELD_CASE])).toBeGreaterThan(0);

      expect(await count(`SELECT count(*) AS n FROM notification WHERE id = $1`, [old.notification])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM notification`)).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) AS n FROM attendance_import WHERE id = $1`, [old.import])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM refresh_token WHERE id = $1`, [old.refreshToken])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM refresh_token WHERE expires_at > now()`)).toBeGreaterThan(0);

      // Nothing else: the tables' counts moved by exactly what was due.
      const after: Record<string, number> = {};
      for (const table of TABLES) after[table] = await count(`SELECT count(*) AS n FROM ${table}`);
      expect(after).toEqual({
        ...before,
        attendance_lesson: before.attendance_lesson - 2,
        attendance_day: before.attendance_day - 1,
        consent: before.consent - before.closedCaseConsents,
        plan_version: before.plan_version - before.closedCaseVersions,
        case_event: before.case_event - before.closedCaseEvents,
        closedCaseEvents: undefined,
        closedCaseConsents: undefined,
        closedCaseVersions: undefined,
      });
      // Sessions still work: the principal's token is as good as before.
      const me = await t.http.get(`${API}/auth/me`).set('authorization', token['rektor@storsjo.demo']);
      expect(me.status).toBe(200);
    });

    it('keeps the access log 5 years, then drops its months (counted first)', async () => {
      const left = (
        await t.db.query<{ id: string }>(
          `SELECT subject_ids[1] AS id FROM access_log WHERE subject_ids[1] LIKE 'retention-test-%' ORDER BY 1`,
        )
      ).rows.map((r) => r.id);
      expect(left).toEqual(['retention-test-kept']);
      expect(await count(`SELECT count(*) AS n FROM pg_class WHERE relname = $1`, [old.accessMonth])).toBe(0);
      // Months ahead exist for the year to come.
      const ahead = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), 1)).toISOString();
      expect(
        await count(`SELECT count(*) AS n FROM pg_class WHERE relname = $1`, [
          `access_log_${ahead.slice(0, 4)}_${ahead.slice(5, 7)}`,
        ]),
      ).toBe(1);
    });

    it('logs counts per organisation and class, shown to the admin and the auditor of that organisation only', async () => {
      const res = await t.http.get(`${API}/retention/runs`).set('authorization', token['auditor@ostersund.demo']);
      expect(res.status).toBe(200);
      const [run] = res.body.items;
      expect(run).toMatchObject({ trigger: 'schedule', status: 'finished' });
      const counts = Object.fromEntries(
        (run.counts as { dataClass: string; rows: number; held: number }[]).map((c) => [c.dataClass, c]),
      );
      expect(counts.attendance_lesson.rows).toBe(2);
      expect(counts.closed_case.rows).toBeGreaterThan(before.closedCaseEvents);
      expect(counts.closed_case.held).toBe(1);
      expect(counts.access_log.rows).toBe(2);
      expect(counts.notification.rows).toBeGreaterThanOrEqual(1);
      const region = await t.http.get(`${API}/retention/runs`).set('authorization', token['admin@regionjh.demo']);
      expect(region.body.items[0].id).toBe(run.id);
      expect(
        region.body.items[0].counts.every((c: { rows: number; held: number }) => c.rows === 0 && c.held === 0),
      ).toBe(true);
    });

    it('follows the injected clock: two months on, the flag dismissed 11 months ago goes too', async () => {
      now = new Date(now.getTime() + 61 * DAY);
      try {
        await retention.runScheduled();
        expect(await count(`SELECT count(*) AS n FROM absence_flag WHERE id = $1`, [old.recentFlag])).toBe(0);
        expect(await count(`SELECT count(*) AS n FROM support_case WHERE id = $1`, [HELD_CASE])).toBe(1);
      } finally {
        now = new Date(now.getTime() - 61 * DAY);
      }
    });

    it('starts a run on request (202), one at a time (409), logged', async () => {
      const admin = token['admin@ostersund.demo'];
      const res = await t.http.post(`${API}/retention/runs`).set('authorization', admin);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ trigger: 'manual', status: 'running' });
      await retention.settle();
      const runs = await t.http.get(`${API}/retention/runs?limit=1`).set('authorization', admin);
      expect(runs.body.items[0]).toMatchObject({ id: res.body.id, status: 'finished' });
      expect(runs.body.nextCursor).toEqual(expect.any(String));
      expect(
        await count(
          `SELECT count(*) AS n FROM access_log WHERE action = 'retention.run.start' AND outcome = 'allowed'`,
        ),
      ).toBe(1);

      await givenFor(t.db).retentionRunGoingOn();
      const busy = await t.http.post(`${API}/retention/runs`).set('authorization', admin);
      expect(busy.status).toBe(409);
      expect(await retention.runScheduled()).toBeNull();
    });

    it('is refused to everyone but the admins (the auditor only reads the log)', async () => {
      for (const path of ['/retention/rules', '/retention/preview']) {
        for (const user of ['auditor@ostersund.demo', 'rektor@storsjo.demo']) {
          const res = await t.http.get(`${API}${path}`).set('authorization', token[user]);
          expect(res.status).toBe(403);
        }
      }
      const res = await t.http.get(`${API}/retention/runs`).set('authorization', token['rektor@storsjo.demo']);
      expect(res.status).toBe(403);
    });
  });
});
