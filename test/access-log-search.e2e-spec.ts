import { demoId } from '@app/demo';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const AUDITOR = 'auditor@ostersund.demo';
const PUPIL = demoId('pupil:20');
const MENTOR = 'mentor@storsjo.demo';

interface Item {
  id: string;
  userId: string | null;
  userDisplayName: string | null;
  agencyId: string | null;
  agencyName: string | null;
  action: string;
  subjectType: string;
  subjectIds: string[];
  outcome: string;
}

describe('POST /access-log/search (the auditor, a pupil by personnummer in the body)', () => {
  let t: TestApp;
  let auditor: string;
  let personnummer: string;
  beforeAll(async () => {
    t = await createTestApp();
    auditor = await bearer(t.http, AUDITOR);
    const { rows } = await t.db.query<{ personnummer: string }>('SELECT personnummer FROM student WHERE id = $1', [
      PUPIL,
    ]);
    personnummer = `${rows[0].personnummer.slice(0, 8)}-${rows[0].personnummer.slice(8)}`;
    // Something to find: the mentor reads the pupil, the other school's mentor is refused.
    await t.http
      .get(`${API}/students/${PUPIL}`)
      .set('authorization', await bearer(t.http, MENTOR))
      .expect(200);
    await t.http
      .get(`${API}/students/${PUPIL}`)
      .set('authorization', await bearer(t.http, 'mentor@park.demo'))
      .expect(404);
  });
  afterAll(() => t?.close());

  const search = (body: object, token = auditor) =>
    t.http.post(`${API}/access-log/search`).set('authorization', token).send(body);

  it("finds the reads of a pupil by personnummer, with the reader's name and agency, and logs the search", async () => {
    const res = await search({ personnummer, limit: 100 }).expect(200);
    const items = res.body.items as Item[];
    expect(items.length).toBeGreaterThan(0);
    expect(items).toContainEqual(
      expect.objectContaining({
        userId: demoId(`user:${MENTOR}`),
        agencyName: 'Storsjöskolan',
        action: 'student.read',
        outcome: 'allowed',
        subjectIds: [PUPIL],
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ userId: demoId('user:mentor@park.demo'), outcome: 'denied' }),
    );
    // Every entry is about the pupil (or their cases, flags, investigations), never another pupil.
    for (const item of items) if (item.subjectType === 'student') expect(item.subjectIds).toContain(PUPIL);
    expect(JSON.stringify(res.body)).not.toContain(personnummer.replace('-', ''));

    const { rows } = await t.db.query<{ action: string; subject_type: string; subject_ids: string[] }>(
      `SELECT action, subject_type, subject_ids FROM access_log WHERE user_id = $1 AND action LIKE 'accessLog.%' ORDER BY id`,
      [demoId(`user:${AUDITOR}`)],
    );
    expect(rows).toContainEqual({ action: 'accessLog.searchStudent', subject_type: 'student', subject_ids: [PUPIL] });
    expect(rows.map((r) => r.action)).toContain('accessLog.search');
    // The number is in no log row.
    const leaked = await t.db.query(`SELECT 1 FROM access_log WHERE detail::text LIKE $1 OR $1 = ANY(subject_ids)`, [
      `%${personnummer.slice(2, 8)}%`,
    ]);
    expect(leaked.rowCount).toBe(0);
  });

  it('filters by outcome, user, agency and action, and pages with the cursor', async () => {
    const denied = (await search({ personnummer, outcome: 'denied', limit: 100 }).expect(200)).body.items as Item[];
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((i) => i.outcome === 'denied')).toBe(true);

    const byUser = (await search({ userId: demoId(`user:${MENTOR}`), action: 'student.read', limit: 100 }).expect(200))
      .body.items as Item[];
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((i) => i.userId === demoId(`user:${MENTOR}`) && i.action === 'student.read')).toBe(true);

    const byAgency = (await search({ agencyId: demoId('agency:park'), limit: 100 }).expect(200)).body.items as Item[];
    expect(byAgency.length).toBeGreaterThan(0);
    expect(byAgency.every((i) => i.agencyId === demoId('agency:park'))).toBe(true);

    const future = await search({ from: '2999-01-01T00:00:00Z' }).expect(200);
    expect(future.body).toEqual({ items: [], nextCursor: null });

    const first = await search({ limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search({ limit: 2, cursor: first.body.nextCursor }).expect(200);
    const firstIds = (first.body.items as Item[]).map((i) => Number(i.id));
    for (const item of second.body.items as Item[]) expect(Number(item.id)).toBeLessThan(Math.min(...firstIds));
  });

  it('exports the filtered selection as CSV with Accept: text/csv', async () => {
    const res = await search({ personnummer, outcome: 'denied' }).set('accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'at,userId,userDisplayName,agencyId,agencyName,action,subjectType,subjectIds,outcome,requestId',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',denied,'))).toBe(true);
  });

  it('refuses a malformed personnummer with a field error, and finds nothing for a pupil of another organisation', async () => {
    const bad = await search({ personnummer: '20120315-0000' }).expect(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'personnummer' }));
    expect(JSON.stringify(bad.body)).not.toContain('20120315');
    // A pupil of the municipality is not the region's auditor's to search: nothing found, as for no pupil at all.
    // PUPIL (Östersund's, read by its mentor above: the municipality's auditor finds those rows).
    await givenFor(t.db).user({
      agency: demoId('agency:bup'),
      roles: ['auditor'],
      username: 'auditor@regionjh.test',
      displayName: 'Region Granskare',
    });
    const token = await bearer(t.http, 'auditor@regionjh.test');
    const res = await search({ personnummer }, token).expect(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    const csv = await search({ personnummer }, token).set('accept', 'text/csv').expect(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1);
  });

  it.each(['admin@ostersund.demo', 'rektor@storsjo.demo', 'elevhalsa@storsjo.demo', 'soc@ostersund.demo'])(
    'refuses %s (403), also for the CSV export',
    async (username) => {
      const token = await bearer(t.http, username);
      await search({ personnummer }, token).expect(403);
      await search({ personnummer }, token).set('accept', 'text/csv').expect(403);
    },
  );

  it('refuses without a session (401)', async () => {
    await t.http.post(`${API}/access-log/search`).send({}).expect(401);
  });
});
