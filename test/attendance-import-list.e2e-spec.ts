import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const HEADER =
  'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason';

describe('GET /attendance/imports (a school’s earlier imports)', () => {
  let t: TestApp;
  let pnr: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { rows } = await t.db.query<{ personnummer: string }>('SELECT personnummer FROM student WHERE id = $1', [
      demoId('pupil:20'),
    ]);
    pnr = rows[0].personnummer;
  });
  afterAll(() => t?.close());

  const upload = async (username: string, csv: string, mode = 'partial') =>
    t.http
      .post(`${API}/attendance/imports?mode=${mode}`)
      .set('authorization', await bearer(t.http, username))
      .set('content-type', 'text/csv')
      .send(csv);

  it("lists the school's imports newest first with their report, paged; another school sees none of them", async () => {
    const good = await upload('mentor@storsjo.demo', `${HEADER}\nlist-1,${pnr},2025-09-15,08:10,60,0,20,Sen\n`);
    expect(good.status).toBe(201);
    const partial = await upload(
      'rektor@storsjo.demo',
      `${HEADER}\nlist-2,${pnr},2025-09-16,08:10,60,0,20,\nlist-3,${pnr},2025-09-16,09:10,60,0,99,\n`,
    );
    expect(partial.status).toBe(201);

    const mentor = await bearer(t.http, 'mentor@storsjo.demo');
    const first = await t.http.get(`${API}/attendance/imports?limit=1`).set('authorization', mentor).expect(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ id: partial.body.id, status: 'completed', rowsImported: 1, rowsRejected: 1 }),
    ]);
    expect(first.body.items[0].errors).toEqual([expect.objectContaining({ line: 3 })]);
    const second = await t.http
      .get(`${API}/attendance/imports?limit=1&cursor=${first.body.nextCursor}`)
      .set('authorization', mentor)
      .expect(200);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([good.body.id]);

    const park = await bearer(t.http, 'mentor@park.demo');
    const parkList = await t.http.get(`${API}/attendance/imports?limit=500`).set('authorization', park).expect(200);
    const ids = (parkList.body.items as { id: string }[]).map((i) => i.id);
    expect(ids).not.toContain(good.body.id);
    expect(ids).not.toContain(partial.body.id);
  });

  it('refuses roles that do not import (403) and a forged cursor (400)', async () => {
    for (const username of ['elevhalsa@storsjo.demo', 'soc@ostersund.demo', 'admin@ostersund.demo'])
      await t.http
        .get(`${API}/attendance/imports`)
        .set('authorization', await bearer(t.http, username))
        .expect(403);
    await t.http
      .get(`${API}/attendance/imports?cursor=abc`)
      .set('authorization', await bearer(t.http, 'mentor@storsjo.demo'))
      .expect(400);
  });
});
