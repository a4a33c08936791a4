import { swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Issue 19, the server's part of "screens that tell the truth": the watch list names each
 * pupil's open case (to those who may read it), and every field error carries a `code`.
 */
const STORSJO = demoId('agency:storsjo');

describe('screens that tell the truth (server)', () => {
  let t: TestApp;
  let mentor: string;
  let rektor: string;
  let elevhalsa: string;
  let parkElevhalsa: string;
  let soc: string;

  const watchlist = async (token: string) =>
    (await t.http.get(`${API}/schools/${STORSJO}/watchlist?limit=500`).set('authorization', token).expect(200)).body
      .items as {
      studentId: string;
      openFlag: boolean;
      hasOpenCase: boolean;
      case: { id: string; reference: string; status: string } | null;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    [mentor, rektor, elevhalsa, parkElevhalsa, soc] = await Promise.all(
      [
        'mentor@storsjo.demo',
        'rektor@storsjo.demo',
        'elevhalsa@storsjo.demo',
        'elevhalsa@park.demo',
        'soc@ostersund.demo',
      ].map((u) => bearer(t.http, u)),
    );
  });
  afterAll(() => t?.close());

  describe('the watch list shows the case', () => {
    let pupil: string;
    let caseId: string;
    let reference: string;

    beforeAll(async () => {
      const before = await watchlist(elevhalsa);
      const candidate = before.find((i) => !i.hasOpenCase && !i.openFlag);
      if (!candidate) throw new Error('the demo watch list has no pupil without flag or case');
      expect(candidate.case).toBeNull();
      pupil = candidate.studentId;
      const opened = await t.http
        .post(`${API}/cases`)
        .set('authorization', elevhalsa)
        .send({ studentId: pupil })
        .expect(201);
      caseId = opened.body.id;
      reference = opened.body.reference;
    });

    it('names the open case, its reference and status, to elevhälsa and the principal', async () => {
      for (const token of [elevhalsa, rektor]) {
        const item = (await watchlist(token)).find((i) => i.studentId === pupil)!;
        expect(item).toMatchObject({ hasOpenCase: true, case: { id: caseId, reference, status: 'open' } });
      }
      await t.http
        .post(`${API}/cases/${caseId}/status`)
        .set('authorization', elevhalsa)
        .send({ status: 'mapping' })
        .expect(200);
      const moved = (await watchlist(elevhalsa)).find((i) => i.studentId === pupil)!;
      expect(moved.case).toEqual({ id: caseId, reference, status: 'mapping' });
    });

    it('tells a mentor (who reads no cases) only that there is one', async () => {
      const item = (await watchlist(mentor)).find((i) => i.studentId === pupil)!;
      expect(item).toMatchObject({ hasOpenCase: true, case: null, openFlag: false });
      expect(JSON.stringify(await watchlist(mentor))).not.toContain(reference);
    });

    it('logs the cases it names', async () => {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM access_log WHERE action = 'watchlist.read' AND subject_type = 'case'
            AND subject_ids @> ARRAY[$1]::text[] AND user_id = $2`,
        [caseId, demoId('user:rektor@storsjo.demo')],
      );
      expect(rows[0].n).toBeGreaterThan(0);
    });

    it('is refused to another school and to outside agencies', async () => {
      await t.http.get(`${API}/schools/${STORSJO}/watchlist`).set('authorization', parkElevhalsa).expect(404);
      const res = await t.http.get(`${API}/schools/${STORSJO}/watchlist`).set('authorization', soc);
      expect([403, 404]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain(reference);
    });

    it('shows no case once it is closed', async () => {
      await t.http
        .post(`${API}/cases/${caseId}/status`)
        .set('authorization', elevhalsa)
        .send({ status: 'closed', outcome: 'other', reason: 'Test.' })
        .expect(200);
      const item = (await watchlist(elevhalsa)).find((i) => i.studentId === pupil)!;
      expect(item).toMatchObject({ hasOpenCase: false, case: null });
    });
  });

  describe('every field error has a code', () => {
    it('from the validators: unknown, missing, too long, not a choice, not a date', async () => {
      const login = await t.http.post(`${API}/auth/login`).send({ username: 'x', extra: 1 }).expect(400);
      expect(login.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'extra', code: 'unknown-field', message: 'extra is not an allowed field' },
          expect.objectContaining({ field: 'password', code: expect.any(String) }),
        ]),
      );
      const flag = await t.http
        .post(`${API}/students/${demoId('pupil:1')}/flags`)
        .set('authorization', mentor)
        .send({ text: 'x'.repeat(5000) })
        .expect(400);
      expect(flag.body.errors).toEqual([expect.objectContaining({ field: 'text', code: 'too-long' })]);
      const sort = await t.http
        .get(`${API}/schools/${STORSJO}/watchlist?sort=shoe`)
        .set('authorization', mentor)
        .expect(400);
      expect(sort.body.errors).toEqual([expect.objectContaining({ field: 'sort', code: 'not-a-choice' })]);
    });

    it('from the rules: a blank text, a day in the future, a bad cursor', async () => {
      const blank = await t.http
        .post(`${API}/students/${demoId('pupil:1')}/flags`)
        .set('authorization', mentor)
        .send({ text: '   ' })
        .expect(400);
      expect(blank.body.errors).toEqual([{ field: 'text', code: 'blank', message: 'text must not be blank' }]);
      const future = await t.http
        .get(`${API}/schools/${STORSJO}/watchlist?date=2999-01-01`)
        .set('authorization', mentor)
        .expect(400);
      expect(future.body.errors).toEqual([
        { field: 'date', code: 'in-future', message: 'date must not be in the future' },
      ]);
      const cursor = await t.http
        .get(`${API}/schools/${STORSJO}/watchlist?cursor=bm9wZQ`)
        .set('authorization', mentor)
        .expect(400);
      expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalid-cursor' })]);
    });

    it('every import report row has a code beside its reason', async () => {
      const csv = [
        'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason',
      ];
      const res = await t.http
        .post(`${API}/attendance/imports`)
        .set('authorization', mentor)
        .set('content-type', 'text/csv')
        .send(csv.join('\n') + '\nm-1,19000101-0000,2999-01-01,7:00,60,0,0,\n');
      expect(res.status).toBe(422);
      expect(res.body.errors.length).toBeGreaterThan(0);
      for (const e of res.body.errors) expect(e).toEqual(expect.objectContaining({ code: expect.any(String) }));
    });
  });

  it("an agency's invitation says whether it may open the case (consent in force), without naming the pupil", async () => {
    const given = givenFor(t.db);
    const opened = await t.http
      .post(`${API}/cases`)
      .set('authorization', elevhalsa)
      .send({ studentId: (await given.pupil()).id })
      .expect(201);
    await given.mobilisation(opened.body.id, demoId('agency:soc'), demoId('user:soc@ostersund.demo'), {
      deadline: '2099-01-07',
    });
    const inbox = async () =>
      (
        (await t.http.get(`${API}/mobilisations?limit=500`).set('authorization', soc).expect(200)).body.items as {
          caseId: string;
          caseReadable: boolean;
          pupil: unknown;
        }[]
      ).find((m) => m.caseId === opened.body.id)!;
    expect(await inbox()).toMatchObject({ caseReadable: false, pupil: null });
    await t.http.get(`${API}/cases/${opened.body.id}`).set('authorization', soc).expect(404);
    const consent = await t.http
      .post(`${API}/cases/${opened.body.id}/consents`)
      .set('authorization', elevhalsa)
      .send({
        agencyId: demoId('agency:soc'),
        givenBy: 'guardian',
        givenByName: 'V',
        scope: ['plan'],
        givenAt: swedishDate(),
      });
    expect(consent.status).toBe(201);
    expect(await inbox()).toMatchObject({ caseReadable: true, pupil: null });
    await t.http
      .post(`${API}/cases/${opened.body.id}/consents/${consent.body.id}/withdraw`)
      .set('authorization', elevhalsa)
      .expect(200);
    expect((await inbox()).caseReadable).toBe(false);
  });
});
