import { demoId } from '@app/demo';
import { WatchlistService } from '@app/signals';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { Given, givenFor, GivenPupil } from './support/given';

/**
 * The watch list's result cache (WatchlistService.scans, keyed by the school's data version that
 * triggers bump): after every kind of change the next read shows it, concurrent readers share one
 * scan, and everything per caller (access, open cases) stays per request. Each test reads the list
 * before the change too, so a stale cache would answer the second read from the first.
 *
 * Reference day Friday 2026-11-20: 20 school days Mon 26 okt – Fri 20 nov of 300 minutes each.
 */
const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');
const R = '2026-11-20';
const HEADER =
  'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason';

function schoolDays(): string[] {
  const days: string[] = [];
  for (let d = new Date('2026-10-26T00:00:00Z'); d <= new Date(`${R}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

interface Item {
  studentId: string;
  firstName: string;
  lastName: string;
  className: string;
  openFlag: boolean;
  investigationStarted: boolean;
  hasOpenCase: boolean;
  case: { id: string } | null;
}

describe('watch list cache', () => {
  let t: TestApp;
  let given: Given;
  let mentor: string;
  let rektor: string;
  let elevhalsa: string;
  let parkMentor: string;

  /** A pupil at Storsjöskolan with every school day of the window, the `missed` days whole days of invalid absence. */
  async function pupil(firstName: string, missed: string[] = []): Promise<GivenPupil> {
    const p = await given.pupil({ firstName, lastName: 'Cachesson', grade: 6, className: '6C' });
    await given.days(
      p,
      schoolDays().map((day) => [day, 300, 0, missed.includes(day) ? 300 : 0]),
    );
    return p;
  }
  /** Three days in a row (a streak) and 15 %: on the list. */
  const THREE = ['2026-10-26', '2026-10-27', '2026-10-28'];

  const read = async (token = mentor, school = STORSJO, date = R) =>
    t.http.get(`${API}/schools/${school}/watchlist?date=${date}&limit=500`).set('authorization', token).expect(200);
  const items = async (token = mentor, school = STORSJO): Promise<Item[]> => (await read(token, school)).body.items;
  const find = async (p: GivenPupil, token = mentor, school = STORSJO) =>
    (await items(token, school)).find((i) => i.studentId === p.id);
  const scans = () => t.app.get(WatchlistService).scans.computations;

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    [mentor, rektor, elevhalsa, parkMentor] = await Promise.all(
      ['mentor@storsjo.demo', 'rektor@storsjo.demo', 'elevhalsa@storsjo.demo', 'mentor@park.demo'].map((u) =>
        bearer(t.http, u),
      ),
    );
  });
  afterAll(() => t.close());

  it('answers a repeated read from one scan, byte for byte what a fresh scan answers', async () => {
    await pupil('Upprepad', THREE);
    const before = scans();
    const first = await read();
    const second = await read(rektor);
    expect(scans() - before).toBe(1);
    // A new version with the same data (a bump as the owner): the scan runs again, the answer is the same.
    await t.db.query(`SELECT watchlist_bump(ARRAY[$1]::uuid[])`, [STORSJO]);
    const fresh = await read();
    expect(scans() - before).toBe(2);
    expect(fresh.text).toBe(first.text);
    expect(JSON.parse(second.text).items.length).toBe(JSON.parse(first.text).items.length);
  });

  it('shows a lesson entered by hand and lessons imported from a file', async () => {
    // 5 % each; a second day (10 %), or two more in a row (a streak of three), puts them on the list.
    const entered = await pupil('Inmatad', ['2026-11-17']);
    const imported = await pupil('Importerad', ['2026-11-17']);
    expect(await find(entered)).toBeUndefined();
    expect(await find(imported)).toBeUndefined();

    await t.http
      .post(`${API}/students/${entered.id}/attendance`)
      .set('authorization', mentor)
      .send({
        date: '2026-11-18',
        startTime: '08:00',
        offeredMinutes: 300,
        validAbsenceMinutes: 0,
        invalidAbsenceMinutes: 300,
      })
      .expect(201);
    expect(await find(entered)).toMatchObject({ firstName: 'Inmatad' });

    expect(await find(imported)).toBeUndefined();
    const csv = [
      HEADER,
      `w-1,${imported.personnummer},2026-11-18,08:00,300,0,300,`,
      `w-2,${imported.personnummer},2026-11-19,08:00,300,0,300,`,
    ].join('\n');
    const res = await t.http
      .post(`${API}/attendance/imports`)
      .set('authorization', mentor)
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsImported: 2 });
    expect(await find(imported)).toMatchObject({ firstName: 'Importerad' });

    // Days removed (a correction that leaves the pupil without absence): off the list.
    await given.days(
      entered,
      schoolDays().map((day) => [day, 300, 0, 0]),
    );
    expect(await find(entered)).toBeUndefined();
  });

  it('shows a flag raised and handled, and an investigation started', async () => {
    const p = await pupil('Flaggad', THREE);
    expect(await find(p)).toMatchObject({ openFlag: false, investigationStarted: false });
    const flag = await t.http
      .post(`${API}/students/${p.id}/flags`)
      .set('authorization', mentor)
      .send({ text: 'Borta ofta.' })
      .expect(201);
    expect(await find(p)).toMatchObject({ openFlag: true });
    await t.http
      .post(`${API}/flags/${flag.body.id}/dismiss`)
      .set('authorization', elevhalsa)
      .send({ reason: 'Känt, giltigt.' })
      .expect(200);
    expect(await find(p)).toMatchObject({ openFlag: false });

    await t.http
      .post(`${API}/students/${p.id}/absence-investigations`)
      .set('authorization', rektor)
      .send({ startedOn: '2026-11-18' })
      .expect(201);
    expect(await find(p)).toMatchObject({ investigationStarted: true });
  });

  it('shows a pupil renamed, moved to another class and to another school', async () => {
    const p = await pupil('Namnbyte', THREE);
    expect(await find(p)).toMatchObject({ firstName: 'Namnbyte', className: '6C' });
    // As the SS 12000 sync writes a name.
    await t.db.query(`UPDATE student SET first_name = 'Nyttnamn' WHERE id = $1`, [p.id]);
    expect(await find(p)).toMatchObject({ firstName: 'Nyttnamn' });

    const current = await t.http.get(`${API}/students/${p.id}`).set('authorization', mentor).expect(200);
    await t.http
      .patch(`${API}/students/${p.id}`)
      .set('authorization', mentor)
      .set('if-match', current.headers.etag)
      .send({ className: '6D' })
      .expect(200);
    expect(await find(p)).toMatchObject({ className: '6D' });

    // Both schools' lists change: Parkskolan's read first, so that its cache holds the list without the pupil.
    expect(await find(p, parkMentor, PARK)).toBeUndefined();
    await t.db.query(`UPDATE student SET school_id = $2 WHERE id = $1`, [p.id, PARK]);
    expect(await find(p)).toBeUndefined();
    expect(await find(p, parkMentor, PARK)).toMatchObject({ firstName: 'Nyttnamn' });
  });

  it('shows a rule changed', async () => {
    const p = await pupil('Regel', ['2026-10-26', '2026-10-27']); // 10 %: on the list by the default 10 %
    expect(await find(p)).toBeDefined();
    await t.http
      .put(`${API}/absence-rules/absence_share`)
      .set('authorization', rektor)
      .send({ enabled: true, params: { percent: 11 } })
      .expect(200);
    expect(await find(p)).toBeUndefined();
    await t.http
      .put(`${API}/absence-rules/absence_share`)
      .set('authorization', rektor)
      .send({ enabled: true, params: { percent: 10, weeks: 4 } })
      .expect(200);
    expect(await find(p)).toBeDefined();
  });

  it('lets a teacher enter a lesson while another write at the same school is still open, and shows both after', async () => {
    const a = await pupil('Oppen', ['2026-11-17']);
    const b = await pupil('Samma', ['2026-11-17']);
    expect(await find(a)).toBeUndefined();
    const open = await t.db.connect();
    try {
      await open.query(`BEGIN`);
      // As an import writes its days: the school is marked, not yet committed.
      await open.query(
        `UPDATE attendance_day SET invalid_absence_minutes = 300 WHERE student_id = $1 AND day = '2026-11-18'`,
        [a.id],
      );
      // The entry at the same school answers without waiting for that transaction: its version
      // is written only when it commits (a version row locked until then made this wait).
      const entry = t.http.post(`${API}/students/${b.id}/attendance`).set('authorization', mentor).send({
        date: '2026-11-18',
        startTime: '08:00',
        offeredMinutes: 300,
        validAbsenceMinutes: 0,
        invalidAbsenceMinutes: 300,
      });
      const answer = await Promise.race([entry, new Promise((r) => setTimeout(() => r('waited'), 5_000))]);
      expect((answer as { status?: number }).status).toBe(201);
      expect(await find(b)).toBeDefined();
      expect(await find(a)).toBeUndefined();
      await open.query(`COMMIT`);
    } finally {
      await open.query(`ROLLBACK`).catch(() => undefined);
      open.release();
    }
    expect(await find(a)).toBeDefined();
    // Every mark became a version at its commit, and is gone.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM watchlist_pending`)).rows[0].n).toBe(0);
  });

  it('computes once for two concurrent requests', async () => {
    await pupil('Samtidig', THREE);
    const before = scans();
    // The scan's table locked: the first request's scan waits; a second scan would wait beside it.
    const lock = await t.db.connect();
    let both: Promise<unknown>;
    try {
      await lock.query(`BEGIN`);
      await lock.query(`LOCK TABLE attendance_day IN ACCESS EXCLUSIVE MODE`);
      both = Promise.all([read(mentor, STORSJO, '2026-11-19'), read(rektor, STORSJO, '2026-11-19')]);
      // The scan (pg_stat_activity keeps only the first 1 024 bytes of a statement).
      const waiting = async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT s.id, s.first_name%'`,
          )
        ).rows[0].n as number;
      for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      expect(await waiting()).toBe(1);
    } finally {
      await lock.query(`COMMIT`);
      lock.release();
    }
    const [a, b] = (await both) as { body: { items: Item[] } }[];
    expect(scans() - before).toBe(1);
    expect(a.body.items.map((i) => i.studentId)).toEqual(b.body.items.map((i) => i.studentId));
  });

  it('keeps access and open cases per caller', async () => {
    const p = await pupil('Arende', THREE);
    const flag = await t.http
      .post(`${API}/students/${p.id}/flags`)
      .set('authorization', mentor)
      .send({ text: 'Skolkar.' })
      .expect(201);
    await t.http
      .post(`${API}/flags/${flag.body.id}/accept`)
      .set('authorization', rektor)
      .send({ coordinatorId: demoId('user:elevhalsa@storsjo.demo') })
      .expect(201);
    const before = scans();
    const asMentor = await find(p, mentor);
    const asRektor = await find(p, rektor);
    expect(scans() - before).toBe(1);
    expect(asMentor).toMatchObject({ hasOpenCase: true, case: null });
    expect(asRektor).toMatchObject({ hasOpenCase: true, case: { id: expect.any(String) } });

    // The list is cached; another school's staff are still refused, and its read is logged for the reader only.
    await t.http.get(`${API}/schools/${STORSJO}/watchlist?date=${R}`).set('authorization', parkMentor).expect(404);
    const { rows } = await t.db.query(
      `SELECT subject_ids FROM access_log WHERE action = 'watchlist.read' AND subject_type = 'student' AND outcome = 'allowed' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].subject_ids).toContain(p.id);
  });
});
