import { demoId } from '@app/demo';
import { RetentionService } from '@app/dataprotection';
import { Clock, CLOCK } from '@app/notifications';
import { GivenPupil, givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const OSTERSUND = demoId('org:ostersund');
const PRINCIPAL = demoId('user:rektor@storsjo.demo');
const REGION_ADMIN = demoId('user:admin@regionjh.demo');
const DAY = 24 * 3600 * 1000;

/** A date `days` before `from`, as YYYY-MM-DD. */
const daysBefore = (from: Date, days: number) => new Date(from.getTime() - days * DAY).toISOString().slice(0, 10);

/**
 * Retention of absence investigations (skollagen 7 kap. 19 a §) and guardian notices (7 kap.
 * 17 §), with an injected clock, and the scope of an admin's "run now": it erases only the
 * admin's own organisation's data. The app runs as the runtime role: every erasure went through
 * the SECURITY DEFINER functions.
 */
describe('retention of investigations and guardian notices; a manual run per organisation', () => {
  let t: TestApp;
  let retention: RetentionService;
  let now: Date;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<{ n: string }>(sql, params)).rows[0].n);
  const exists = async (table: string, id: string) =>
    (await count(`SELECT count(*) AS n FROM ${table} WHERE id = $1`, [id])) === 1;

  beforeAll(async () => {
    t = await createTestApp();
    retention = t.app.get(RetentionService);
    now = new Date();
    jest.spyOn(t.app.get<Clock>(CLOCK), 'now').mockImplementation(() => now);
    for (const user of ['admin@ostersund.demo', 'admin@regionjh.demo']) token[user] = await bearer(t.http, user);

    const q = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params)).rows;
    const given = givenFor(t.db);
    // A pupil with no case at all, and one with a case that is not closed.
    const free = await given.pupil();
    const open = await given.pupil();
    // The case that holds the pupil's investigations.
    ids.holdingCase = await given.case(open);
    ids.holdingReference = (
      await q(`SELECT reference FROM support_case WHERE id = $1`, [ids.holdingCase])
    )[0].reference;
    const investigation = (pupil: GivenPupil, started: string, informed: string | null) =>
      given.investigation(pupil, { startedOn: started, huvudmanInformedOn: informed, recordedBy: PRINCIPAL });
    // Huvudman informed 7 years ago: due (5 years). Informed 4 years ago: kept, due in a year.
    // Informed a year ago: kept. Huvudman never informed: never due. The pupil's case is open: kept.
    ids.oldInvestigation = await investigation(free, daysBefore(now, 7 * 366 + 30), daysBefore(now, 7 * 366));
    ids.fourYearInvestigation = await investigation(free, daysBefore(now, 4 * 366 + 30), daysBefore(now, 4 * 366));
    ids.recentInvestigation = await investigation(free, daysBefore(now, 400), daysBefore(now, 366));
    ids.uninformedInvestigation = await investigation(free, daysBefore(now, 7 * 366), null);
    ids.openCaseInvestigation = await investigation(open, daysBefore(now, 7 * 366 + 30), daysBefore(now, 7 * 366));

    const notice = (day: string) => given.notice(free, { absenceDate: day, recordedBy: PRINCIPAL });
    // Absence 6 years ago: due. 4½ years ago: kept, due within a year. Last month: kept.
    ids.oldNotice = await notice(daysBefore(now, 6 * 366));
    ids.fourYearNotice = await notice(daysBefore(now, 4 * 366 + 180));
    ids.recentNotice = await notice(daysBefore(now, 30));

    // Östersund's other due data, of the kinds a run erases in different ways: a lesson in a whole
    // month that is due for every organisation (dropped by the nightly run), a dismissed flag
    // (per organisation) and an access-log month 6 years back (one table for all organisations).
    await given.lessons(free, [{ date: '2024-09-10', start: '06:05', offered: 40, attended: 40 }], {
      refreshDays: false,
    });
    const [dismissed] = await q(`SELECT id FROM absence_flag WHERE status = 'dismissed' ORDER BY id LIMIT 1`);
    ids.dismissedFlag = dismissed.id;
    await q(`UPDATE absence_flag SET triaged_at = now() - interval '13 months' WHERE id = $1`, [ids.dismissedFlag]);
    const sixYears = new Date(Date.UTC(now.getUTCFullYear() - 6, now.getUTCMonth() - 1, 10));
    ids.accessMonth = `access_log_${sixYears.toISOString().slice(0, 4)}_${sixYears.toISOString().slice(5, 7)}`;
    await q(`SELECT retention_prepare_months('access_log', $1::date, 1)`, [sixYears.toISOString().slice(0, 10)]);
    // Raw: a row of the append-only log at a chosen time in the past is what the run must erase.
    await q(
      `INSERT INTO access_log (at, action, subject_type, subject_ids, outcome, subject_organisation_id)
       VALUES ($1, 'student.read', 'student', ARRAY['retention-scope-test'], 'allowed', $2)`,
      [sixYears.toISOString(), OSTERSUND],
    );
    // The region's own due data: a refresh token of its admin that expired 100 days ago.
    ids.regionToken = await given.refreshToken(REGION_ADMIN, new Date(Date.now() - 100 * DAY));
  });
  afterAll(() => t?.close());

  const ostersundDue = async () => ({
    investigation: await exists('absence_investigation', ids.oldInvestigation),
    notice: await exists('guardian_notice', ids.oldNotice),
    lesson: (await count(`SELECT count(*) AS n FROM attendance_lesson WHERE start_time = '06:05'`)) === 1,
    flag: await exists('absence_flag', ids.dismissedFlag),
    accessLog:
      (await count(`SELECT count(*) AS n FROM access_log WHERE subject_ids = ARRAY['retention-scope-test']`)) === 1,
  });

  it('lists the two classes with their legal basis, defaults and bounds', async () => {
    const res = await t.http.get(`${API}/retention/rules`).set('authorization', token['admin@ostersund.demo']);
    expect(res.status).toBe(200);
    const classes = (res.body.items as { dataClass: string }[]).map((r) => r.dataClass);
    expect(classes.indexOf('guardian_notice')).toBe(classes.indexOf('attendance_day') + 1);
    expect(classes.indexOf('absence_investigation')).toBe(classes.indexOf('dismissed_flag') + 1);
    const rule = (c: string) => res.body.items.find((r: { dataClass: string }) => r.dataClass === c);
    expect(rule('absence_investigation')).toMatchObject({ unit: 'years', period: 5, minPeriod: 3, maxPeriod: 10 });
    expect(rule('absence_investigation').legalBasis).toMatch(/7 kap\. 19 a §/);
    expect(rule('guardian_notice')).toMatchObject({ unit: 'years', period: 5, minPeriod: 2, maxPeriod: 10 });
    expect(rule('guardian_notice').legalBasis).toMatch(/7 kap\. 17 §/);
    const short = await t.http
      .patch(`${API}/retention/rules/absence_investigation`)
      .set('authorization', token['admin@ostersund.demo'])
      .send({ period: 2 });
    expect(short.status).toBe(422);
  });

  it('previews one due investigation and one due notice for Östersund, none for the region', async () => {
    const res = await t.http.get(`${API}/retention/preview`).set('authorization', token['admin@ostersund.demo']);
    expect(res.status).toBe(200);
    const due = Object.fromEntries(
      (res.body.classes as { dataClass: string; due: number }[]).map((c) => [c.dataClass, c.due]),
    );
    expect(due.absence_investigation).toBe(1);
    expect(due.guardian_notice).toBe(1);
    // The investigation past its period that the pupil's open case keeps is listed as held, with
    // the reason and the case; the one never reported to the huvudman is not past any period.
    const investigationHolds = (res.body.holds as { dataClass: string }[]).filter(
      (h) => h.dataClass === 'absence_investigation',
    );
    expect(investigationHolds).toEqual([
      {
        dataClass: 'absence_investigation',
        id: ids.openCaseInvestigation,
        caseId: ids.holdingCase,
        reference: ids.holdingReference,
        since: expect.any(String),
        reason: 'open-case',
      },
    ]);
    const region = await t.http.get(`${API}/retention/preview`).set('authorization', token['admin@regionjh.demo']);
    const regionDue = Object.fromEntries(
      (region.body.classes as { dataClass: string; due: number }[]).map((c) => [c.dataClass, c.due]),
    );
    expect(regionDue.absence_investigation).toBe(0);
    expect(regionDue.guardian_notice).toBe(0);
    expect(region.body.holds).toEqual([]);
  });

  it("an admin's run now erases only the own organisation's data: the region's run leaves Östersund's due rows", async () => {
    const res = await t.http.post(`${API}/retention/runs`).set('authorization', token['admin@regionjh.demo']);
    expect(res.status).toBe(202);
    await retention.settle();
    // The region's own due token went; every due row of Östersund is still there.
    expect(await exists('refresh_token', ids.regionToken)).toBe(false);
    expect(await ostersundDue()).toEqual({
      investigation: true,
      notice: true,
      lesson: true,
      flag: true,
      accessLog: true,
    });
    expect(await count(`SELECT count(*) AS n FROM pg_class WHERE relname = 'attendance_lesson_2024_09'`)).toBe(1);
    // The region's log shows its run; Östersund's log does not list another organisation's manual run.
    const regionRuns = await t.http.get(`${API}/retention/runs`).set('authorization', token['admin@regionjh.demo']);
    expect(regionRuns.body.items[0]).toMatchObject({ id: res.body.id, trigger: 'manual', status: 'finished' });
    const ostersundRuns = await t.http.get(`${API}/retention/runs`).set('authorization', token['admin@ostersund.demo']);
    expect(ostersundRuns.body.items.map((r: { id: string }) => r.id)).not.toContain(res.body.id);
  });

  it("Östersund's admin's run erases Östersund's due rows, and keeps what is within its period or held", async () => {
    const res = await t.http.post(`${API}/retention/runs`).set('authorization', token['admin@ostersund.demo']);
    expect(res.status).toBe(202);
    await retention.settle();
    // Its own rows went (the lesson by batch: the month is shared with other organisations);
    // the shared access log waits for the nightly run.
    expect(await ostersundDue()).toEqual({
      investigation: false,
      notice: false,
      lesson: false,
      flag: false,
      accessLog: true,
    });
    for (const kept of [
      'fourYearInvestigation',
      'recentInvestigation',
      'uninformedInvestigation',
      'openCaseInvestigation',
    ])
      expect([kept, await exists('absence_investigation', ids[kept])]).toEqual([kept, true]);
    for (const kept of ['fourYearNotice', 'recentNotice'])
      expect([kept, await exists('guardian_notice', ids[kept])]).toEqual([kept, true]);

    const runs = await t.http.get(`${API}/retention/runs`).set('authorization', token['admin@ostersund.demo']);
    const [run] = runs.body.items;
    expect(run).toMatchObject({ id: res.body.id, trigger: 'manual', status: 'finished' });
    const rows = Object.fromEntries(
      (run.counts as { dataClass: string; rows: number }[]).map((c) => [c.dataClass, c.rows]),
    );
    expect(rows).toMatchObject({ absence_investigation: 1, guardian_notice: 1, access_log: 0 });
    const held = Object.fromEntries(
      (run.counts as { dataClass: string; held: number }[]).map((c) => [c.dataClass, c.held]),
    );
    expect(held.absence_investigation).toBe(1);

    // The nightly run covers every organisation: the access log's month goes, and the lesson month.
    await retention.runScheduled();
    expect((await ostersundDue()).accessLog).toBe(false);
    expect(await count(`SELECT count(*) AS n FROM pg_class WHERE relname = $1`, [ids.accessMonth])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM pg_class WHERE relname = 'attendance_lesson_2024_09'`)).toBe(0);
  });

  it('follows the injected clock: 400 days on, the 4-year-old investigation and notice go; the rest stay', async () => {
    now = new Date(now.getTime() + 400 * DAY);
    try {
      await retention.runScheduled();
      expect(await exists('absence_investigation', ids.fourYearInvestigation)).toBe(false);
      expect(await exists('guardian_notice', ids.fourYearNotice)).toBe(false);
      expect(await exists('absence_investigation', ids.recentInvestigation)).toBe(true);
      expect(await exists('absence_investigation', ids.uninformedInvestigation)).toBe(true);
      expect(await exists('absence_investigation', ids.openCaseInvestigation)).toBe(true);
      expect(await exists('guardian_notice', ids.recentNotice)).toBe(true);
    } finally {
      now = new Date(now.getTime() - 400 * DAY);
    }
  });

  it('executed by the runtime role, the erase functions erase nothing that is not due', async () => {
    const { Client } = await import('pg');
    const app = new Client({ connectionString: t.appUrl });
    await app.connect();
    try {
      const before = await count(`SELECT count(*) AS n FROM absence_investigation`);
      const notices = await count(`SELECT count(*) AS n FROM guardian_notice`);
      const [{ n }] = (await app.query(`SELECT retention_erase_investigations($1, now(), 1000) AS n`, [OSTERSUND]))
        .rows;
      expect(Number(n)).toBe(0);
      await app.query(`SELECT retention_erase_guardian_notices($1, now(), 1000)`, [OSTERSUND]);
      expect(await count(`SELECT count(*) AS n FROM absence_investigation`)).toBe(before);
      expect(await count(`SELECT count(*) AS n FROM guardian_notice`)).toBe(notices);
    } finally {
      await app.end();
    }
  });
});
