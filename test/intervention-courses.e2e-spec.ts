import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { Given, givenFor } from './support/given';

const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const MST = demoId('intervention:mst');
const KOMET = demoId('intervention:komet');
const RETIRED = demoId('intervention:lagerverksamhet');

/** The Monday on or before a day. */
function monday(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

describe('interventions: courses, plan actions and follow-ups', () => {
  let t: TestApp;
  let given: Given;
  let elevhalsa: string;
  let rektor: string;
  let mentor: string;
  let parkElevhalsa: string;
  let soc: string;
  let bup: string;
  let hab: string;
  let adminKommun: string;
  let adminRegion: string;
  let caseId: string;
  let pupil: string;

  const today = swedishDate();
  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);
  const post = (token: string, path: string, body: object = {}) =>
    t.http.post(`${API}${path}`).set('authorization', token).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    [elevhalsa, rektor, mentor, parkElevhalsa, soc, bup, hab, adminKommun, adminRegion] = await Promise.all(
      [
        'elevhalsa@storsjo.demo',
        'rektor@storsjo.demo',
        'mentor@storsjo.demo',
        'elevhalsa@park.demo',
        'soc@ostersund.demo',
        'bup@regionjh.demo',
        'hab@regionjh.demo',
        'admin@ostersund.demo',
        'admin@regionjh.demo',
      ].map((u) => bearer(t.http, u)),
    );
    [pupil] = await given.pupilIds(1);
    caseId = (await post(elevhalsa, '/cases', { studentId: pupil }).expect(201)).body.id;
    // Social services: consent with the plan; BUP: consent without it; habilitation: not in the case.
    for (const agency of [SOC, BUP]) await given.invitation(caseId, agency);
    await given.consent(caseId, SOC, { scope: ['case_summary', 'plan'] });
    await given.consent(caseId, BUP, { scope: ['case_summary', 'mapping'] });
  });
  afterAll(() => t.close());

  it('records a course with attendance over the 8 weeks with lessons before its start and up to its end', async () => {
    // Hand-made attendance: Mondays of the weeks before the start (week 3 before it a holiday
    // without lessons), the start day itself, the end day and the day after it.
    const start = monday(addDays(today, -100));
    const end = addDays(start, 14);
    await given.days(pupil, []);
    const day = (d: string, offered: number, absent: number) => given.addDays(pupil, [[d, offered, 0, absent]]);
    for (const k of [1, 2, 4, 5, 6, 7, 8, 9]) await day(addDays(start, -7 * k), 300, 30);
    await day(addDays(start, -70), 300, 300); // the 10th week back: a 9th week with lessons, left out
    await day(start, 300, 300); // the start day: not "before" the start
    await day(end, 300, 0);
    await day(addDays(end, 1), 300, 300); // after the end: left out

    const started = await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: MST,
      startedOn: start,
      referredBehaviours: ['school_absence', 'crime'],
    }).expect(201);
    // 8 weeks × 300 offered, 8 × 30 absent: 10 % absence.
    expect(started.body).toMatchObject({
      caseId,
      intervention: {
        id: MST,
        name: 'MST (multisystemisk terapi)',
        providerAgencyType: 'social_services',
        active: true,
      },
      startedOn: start,
      referredBehaviours: ['school_absence', 'crime'],
      endedOn: null,
      endReason: null,
      attendanceBeforeStart: 90,
      attendanceBeforeEnd: null,
      startedBy: { id: ELEVHALSA },
      followUps: [],
    });
    const courseId: string = started.body.id;

    // A second running course of the same intervention in the case: 409.
    await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: MST,
      startedOn: start,
      referredBehaviours: ['crime'],
    }).expect(409);

    const early = await post(elevhalsa, `/cases/${caseId}/interventions/${courseId}/end`, {
      endedOn: addDays(start, -1),
      reason: 'completed',
    }).expect(422);
    expect(early.body.errors[0].field).toBe('endedOn');
    const ended = await post(elevhalsa, `/cases/${caseId}/interventions/${courseId}/end`, {
      endedOn: end,
      reason: 'completed',
    }).expect(201);
    // Up to the end: the end day (300/0), the start day (300/300) and the six latest weeks before it (300/30 each).
    expect(ended.body).toMatchObject({ endedOn: end, endReason: 'completed', attendanceBeforeEnd: 80 });
    expect(ended.body.followUps).toEqual([
      expect.objectContaining({
        months: 6,
        recordedAt: null,
        recordableFrom: addDays(ended.body.followUps[0].dueOn, -14),
      }),
      expect.objectContaining({ months: 18, recordedAt: null }),
    ]);
    await post(elevhalsa, `/cases/${caseId}/interventions/${courseId}/end`, {
      endedOn: end,
      reason: 'placement',
    }).expect(409);

    const events = await t.db.query(
      `SELECT kind, data FROM case_event WHERE case_id = $1 AND kind LIKE 'intervention.%' ORDER BY id`,
      [caseId],
    );
    expect(events.rows.map((r: { kind: string }) => r.kind)).toEqual(['intervention.started', 'intervention.ended']);
  });

  it('refuses bad courses with field-level problems', async () => {
    const bad = await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: 'mst',
      startedOn: '2026-13-01x',
      referredBehaviours: ['truancy'],
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['interventionId', 'referredBehaviours', 'startedOn'].sort(),
    );
    await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: KOMET,
      startedOn: today,
      referredBehaviours: [],
    }).expect(400);
    const future = await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: RETIRED,
      startedOn: addDays(today, 1),
      referredBehaviours: ['other'],
    }).expect(422);
    expect(future.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['interventionId', 'startedOn']);
    // Another organisation's intervention is not in the case's catalogue.
    const regional = await post(adminRegion, '/interventions', {
      name: 'Regionens behandling',
      providerAgencyType: 'bup',
      evidenceBased: true,
      active: true,
    }).expect(201);
    const foreign = await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: regional.body.id,
      startedOn: today,
      referredBehaviours: ['other'],
    }).expect(422);
    expect(foreign.body.errors).toEqual([
      {
        field: 'interventionId',
        message: "must be an active intervention of the catalogue of the case's organisation",
      },
    ]);
    await post(elevhalsa, `/cases/${caseId}/interventions/${demoId('nothing')}/end`, {
      endedOn: today,
      reason: 'completed',
    }).expect(404);
  });

  it('shows the courses to those who see the plan, with the same consent rules', async () => {
    const school = await get(elevhalsa, `/cases/${caseId}/interventions`).expect(200);
    expect(school.body.items.length).toBeGreaterThan(0);
    expect(school.body.items[0].attendanceBeforeStart).toBe(90);
    await get(rektor, `/cases/${caseId}/interventions`).expect(200);
    // Social services with plan consent: the courses, without attendance (no attendance scope).
    const agency = await get(soc, `/cases/${caseId}/interventions`).expect(200);
    expect(agency.body.items.map((c: { id: string }) => c.id)).toEqual(
      school.body.items.map((c: { id: string }) => c.id),
    );
    expect(agency.body.items[0]).toMatchObject({ attendanceBeforeStart: null, attendanceBeforeEnd: null });
    // BUP has consent, but not for the plan: 403, logged. Habilitation is not in the case: 404.
    await get(bup, `/cases/${caseId}/interventions`).expect(403);
    await get(hab, `/cases/${caseId}/interventions`).expect(404);
    await get(mentor, `/cases/${caseId}/interventions`).expect(403);
    await get(parkElevhalsa, `/cases/${caseId}/interventions`).expect(404);
    await get(adminKommun, `/cases/${caseId}/interventions`).expect(403);
    const denied = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'interventionCourse.list' AND outcome = 'denied'
          AND agency_id = $1 AND $2 = ANY (subject_ids)`,
      [BUP, caseId],
    );
    expect(denied.rows[0].n).toBe(1);
    // Only elevhälsa of the school records; an agency that reads the courses does not.
    await post(soc, `/cases/${caseId}/interventions`, {
      interventionId: KOMET,
      startedOn: today,
      referredBehaviours: ['conflicts_at_home'],
    }).expect(403);

    // Withdrawn consent: social services sees no course (nor the case).
    await t.db.query(`UPDATE consent SET withdrawn_at = now() WHERE case_id = $1 AND agency_id = $2`, [caseId, SOC]);
    await get(soc, `/cases/${caseId}/interventions`).expect(404);
    await given.consent(caseId, SOC, { scope: ['case_summary', 'plan'] });
    await get(soc, `/cases/${caseId}/interventions`).expect(200);
  });

  it('records the follow-ups 6 and 18 months after the course’s end, once each, not too early', async () => {
    const started = await post(elevhalsa, `/cases/${caseId}/interventions`, {
      interventionId: KOMET,
      startedOn: addDays(today, -30),
      referredBehaviours: ['conflicts_at_home', 'aggression'],
    }).expect(201);
    const courseId: string = started.body.id;
    const path = `/cases/${caseId}/interventions/${courseId}/follow-ups`;
    const body = { newInterventionFor: ['aggression'], schoolOrWork20h: true };
    await post(elevhalsa, `${path}/6`, body).expect(409); // not ended yet
    await post(elevhalsa, `/cases/${caseId}/interventions/${courseId}/end`, {
      endedOn: addDays(today, -1),
      reason: 'lack_of_engagement',
    }).expect(201);
    const tooEarly = await post(elevhalsa, `${path}/6`, body).expect(422);
    expect(tooEarly.body.recordableFrom).toBeDefined();
    await post(elevhalsa, `${path}/12`, body).expect(400);
    await post(elevhalsa, `${path}/6`, { newInterventionFor: ['truancy'], schoolOrWork20h: 'ja' }).expect(400);

    // Move the course back in time: ended 6 months and 10 days ago (recordable since 24 days).
    const endedOn = addDays(today, -193);
    await t.db.query(`UPDATE intervention_course SET started_on = $2::date - 60, ended_on = $2 WHERE id = $1`, [
      courseId,
      endedOn,
    ]);
    const recorded = await post(elevhalsa, `${path}/6`, body).expect(201);
    const six = recorded.body.followUps.find((f: { months: number }) => f.months === 6);
    expect(six).toMatchObject({
      newInterventionFor: ['aggression'],
      schoolOrWork20h: true,
      recordedBy: { id: ELEVHALSA },
    });
    await post(elevhalsa, `${path}/6`, body).expect(409);
    await post(elevhalsa, `${path}/18`, body).expect(422);
    // The agency sees the recorded follow-up; BUP still does not.
    const agency = await get(soc, `/cases/${caseId}/interventions`).expect(200);
    const course = agency.body.items.find((c: { id: string }) => c.id === courseId);
    expect(course.followUps[0]).toMatchObject({ months: 6, schoolOrWork20h: true });
    await get(bup, `/cases/${caseId}/interventions`).expect(403);
  });

  it('lets plan actions use an intervention of the catalogue', async () => {
    const action = (extra: object = {}) => ({
      description: 'MST-behandling i hemmet',
      agencyId: SOC,
      dueDate: addDays(today, 60),
      status: 'planned',
      ...extra,
    });
    const created = await t.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', elevhalsa)
      .send({ goals: [], actions: [action({ interventionId: MST })] })
      .expect(201);
    expect(created.body.actions[0].interventionId).toBe(MST);
    const etag = created.headers.etag;
    const read = await get(soc, `/cases/${caseId}/plan`).expect(200);
    expect(read.body.actions[0].interventionId).toBe(MST);

    const retired = await t.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', elevhalsa)
      .set('if-match', etag)
      .send({ goals: [], actions: [action({ interventionId: RETIRED })] })
      .expect(422);
    expect(retired.body.errors).toEqual([
      {
        field: 'actions.0.interventionId',
        code: 'not-in-catalogue',
        message: "must be an active intervention of the catalogue of the case's organisation",
      },
    ]);

    // MST retired from the catalogue: the action keeps it; a new action cannot take it.
    await t.http
      .patch(`${API}/interventions/${MST}`)
      .set('authorization', adminKommun)
      .send({ active: false })
      .expect(200);
    const kept = await t.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', elevhalsa)
      .set('if-match', etag)
      .send({ goals: [], actions: [action({ id: created.body.actions[0].id, interventionId: MST })] })
      .expect(200);
    expect(kept.body.actions[0]).toMatchObject({ interventionId: MST });
    const refused = await t.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', elevhalsa)
      .set('if-match', kept.headers.etag)
      .send({
        goals: [],
        actions: [action({ id: created.body.actions[0].id, interventionId: MST }), action({ interventionId: MST })],
      })
      .expect(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['actions.1.interventionId']);
    // Taking it away is a change of the action.
    const cleared = await t.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', elevhalsa)
      .set('if-match', kept.headers.etag)
      .send({ goals: [], actions: [action({ id: created.body.actions[0].id })] })
      .expect(200);
    expect(cleared.body.actions[0].interventionId).toBeNull();
    await t.http
      .patch(`${API}/interventions/${MST}`)
      .set('authorization', adminKommun)
      .send({ active: true })
      .expect(200);
  });
});
