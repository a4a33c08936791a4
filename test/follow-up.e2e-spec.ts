import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { Given, givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');
const SOC = demoId('agency:soc');
const HAB = demoId('agency:hab');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const SOC_WORKER = demoId('user:soc@ostersund.demo');

describe('reviews, follow-ups, the printable plan and outcome statistics', () => {
  let t: TestApp;
  let elevhalsa: string;
  let rektor: string;
  let mentor: string;
  let parkElevhalsa: string;
  let soc: string;
  let bup: string;
  let hab: string;
  let adminKommun: string;
  let adminRegion: string;
  let pupils: string[];
  let given: Given;

  const today = swedishDate();
  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);
  const post = (token: string, path: string, body: object = {}) =>
    t.http.post(`${API}${path}`).set('authorization', token).send(body);
  const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).rows[0].n as number;

  const openCase = async (studentId: string): Promise<string> =>
    (await post(elevhalsa, '/cases', { studentId }).expect(201)).body.id;

  /** A plan by SQL (the plan endpoints are another module's), its first version on `startedOn` at noon. */
  const insertPlan = (caseId: string, startedOn: string, fields: Parameters<Given['plan']>[1] = {}) =>
    given.plan(caseId, { ...fields, startedOn, withVersion: true });
  const mobilise = (caseId: string, agencyId: string) => given.invitation(caseId, agencyId);
  const consent = (caseId: string, agencyId: string, scope: string[]) => given.consent(caseId, agencyId, { scope });

  /** Replaces the pupil's attendance with these days: [day, offered, valid, invalid]. */
  const setAttendance = (studentId: string, days: [string, number, number, number][]) => given.days(studentId, days);

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
    pupils = (await given.pupils(6)).map((p) => p.id);
  });
  afterAll(() => t.close());

  describe('reviews and follow-ups', () => {
    const planStart = addDays(today, -35);
    let caseId: string;
    let studentId: string;

    beforeAll(async () => {
      studentId = pupils[0];
      caseId = await openCase(studentId);
      await insertPlan(caseId, planStart);
      await setAttendance(studentId, [
        // Outside both periods: must not count.
        [addDays(planStart, -30), 300, 300, 0],
        // Before the plan (the 4 weeks up to the day before it started): 240 of 600 absent → 60.0 %.
        [addDays(planStart, -10), 300, 60, 90],
        [addDays(planStart, -3), 300, 0, 90],
        // The plan's first day is in neither period.
        [planStart, 300, 300, 0],
        // The 4 weeks up to today: 45 of 660 absent = 6.8 % → 93.2 %.
        [addDays(today, -20), 360, 0, 25],
        [addDays(today, -5), 300, 20, 0],
      ]);
    });

    it('computes attendance before the plan and up to the review from attendance data', async () => {
      const res = await post(elevhalsa, `/cases/${caseId}/reviews`, {
        reviewedOn: today,
        goalReached: true,
        decisions: 'Fortsätt med morgonstödet.',
      }).expect(201);
      expect(res.body).toMatchObject({
        caseId,
        reviewedOn: today,
        before: { from: addDays(planStart, -28), to: addDays(planStart, -1), attendancePercent: 60 },
        after: { from: addDays(today, -27), to: today, attendancePercent: 93.2 },
        goalReached: true,
        decisions: 'Fortsätt med morgonstödet.',
        recordedBy: { id: ELEVHALSA },
      });
      // A short period right after the start: the after-period starts no earlier than the plan.
      const early = await post(elevhalsa, `/cases/${caseId}/reviews`, {
        reviewedOn: addDays(planStart, 5),
        goalReached: false,
        periodWeeks: 2,
      }).expect(201);
      expect(early.body.before).toEqual({
        from: addDays(planStart, -14),
        to: addDays(planStart, -1),
        attendancePercent: 60,
      });
      expect(early.body.after).toEqual({ from: planStart, to: addDays(planStart, 5), attendancePercent: 0 });

      const list = await get(rektor, `/cases/${caseId}/reviews`).expect(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([early.body.id, res.body.id]);
      const { rows: events } = await t.db.query(
        `SELECT data FROM case_event WHERE case_id = $1 AND kind = 'plan.reviewed' ORDER BY id`,
        [caseId],
      );
      expect(events.map((e) => e.data)).toEqual([
        { reviewId: res.body.id, goalReached: true },
        { reviewId: early.body.id, goalReached: false },
      ]);
    });

    it('refuses bad reviews with problem details and writes nothing', async () => {
      const before = await count(`SELECT count(*)::int AS n FROM plan_review WHERE case_id = $1`, [caseId]);
      const future = await post(elevhalsa, `/cases/${caseId}/reviews`, {
        reviewedOn: addDays(today, 1),
        goalReached: true,
      }).expect(422);
      expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'reviewedOn' })]);
      await post(elevhalsa, `/cases/${caseId}/reviews`, {
        reviewedOn: addDays(planStart, -1),
        goalReached: true,
      }).expect(422);
      const unreal = await post(elevhalsa, `/cases/${caseId}/reviews`, {
        reviewedOn: '2026-02-30',
        goalReached: true,
      }).expect(400);
      expect(unreal.body.errors).toEqual([expect.objectContaining({ field: 'reviewedOn' })]);
      await post(elevhalsa, `/cases/${caseId}/reviews`, { reviewedOn: today }).expect(400);
      await post(elevhalsa, `/cases/${caseId}/reviews`, {
        reviewedOn: today,
        goalReached: true,
        periodWeeks: 0,
      }).expect(400);
      // The principal reads but does not record; other schools and agencies don't see the case.
      await post(rektor, `/cases/${caseId}/reviews`, { reviewedOn: today, goalReached: true }).expect(403);
      await post(parkElevhalsa, `/cases/${caseId}/reviews`, { reviewedOn: today, goalReached: true }).expect(404);
      await get(parkElevhalsa, `/cases/${caseId}/reviews`).expect(404);
      await get(mentor, `/cases/${caseId}/reviews`).expect(403);
      expect(await count(`SELECT count(*)::int AS n FROM plan_review WHERE case_id = $1`, [caseId])).toBe(before);
    });

    it('lets an outside agency read reviews only with consent scope plan', async () => {
      await mobilise(caseId, SOC);
      await consent(caseId, SOC, ['case_summary']);
      await get(soc, `/cases/${caseId}/reviews`).expect(403);
      await get(soc, `/cases/${caseId}/follow-ups`).expect(403);
      // The refusals are logged as denials.
      const denied = await count(
        `SELECT count(*)::int AS n FROM access_log WHERE outcome = 'denied' AND agency_id = $1 AND $2 = ANY (subject_ids)`,
        [SOC, caseId],
      );
      expect(denied).toBe(2);
      await consent(caseId, SOC, ['plan']);
      const reviews = await get(soc, `/cases/${caseId}/reviews`).expect(200);
      // Attendance figures need the attendance scope too.
      expect(reviews.body.items.length).toBeGreaterThan(0);
      for (const r of reviews.body.items) {
        expect([r.before.attendancePercent, r.after.attendancePercent]).toEqual([null, null]);
      }
      await consent(caseId, SOC, ['attendance']);
      const withFigures = await get(soc, `/cases/${caseId}/reviews`).expect(200);
      expect(
        withFigures.body.items.some(
          (r: { after: { attendancePercent: number | null } }) => r.after.attendancePercent !== null,
        ),
      ).toBe(true);
      await get(bup, `/cases/${caseId}/reviews`).expect(404);
    });

    it('refuses a follow-up before closure', async () => {
      await post(elevhalsa, `/cases/${caseId}/follow-ups/6`, { schoolOrWork20h: true, newInterventions: [] }).expect(
        409,
      );
      expect(await count(`SELECT count(*)::int AS n FROM case_follow_up WHERE case_id = $1`, [caseId])).toBe(0);
    });

    it('schedules exactly two follow-ups, 6 and 18 months after closure, and closes the reviews', async () => {
      await post(elevhalsa, `/cases/${caseId}/status`, {
        status: 'closed',
        outcome: 'attendance_recovered',
        reason: 'Närvaron är tillbaka.',
      }).expect(200);
      const { rows } = await t.db.query(
        `SELECT months, to_char(due_on, 'YYYY-MM-DD') AS due_on, recorded_at,
                to_char(($2::date + interval '6 months'), 'YYYY-MM-DD') AS six,
                to_char(($2::date + interval '18 months'), 'YYYY-MM-DD') AS eighteen
           FROM case_follow_up WHERE case_id = $1 ORDER BY months`,
        [caseId, today],
      );
      expect(rows.map((r) => [r.months, r.due_on, r.recorded_at])).toEqual([
        [6, rows[0].six, null],
        [18, rows[0].eighteen, null],
      ]);
      expect(
        await count(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'follow_up.scheduled'`, [
          caseId,
        ]),
      ).toBe(2);
      const list = await get(elevhalsa, `/cases/${caseId}/follow-ups`).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ months: 6, dueOn: rows[0].six, recordableFrom: addDays(rows[0].six, -14) }),
        expect.objectContaining({ months: 18, dueOn: rows[0].eighteen, recordedAt: null }),
      ]);

      const reviews = await count(`SELECT count(*)::int AS n FROM plan_review WHERE case_id = $1`, [caseId]);
      const closed = await post(elevhalsa, `/cases/${caseId}/reviews`, { reviewedOn: today, goalReached: true });
      expect(closed.status).toBe(409);
      expect(closed.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await count(`SELECT count(*)::int AS n FROM plan_review WHERE case_id = $1`, [caseId])).toBe(reviews);
    });

    it('records a follow-up from 14 days before it is due, computing attendance, once', async () => {
      const body = { schoolOrWork20h: true, newInterventions: ['bup'], note: 'Går i skolan varje dag.' };
      const early = await post(elevhalsa, `/cases/${caseId}/follow-ups/6`, body).expect(422);
      expect(early.body.recordableFrom).toEqual(expect.any(String));
      await post(elevhalsa, `/cases/${caseId}/follow-ups/7`, body).expect(400);
      await post(elevhalsa, `/cases/${caseId}/follow-ups/6`, { ...body, newInterventions: ['police'] }).expect(400);
      await post(soc, `/cases/${caseId}/follow-ups/6`, body).expect(403);
      await post(rektor, `/cases/${caseId}/follow-ups/6`, body).expect(403);

      await t.db.query(`UPDATE case_follow_up SET due_on = $2::date WHERE case_id = $1 AND months = 6`, [
        caseId,
        addDays(today, 14),
      ]);
      const recorded = await post(elevhalsa, `/cases/${caseId}/follow-ups/6`, body).expect(201);
      expect(recorded.body).toMatchObject({
        months: 6,
        attendancePercent: 93.2,
        schoolOrWork20h: true,
        newInterventions: ['bup'],
        note: 'Går i skolan varje dag.',
        recordedBy: { id: ELEVHALSA },
        recordedAt: expect.any(String),
      });
      const twice = await post(elevhalsa, `/cases/${caseId}/follow-ups/6`, { ...body, schoolOrWork20h: false });
      expect(twice.status).toBe(409);
      await post(elevhalsa, `/cases/${caseId}/follow-ups/18`, body).expect(422);
      const { rows } = await t.db.query(
        `SELECT months, school_or_work_20h, recorded_at IS NOT NULL AS recorded FROM case_follow_up WHERE case_id = $1 ORDER BY months`,
        [caseId],
      );
      expect(rows).toEqual([
        { months: 6, school_or_work_20h: true, recorded: true },
        { months: 18, school_or_work_20h: null, recorded: false },
      ]);
      const { rows: events } = await t.db.query(
        `SELECT data FROM case_event WHERE case_id = $1 AND kind = 'follow_up.recorded'`,
        [caseId],
      );
      expect(events.map((e) => e.data)).toEqual([{ followUpId: recorded.body.id, months: 6 }]);
      // Closing ended social services' access: the follow-up names BUP, not it (consent-rules covers the named case).
      await get(soc, `/cases/${caseId}/follow-ups`).expect(404);
    });
  });

  describe('the printable plan', () => {
    let caseId: string;
    let studentId: string;
    let pupil: { first_name: string; last_name: string; personnummer: string };
    let guardians: { name: string; phone: string | null; email: string | null }[];

    beforeAll(async () => {
      studentId = pupils[1];
      caseId = await openCase(studentId);
      pupil = (await t.db.query(`SELECT first_name, last_name, personnummer FROM student WHERE id = $1`, [studentId]))
        .rows[0];
      await given.guardian(studentId, { name: 'Greta Testsson', phone: '070-1740699', email: 'greta@exempel.se' });
      guardians = (await t.db.query(`SELECT name, phone, email FROM guardian WHERE student_id = $1`, [studentId])).rows;
      const planId = await insertPlan(caseId, addDays(today, -3), {
        pupilView: 'Jag vill börja på morgonen med något jag tycker om.',
        guardianView: 'Vi vill ha tätare kontakt med mentor & skolan.',
        reviewDates: [addDays(today, 30), addDays(today, 60)],
      });
      await given.goal(planId, {
        text: '<script>alert("x")</script> Eleven är i skolan',
        targetPercent: 80,
        targetDate: addDays(today, 42),
      });
      await given.action(planId, caseId, {
        position: 1,
        description: 'Samtal med familjen varje vecka',
        agency: SOC,
        responsible: SOC_WORKER,
        startDate: today,
        dueDate: addDays(today, 28),
        status: 'in_progress',
      });
      await given.action(planId, caseId, { position: 2, description: 'Anpassat schema', dueDate: addDays(today, 28) });
      await given.agreement(planId, { participant: 'pupil', name: `${pupil.first_name} ${pupil.last_name}` });
      await given.agreement(planId, { participant: 'agency', agency: SOC, name: 'Sara Socialsekreterare' });
      await mobilise(caseId, SOC);
      await consent(caseId, SOC, ['plan']);
      await mobilise(caseId, HAB);
      await consent(caseId, HAB, ['case_summary', 'mapping']);
    });

    it('prints the plan in Swedish for the school, escaped, without contact details', async () => {
      const res = await get(elevhalsa, `/cases/${caseId}/plan.html`).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = res.text;
      expect(html).toContain('<html lang="sv">');
      expect(html).toContain('Samordnad plan');
      expect(html).toContain('@media screen');
      expect(html).toContain(`${pupil.first_name} ${pupil.last_name}`);
      expect(html).toContain(`${pupil.personnummer.slice(0, 8)}-****`);
      expect(html).not.toContain(pupil.personnummer);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Eleven är i skolan');
      expect(html).not.toContain('<script');
      expect(html).toContain('närvaro minst 80 %');
      expect(html).toContain('Pågår');
      expect(html).toContain('Planerad');
      expect(html).toContain('Socialtjänsten Östersund');
      expect(html).toContain('Elevens egna ord');
      expect(html).toContain('tätare kontakt med mentor &amp; skolan');
      expect(html).toContain(addDays(today, 60));
      expect(html).toContain('Sara Socialsekreterare');
      for (const g of guardians) {
        expect(html).toContain(g.name);
        if (g.phone) expect(html).not.toContain(g.phone);
        if (g.email) expect(html).not.toContain(g.email);
      }
      await get(rektor, `/cases/${caseId}/plan.html`).expect(200);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM access_log WHERE action = 'plan.print' AND $1 = ANY (subject_ids) AND outcome = 'allowed'`,
          [caseId],
        ),
      ).toBe(2);
    });

    it('hides the pupil from an agency without case_summary and refuses those without plan', async () => {
      const res = await get(soc, `/cases/${caseId}/plan.html`).expect(200);
      expect(res.text).toContain('Samordnad plan');
      expect(res.text).not.toContain(pupil.last_name);
      expect(res.text).not.toContain(pupil.personnummer.slice(0, 8));
      for (const g of guardians) expect(res.text).not.toContain(g.name);
      expect(res.text).toContain('Eleven');
      const hidden = await get(hab, `/cases/${caseId}/plan.html`).expect(403);
      expect(hidden.headers['content-type']).toMatch(/application\/problem\+json/);
      await get(bup, `/cases/${caseId}/plan.html`).expect(404);
      await get(parkElevhalsa, `/cases/${caseId}/plan.html`).expect(404);
      await get(mentor, `/cases/${caseId}/plan.html`).expect(403);
    });

    it('never prints guardians of a pupil with protected identity, and 404 without a plan', async () => {
      await t.db.query(`UPDATE student SET protected_identity = true WHERE id = $1`, [studentId]);
      const res = await get(elevhalsa, `/cases/${caseId}/plan.html`).expect(200);
      for (const g of guardians) {
        expect(res.text).not.toContain(g.name);
        if (g.phone) expect(res.text).not.toContain(g.phone);
      }
      await t.db.query(`UPDATE student SET protected_identity = false WHERE id = $1`, [studentId]);
      const noPlan = await openCase(pupils[2]);
      await get(elevhalsa, `/cases/${noPlan}/plan.html`).expect(404);
    });
  });

  describe('outcome statistics', () => {
    // Spring term 2021 (2021VT): 16 Jan–14 Aug 2021 with the default term dates.
    const from = '2021-01-16';
    const to = '2021-08-14';
    const period = 'term=2021VT';

    beforeAll(async () => {
      // 11 cases opened and closed in 2021VT at Storsjöskolan, each with a plan with an attendance goal.
      for (let i = 0; i < 11; i++) {
        const caseId = await given.case(await given.pupil(), {
          reference: `T-FU-STATS-${i}`,
          status: 'closed',
          openedAt: '2021-02-11 10:00+01',
          planAgreedAt: new Date(Date.parse('2021-02-11T10:00:00+01:00') + (10 + i) * 86_400_000),
          closedAt: '2021-04-15 10:00+02',
          outcome: 'attendance_recovered',
          closeReason: 'Klart',
        });
        const planId = await given.plan(caseId);
        await given.goal(planId, { text: 'Närvaro', targetPercent: 80 });
        await given.review(caseId, {
          reviewedOn: '2021-03-01',
          before: ['2021-01-01', '2021-01-28'],
          after: ['2021-02-01', '2021-03-01'],
          goalReached: i < 5,
        });
        const interventions = [...(i < 5 ? ['social_services'] : []), ...(i === 0 ? ['bup'] : [])];
        await given.followUp(caseId, {
          months: 6,
          dueOn: '2021-10-15',
          recordedAt: '2021-10-15 12:00+02',
          attendancePercent: 50 + i,
          schoolOrWork20h: i < 6,
          newInterventions: interventions,
        });
        await given.followUp(
          caseId,
          i < 3
            ? {
                months: 18,
                dueOn: '2022-10-15',
                recordedAt: '2022-10-15 12:00+02',
                attendancePercent: 90,
                schoolOrWork20h: true,
                newInterventions: [],
              }
            : { months: 18, dueOn: '2022-10-15' },
        );
      }
      // Two cases still in their plan, opened in the next term (2021HT): a small cell.
      for (const [n, studentId] of pupils.slice(4, 6).entries()) {
        await given.case(studentId, {
          reference: `T-FU-STATS-ACTIVE-${n}`,
          status: 'plan_active',
          openedAt: '2021-09-01 10:00+02',
        });
      }
    });

    const STORSJO_2021 = {
      casesByStatus: { open: null, mapping: null, plan_active: null, follow_up: null, closed: 11 },
      medianDaysToPlan: 15,
      plansWithAttendanceGoal: { count: 11, reached: 5, share: 0.455 },
      followUps: {
        '6': {
          recorded: 11,
          backInSchoolOrWork20h: 6,
          newInterventions: { social_services: 5, bup: null, habilitation: null, other: null },
          medianAttendancePercent: 55,
        },
        '18': {
          recorded: null,
          backInSchoolOrWork20h: null,
          newInterventions: { social_services: null, bup: null, habilitation: null, other: null },
          medianAttendancePercent: null,
        },
      },
    };

    it('counts cases and follow-ups of the period and suppresses every cell under 5 pupils', async () => {
      const res = await get(elevhalsa, `/stats/outcomes?${period}`).expect(200);
      expect(res.body).toEqual({
        organisationId: demoId('org:ostersund'),
        schoolId: STORSJO,
        term: '2021VT',
        from,
        to,
        terms: expect.any(Array),
        ...STORSJO_2021,
        leadTimes: expect.any(Array),
        suppressed: expect.any(Array),
      });
      // Lead times of the term in whole days: only opening → agreed plan has 5 pupils or more behind it.
      const measures = res.body.leadTimes.map((m: { measure: string }) => m.measure);
      expect(measures).toEqual([
        'signalToFlag',
        'signalToCaseOpened',
        'flagToCaseOpened',
        'openedToFirstAgencyAccepted',
        'openedToFirstMeeting',
        'openedToPlanAgreed',
        'signalToPlanAgreed',
      ]);
      for (const m of res.body.leadTimes as { measure: string; medianDays: number | null; p90Days: number | null }[]) {
        if (m.measure === 'openedToPlanAgreed') {
          expect(m.medianDays).toBe(STORSJO_2021.medianDaysToPlan);
          expect(Number.isInteger(m.p90Days)).toBe(true);
        } else {
          expect(m).toEqual({ measure: m.measure, medianDays: null, p90Days: null });
          expect(res.body.suppressed).toEqual(
            expect.arrayContaining([`leadTimes.${m.measure}.median`, `leadTimes.${m.measure}.p90`]),
          );
        }
      }
      expect([...res.body.suppressed.filter((name: string) => !name.startsWith('leadTimes.'))].sort()).toEqual(
        [
          'casesByStatus.open',
          'casesByStatus.mapping',
          'casesByStatus.plan_active',
          'casesByStatus.follow_up',
          'followUps.6.newInterventions.bup',
          'followUps.6.newInterventions.habilitation',
          'followUps.6.newInterventions.other',
          'followUps.18.recorded',
          'followUps.18.backInSchoolOrWork20h',
          'followUps.18.newInterventions.social_services',
          'followUps.18.newInterventions.bup',
          'followUps.18.newInterventions.habilitation',
          'followUps.18.newInterventions.other',
          'followUps.18.medianAttendancePercent',
        ].sort(),
      );
      // The principal gets the same; the municipality's admin the whole organisation (only Storsjö had cases).
      expect((await get(rektor, `/stats/outcomes?${period}`).expect(200)).body).toMatchObject(STORSJO_2021);
      const kommun = await get(adminKommun, `/stats/outcomes?${period}`).expect(200);
      expect(kommun.body).toMatchObject({ schoolId: null, ...STORSJO_2021 });
      const school = await get(adminKommun, `/stats/outcomes?${period}&schoolId=${STORSJO}`).expect(200);
      expect(school.body).toMatchObject({ schoolId: STORSJO, ...STORSJO_2021 });
    });

    it('suppresses a yes/no count whose complement is small, and all of a small group', async () => {
      // One more pupil back in school at 6 months: 7 yes, 4 no → the count would reveal the four.
      await t.db.query(
        `UPDATE case_follow_up SET school_or_work_20h = true
          WHERE months = 6 AND case_id = (SELECT id FROM support_case WHERE reference = 'T-FU-STATS-6')`,
      );
      const res = await get(elevhalsa, `/stats/outcomes?${period}`).expect(200);
      expect(res.body.followUps['6'].recorded).toBe(11);
      expect(res.body.followUps['6'].backInSchoolOrWork20h).toBeNull();
      expect(res.body.suppressed).toContain('followUps.6.backInSchoolOrWork20h');
      await t.db.query(
        `UPDATE case_follow_up SET school_or_work_20h = false
          WHERE months = 6 AND case_id = (SELECT id FROM support_case WHERE reference = 'T-FU-STATS-6')`,
      );
      // A term with only the two cases in their plan: everything under 5 is gone.
      const small = await get(elevhalsa, `/stats/outcomes?term=2021HT`).expect(200);
      expect(small.body).toMatchObject({ term: '2021HT', from: '2021-08-15', to: '2022-01-15' });
      expect(small.body.casesByStatus).toEqual({
        open: null,
        mapping: null,
        plan_active: null,
        follow_up: null,
        closed: null,
      });
      expect(small.body.plansWithAttendanceGoal).toBeNull();
      expect(small.body.suppressed).toContain('plansWithAttendanceGoal');
    });

    it('documents the period and the suppression rule in OpenAPI', async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body;
      const op = doc.paths['/api/v1/stats/outcomes'].get;
      expect(op.description).toContain('fewer than 5 pupils');
      expect(op.description).toContain('**closed** in the term');
      expect(op.description).toContain("organisation's figure minus the shown schools' figures");
      expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['schoolId', 'term']);
      for (const schema of ['OutcomeStatsDto', 'FollowUpStatsDto', 'ReviewDto', 'FollowUpDto']) {
        expect(doc.components.schemas[schema]).toBeDefined();
      }
      expect(Object.keys(doc.paths['/api/v1/cases/{id}/plan.html'].get.responses['200'].content)).toEqual([
        'text/html',
      ]);
    });

    it("shows each caller only its own organisation's or school's figures", async () => {
      const park = await get(parkElevhalsa, `/stats/outcomes?${period}`).expect(200);
      expect(park.body.schoolId).toBe(PARK);
      expect(park.body.casesByStatus.closed).toBeNull();
      expect(park.body.followUps['6'].recorded).toBeNull();
      // The region has no schools: its admin sees nothing of the municipality's cases.
      const region = await get(adminRegion, `/stats/outcomes?${period}`).expect(200);
      expect(region.body).toMatchObject({
        organisationId: demoId('org:regionjh'),
        schoolId: null,
        casesByStatus: { open: null, mapping: null, plan_active: null, follow_up: null, closed: null },
        medianDaysToPlan: null,
        plansWithAttendanceGoal: null,
        followUps: { '6': { recorded: null, medianAttendancePercent: null }, '18': { recorded: null } },
      });
      await get(adminRegion, `/stats/outcomes?${period}&schoolId=${STORSJO}`).expect(404);
      await get(elevhalsa, `/stats/outcomes?${period}&schoolId=${PARK}`).expect(403);
      await get(mentor, `/stats/outcomes?${period}`).expect(403);
      await get(soc, `/stats/outcomes?${period}`).expect(403);
    });
  });
});
