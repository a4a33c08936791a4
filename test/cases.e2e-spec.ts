import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');

describe('cases, status, consent and lead times', () => {
  let t: TestApp;
  let elevhalsa: string;
  let rektor: string;
  let mentor: string;
  let parkElevhalsa: string;
  let soc: string;
  let bup: string;
  let hab: string;
  let caseId: string;

  const today = swedishDate();
  const open = (pupil: number, token = elevhalsa, body: Record<string, unknown> = {}) =>
    t.http
      .post(`${API}/cases`)
      .set('authorization', token)
      .send({ studentId: demoId(`pupil:${pupil}`), ...body });
  const status = (id: string, body: Record<string, unknown>, token = elevhalsa) =>
    t.http.post(`${API}/cases/${id}/status`).set('authorization', token).send(body);
  const mobilise = (id: string, agencyId: string) =>
    givenFor(t.db).invitation(id, agencyId, { deadline: addDays(today, 7) });
  const consent = (id: string, agencyId: string, body: Record<string, unknown> = {}) =>
    t.http
      .post(`${API}/cases/${id}/consents`)
      .set('authorization', elevhalsa)
      .send({
        agencyId,
        givenBy: 'guardian',
        givenByName: 'Anna Vårdnadshavare',
        scope: ['case_summary'],
        givenAt: today,
        ...body,
      });

  beforeAll(async () => {
    t = await createTestApp();
    [elevhalsa, rektor, mentor, parkElevhalsa, soc, bup, hab] = await Promise.all(
      [
        'elevhalsa@storsjo.demo',
        'rektor@storsjo.demo',
        'mentor@storsjo.demo',
        'elevhalsa@park.demo',
        'soc@ostersund.demo',
        'bup@regionjh.demo',
        'hab@regionjh.demo',
      ].map((u) => bearer(t.http, u)),
    );
  });
  afterAll(() => t.close());

  it('lets elevhälsa open a case for a pupil of its school, with a neutral reference and a timeline', async () => {
    const res = await open(5).expect(201);
    caseId = res.body.id;
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^NT-\d{4}-\d{4}$/),
      status: 'open',
      schoolId: STORSJO,
      coordinator: { id: demoId('user:elevhalsa@storsjo.demo'), displayName: 'Eva Kurator' },
      pupil: { id: demoId('pupil:5'), personnummerMasked: expect.stringMatching(/^\d{8}-\*{4}$/) },
      allowedTransitions: ['mapping', 'closed'],
    });
    const timeline = await t.http.get(`${API}/cases/${caseId}/timeline`).set('authorization', rektor).expect(200);
    expect(timeline.body.items).toEqual([
      expect.objectContaining({
        kind: 'case.opened',
        actor: { id: demoId('user:elevhalsa@storsjo.demo'), displayName: 'Eva Kurator' },
        agency: { id: STORSJO, name: 'Storsjöskolan' },
      }),
    ]);
  });

  it('keeps one open case per pupil, also when two open at once', async () => {
    await open(5).expect(409);
    const both = await Promise.all([open(6), open(6)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM support_case WHERE student_id = $1`, [
      demoId('pupil:6'),
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses openings by the wrong people and bad coordinators', async () => {
    await open(8, mentor).expect(403);
    await open(8, parkElevhalsa).expect(404);
    await open(8, soc).expect(403);
    const res = await open(8, elevhalsa, { coordinatorId: demoId('user:rektor@storsjo.demo') }).expect(422);
    expect(res.body.errors).toEqual([
      { field: 'coordinatorId', code: expect.any(String), message: expect.any(String) },
    ]);
    await open(8, elevhalsa, { coordinatorId: demoId('user:elevhalsa@park.demo') }).expect(422);
    await t.http.post(`${API}/cases`).set('authorization', elevhalsa).send({ studentId: 'nope' }).expect(400);
  });

  it('moves status only along the allowed transitions, and lists them on refusal', async () => {
    const wrong = await status(caseId, { status: 'plan_active' }).expect(409);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body.allowedTransitions).toEqual(['mapping', 'closed']);
    await status(caseId, { status: 'mapping' }, rektor).expect(403);
    const moved = await status(caseId, { status: 'mapping', reason: 'Kartläggning startar' }).expect(200);
    expect(moved.body.allowedTransitions).toEqual(['plan_active', 'closed']);
    await status(caseId, { status: 'sideways' }).expect(400);
  });

  it('lets only one of two simultaneous moves win', async () => {
    const id = (await open(9)).body.id;
    await status(id, { status: 'mapping' }).expect(200);
    const both = await Promise.all([status(id, { status: 'plan_active' }), status(id, { status: 'plan_active' })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'case.status'`,
      [id],
    );
    expect(rows[0].n).toBe(2);
  });

  it('closes only with an outcome and a reason, and then nothing more happens', async () => {
    const id = (await open(10)).body.id;
    const missing = await status(id, { status: 'closed' }).expect(400);
    expect([...new Set(missing.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'outcome',
      'reason',
    ]);
    const closed = await status(id, { status: 'closed', outcome: 'moved', reason: 'Familjen har flyttat' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'moved', closedAt: expect.any(String) });
    await status(id, { status: 'mapping' }).expect(409);
    await consent(id, SOC).expect(409);
    // A closed case frees the pupil for a new one.
    await open(10).expect(201);
  });

  it('shows an outside agency nothing until it is mobilised AND has consent in force', async () => {
    await t.http.get(`${API}/cases/${caseId}`).set('authorization', soc).expect(404);
    await mobilise(caseId, SOC);
    // Mobilised, no consent: still nothing.
    await t.http.get(`${API}/cases/${caseId}`).set('authorization', soc).expect(404);
    // (The demo has cases of its own that social services is in: only this one matters here.)
    const listed = async (token: string) =>
      (await t.http.get(`${API}/cases?limit=500`).set('authorization', token).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await listed(soc)).not.toContain(caseId);

    const given = await consent(caseId, SOC).expect(201);
    expect(given.body).toMatchObject({ agencyId: SOC, scope: ['case_summary'], inForce: true, withdrawnAt: null });
    const seen = await t.http.get(`${API}/cases/${caseId}`).set('authorization', soc).expect(200);
    expect(seen.body.pupil).toMatchObject({ id: demoId('pupil:5') });
    expect(seen.body.visibleScopes).toEqual(['case_summary']);
    expect(await listed(soc)).toContain(caseId);
    // Another agency, consent but not mobilised: nothing.
    await consent(caseId, BUP).expect(201);
    await t.http.get(`${API}/cases/${caseId}`).set('authorization', bup).expect(404);
    await t.http.get(`${API}/cases/${caseId}/timeline`).set('authorization', hab).expect(404);

    // Withdrawal cuts access on the very next request, in every endpoint and list.
    const withdrawn = await t.http
      .post(`${API}/cases/${caseId}/consents/${given.body.id}/withdraw`)
      .set('authorization', elevhalsa)
      .expect(200);
    expect(withdrawn.body.inForce).toBe(false);
    await t.http.get(`${API}/cases/${caseId}`).set('authorization', soc).expect(404);
    await t.http.get(`${API}/cases/${caseId}/timeline`).set('authorization', soc).expect(404);
    await t.http.get(`${API}/cases/${caseId}/consents`).set('authorization', soc).expect(404);
    expect(await listed(soc)).not.toContain(caseId);
    await t.http
      .post(`${API}/cases/${caseId}/consents/${given.body.id}/withdraw`)
      .set('authorization', elevhalsa)
      .expect(409);
    const timeline = await t.http.get(`${API}/cases/${caseId}/timeline?limit=500`).set('authorization', elevhalsa);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['consent.given', 'consent.withdrawn']),
    );
  });

  it('treats expiry like withdrawal and applies partial consent', async () => {
    const id = (await open(11)).body.id;
    await mobilise(id, SOC);
    await mobilise(id, BUP);
    await consent(id, SOC, { givenAt: addDays(today, -30), validUntil: addDays(today, -1) }).expect(201);
    await t.http.get(`${API}/cases/${id}`).set('authorization', soc).expect(404);
    await consent(id, BUP, { scope: ['attendance'] }).expect(201);
    const partial = await t.http.get(`${API}/cases/${id}`).set('authorization', bup).expect(200);
    expect(partial.body.pupil).toBeNull();
    expect(partial.body.visibleScopes).toEqual(['attendance']);
    await t.http.get(`${API}/cases/${id}/timeline`).set('authorization', bup).expect(403);
    // The refusal is in the access log as a denial, not as the allowed read of the case before it.
    const denied = await t.db.query(
      `SELECT outcome FROM access_log WHERE action = 'case.timeline' AND agency_id = $1 AND $2 = ANY (subject_ids)`,
      [BUP, id],
    );
    expect(denied.rows.map((r) => r.outcome)).toEqual(['allowed', 'denied']);
    const list = await t.http.get(`${API}/cases?limit=500`).set('authorization', bup).expect(200);
    expect(list.body.items.filter((c: { id: string }) => c.id === id)).toEqual([
      expect.objectContaining({ id, pupil: null }),
    ]);
    // The agency sees only its own consents.
    const consents = await t.http.get(`${API}/cases/${id}/consents`).set('authorization', bup).expect(200);
    expect(consents.body.items.map((c: { agencyId: string }) => c.agencyId)).toEqual([BUP]);
    const all = await t.http.get(`${API}/cases/${id}/consents`).set('authorization', rektor).expect(200);
    expect(all.body.items).toHaveLength(2);
  });

  it('refuses consent that cannot be true', async () => {
    const unknown = await consent(caseId, demoId('agency:nowhere')).expect(422);
    expect(unknown.body.errors).toEqual([{ field: 'agencyId', code: expect.any(String), message: 'unknown agency' }]);
    const future = await consent(caseId, SOC, { givenAt: addDays(today, 3) }).expect(422);
    expect(future.body.errors[0].field).toBe('givenAt');
    const backwards = await consent(caseId, SOC, { givenAt: today, validUntil: addDays(today, -1) }).expect(422);
    expect(backwards.body.errors[0].field).toBe('validUntil');
    await consent(caseId, SOC, { scope: ['everything'] }).expect(400);
    await consent(caseId, SOC, { scope: [] }).expect(400);
    await consent(caseId, SOC, { givenAt: '2026-02-30' }).expect(400);
    await consent(caseId, STORSJO).expect(422);
    await t.http
      .post(`${API}/cases/${caseId}/consents`)
      .set('authorization', rektor)
      .send({ agencyId: SOC, givenBy: 'pupil', givenByName: 'Elev', scope: ['attendance'], givenAt: today })
      .expect(403);
  });

  it('hands a case over to another elevhälsa user, keeping the history', async () => {
    const admin = await bearer(t.http, 'admin@ostersund.demo');
    const colleague = await t.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({
        username: 'psykolog@storsjo.demo',
        displayName: 'Pia Psykolog',
        agencyId: STORSJO,
        roles: ['elevhalsa'],
      })
      .expect(201);
    await t.http
      .post(`${API}/cases/${caseId}/coordinator`)
      .set('authorization', elevhalsa)
      .send({ coordinatorId: demoId('user:elevhalsa@park.demo') })
      .expect(422);
    const handed = await t.http
      .post(`${API}/cases/${caseId}/coordinator`)
      .set('authorization', elevhalsa)
      .send({ coordinatorId: colleague.body.id })
      .expect(200);
    expect(handed.body.coordinator).toEqual({ id: colleague.body.id, displayName: 'Pia Psykolog' });
    const timeline = await t.http.get(`${API}/cases/${caseId}/timeline?limit=500`).set('authorization', elevhalsa);
    expect(timeline.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'case.coordinator',
          data: { from: demoId('user:elevhalsa@storsjo.demo'), to: colleague.body.id },
        }),
      ]),
    );
  });

  it('keeps the timeline append-only', async () => {
    await expect(t.db.query(`UPDATE case_event SET kind = 'x' WHERE case_id = $1`, [caseId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM case_event WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
  });

  it('reports lead times per case and per school', async () => {
    // pupil:3 has growing absence in the demo: the first signal comes before the case.
    const id = (await open(3)).body.id;
    const before = await t.http.get(`${API}/cases/${id}/lead-times`).set('authorization', rektor).expect(200);
    expect(before.body.firstSignalOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.body.firstSignalOn <= today).toBe(true);
    expect(before.body.daysFromOpening).toEqual({ firstAgencyAccepted: null, firstMeeting: null, planAgreed: null });
    expect(before.body.daysFromSignal.caseOpened).toBeGreaterThanOrEqual(0);

    await mobilise(id, SOC);
    await t.db.query(
      `UPDATE mobilisation SET status = 'accepted', representative_id = $2, responded_by = $2, responded_at = now() + interval '2 days'
        WHERE case_id = $1`,
      [id, demoId('user:soc@ostersund.demo')],
    );
    const after = await t.http.get(`${API}/cases/${id}/lead-times`).set('authorization', elevhalsa).expect(200);
    expect(after.body.daysFromOpening.firstAgencyAccepted).toBe(2);

    // Only today's cases (the demo's were opened earlier).
    const school = await t.http
      .get(`${API}/schools/${STORSJO}/lead-times?from=${today}&to=${today}`)
      .set('authorization', rektor)
      .expect(200);
    const accepted = school.body.measures.find((m: { measure: string }) => m.measure === 'openedToFirstAgencyAccepted');
    expect(accepted).toEqual({ measure: 'openedToFirstAgencyAccepted', cases: 1, medianDays: 2, p90Days: 2 });
    await t.http.get(`${API}/schools/${STORSJO}/lead-times`).set('authorization', parkElevhalsa).expect(404);
    await t.http.get(`${API}/schools/${STORSJO}/lead-times`).set('authorization', mentor).expect(403);
    await t.http
      .get(`${API}/schools/${STORSJO}/lead-times?from=2026-05-01&to=2026-04-01`)
      .set('authorization', rektor)
      .expect(400);

    // Days are Swedish days: opened 00:30 on 10 March in Stockholm (23:30 UTC the day before),
    // accepted 23:30 on 11 March in Stockholm — one day, counted on the 10th.
    await t.db.query(`UPDATE support_case SET opened_at = '2023-03-09T23:30:00Z' WHERE id = $1`, [id]);
    await t.db.query(`UPDATE mobilisation SET responded_at = '2023-03-11T22:30:00Z' WHERE case_id = $1`, [id]);
    const onDay = async (day: string) =>
      (
        await t.http
          .get(`${API}/schools/${STORSJO}/lead-times?from=${day}&to=${day}`)
          .set('authorization', rektor)
          .expect(200)
      ).body.measures.find((m: { measure: string }) => m.measure === 'openedToFirstAgencyAccepted');
    expect(await onDay('2023-03-10')).toEqual({
      measure: 'openedToFirstAgencyAccepted',
      cases: 1,
      medianDays: 1,
      p90Days: 1,
    });
    expect(await onDay('2023-03-09')).toBeUndefined();
  });
});
