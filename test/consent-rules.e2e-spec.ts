import { addDays, addMonths, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { ReminderSweep } from '@app/notifications';
import { Given, givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const HAB = demoId('agency:hab');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const HAB_WORKER = demoId('user:hab@regionjh.demo');

/**
 * Issue 14's consent findings, each reproduced: consent on closed cases and its validity, names
 * shown to an agency without the case summary, notifications after consent ends, the coordinator
 * alone editing plan and consents, and what an agency's timeline shows of the others.
 */
describe('consent and what an outside agency sees', () => {
  let t: TestApp;
  let elevhalsa: string;
  let rektor: string;
  let soc: string;
  let bup: string;
  let hab: string;
  let pupils: string[];
  let given: Given;
  let refs = 0;

  const today = swedishDate();
  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);
  const post = (token: string, path: string, body: object = {}) =>
    t.http.post(`${API}${path}`).set('authorization', token).send(body);
  const newCase = () => given.case(pupils.shift()!, { reference: `T-CONSENT-${++refs}` });
  const giveConsent = (caseId: string, agencyId: string, body: Record<string, unknown> = {}) =>
    post(elevhalsa, `/cases/${caseId}/consents`, {
      agencyId,
      givenBy: 'guardian',
      givenByName: 'Vera Vårdnadshavare',
      scope: ['case_summary'],
      givenAt: today,
      ...body,
    });
  const close = (caseId: string) =>
    post(elevhalsa, `/cases/${caseId}/status`, { status: 'closed', outcome: 'other', reason: 'Avslutat' }).expect(200);
  const listed = async (token: string) =>
    (await get(token, '/cases?limit=500').expect(200)).body.items.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    [elevhalsa, rektor, soc, bup, hab] = await Promise.all(
      [
        'elevhalsa@storsjo.demo',
        'rektor@storsjo.demo',
        'soc@ostersund.demo',
        'bup@regionjh.demo',
        'hab@regionjh.demo',
      ].map((u) => bearer(t.http, u)),
    );
    pupils = await given.pupilIds(14);
  });
  afterAll(() => t.close());

  describe('consent on a closed case, and its validity (high)', () => {
    it('withdraws consent whatever the status, and closing ends an outside agency’s access', async () => {
      const caseId = await newCase();
      await given.invitation(caseId, SOC, { deadline: addDays(today, 7) });
      const consentGiven = await giveConsent(caseId, SOC).expect(201);
      await get(soc, `/cases/${caseId}`).expect(200);
      await close(caseId);
      // Closed: the case, its parts and the list are gone for the agency, though its consent is in force.
      for (const path of ['', '/timeline', '/consents', '/mobilisations', '/meetings', '/mapping', '/plan']) {
        await get(soc, `/cases/${caseId}${path}`).expect(404);
      }
      expect(await listed(soc)).not.toContain(caseId);
      // Its invitation stays in its inbox, without the pupil.
      const inbox = await get(soc, '/mobilisations?limit=500').expect(200);
      expect(inbox.body.items.find((i: { caseId: string }) => i.caseId === caseId).pupil).toBeNull();
      // The school still reads it, and the guardian may still take consent back.
      await get(rektor, `/cases/${caseId}`).expect(200);
      const withdrawn = await post(elevhalsa, `/cases/${caseId}/consents/${consentGiven.body.id}/withdraw`).expect(200);
      expect(withdrawn.body).toMatchObject({ inForce: false, withdrawnAt: expect.any(String) });
      // Giving new consent in a closed case stays refused.
      await giveConsent(caseId, SOC).expect(409);
    });

    it('lets an agency named in a recorded follow-up read that follow-up (only) while its consent is in force', async () => {
      const caseId = await newCase();
      for (const agency of [SOC, BUP]) {
        await given.invitation(caseId, agency, { deadline: addDays(today, 7) });
        await giveConsent(caseId, agency, { scope: ['case_summary', 'plan'] }).expect(201);
      }
      await close(caseId);
      // The 6-month follow-up is due today: record it, naming social services for new interventions.
      await t.db.query(`UPDATE case_follow_up SET due_on = $2 WHERE case_id = $1 AND months = 6`, [caseId, today]);
      await post(elevhalsa, `/cases/${caseId}/follow-ups/6`, {
        schoolOrWork20h: false,
        newInterventions: ['social_services'],
      }).expect(201);
      const seen = await get(soc, `/cases/${caseId}/follow-ups`).expect(200);
      expect(seen.body.items.map((f: { months: number }) => f.months)).toEqual([6]);
      // BUP is not named: the closed case is closed to it. The rest of the case stays closed to both.
      await get(bup, `/cases/${caseId}/follow-ups`).expect(404);
      await get(soc, `/cases/${caseId}`).expect(404);
      await get(soc, `/cases/${caseId}/plan`).expect(404);
      // The school sees both follow-ups.
      expect((await get(elevhalsa, `/cases/${caseId}/follow-ups`).expect(200)).body.items).toHaveLength(2);
      // Once the consent is withdrawn, the follow-up is closed to social services too.
      const { rows } = await t.db.query(`SELECT id FROM consent WHERE case_id = $1 AND agency_id = $2`, [caseId, SOC]);
      await post(elevhalsa, `/cases/${caseId}/consents/${rows[0].id}/withdraw`).expect(200);
      await get(soc, `/cases/${caseId}/follow-ups`).expect(404);
    });

    it('gives consent without an end date the default validity, and refuses one past the maximum', async () => {
      const caseId = await newCase();
      const defaulted = await giveConsent(caseId, SOC).expect(201);
      expect(defaulted.body.validUntil).toBe(addMonths(today, 12));
      const givenAt = addDays(today, -10);
      const tooLong = await giveConsent(caseId, BUP, {
        givenAt,
        validUntil: addDays(addMonths(givenAt, 24), 1),
      }).expect(422);
      expect(tooLong.body.errors).toEqual([
        { field: 'validUntil', code: expect.any(String), message: expect.stringContaining('24 months') },
      ]);
      const longest = await giveConsent(caseId, BUP, { givenAt, validUntil: addMonths(givenAt, 24) }).expect(201);
      expect(longest.body.validUntil).toBe(addMonths(givenAt, 24));
      // Every consent in the database has an end: the column refuses none.
      // A raw INSERT on purpose: the database's refusal is the subject.
      await expect(
        t.db.query(
          `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, recorded_by)
           VALUES ($1, $2, 'guardian', 'X', '{case_summary}', current_date, $3)`,
          [caseId, HAB, ELEVHALSA],
        ),
      ).rejects.toThrow(/valid_until/);
    });
  });

  describe('names shown to an outside agency (medium)', () => {
    let caseId: string;
    let actionId: string;
    let etag: string;
    let pupil: { first_name: string; last_name: string };

    beforeAll(async () => {
      caseId = await newCase();
      const { rows } = await t.db.query(
        `SELECT s.first_name, s.last_name FROM student s JOIN support_case c ON c.student_id = s.id WHERE c.id = $1`,
        [caseId],
      );
      pupil = rows[0];
      for (const agency of [SOC, HAB]) await given.invitation(caseId, agency, { deadline: addDays(today, 7) });
      // Social services sees the plan only; habilitation the summary and the plan.
      await giveConsent(caseId, SOC, { scope: ['plan'], givenByName: 'Greta Guardian' }).expect(201);
      await giveConsent(caseId, HAB, { scope: ['case_summary', 'plan'], givenByName: 'Greta Guardian' }).expect(201);
      const plan = await t.http
        .put(`${API}/cases/${caseId}/plan`)
        .set('authorization', elevhalsa)
        .send({
          goals: [{ text: 'Eleven är i skolan varje dag.' }],
          actions: [{ description: 'Familjesamtal.', agencyId: SOC, dueDate: addDays(today, 30), status: 'planned' }],
        })
        .expect(201);
      actionId = plan.body.actions[0].id;
      const agreed = await t.http
        .post(`${API}/cases/${caseId}/plan/agreements`)
        .set('authorization', elevhalsa)
        .set('if-match', plan.headers.etag)
        .send({
          participants: [
            { participant: 'pupil', name: `${pupil.first_name} ${pupil.last_name}` },
            { participant: 'guardian', name: 'Greta Guardian' },
            { participant: 'agency', agencyId: SOC, name: 'Sam Socialsekreterare' },
          ],
          agreedAt: new Date(Date.now() - 60_000).toISOString(),
        })
        .expect(201);
      etag = agreed.body.actions[0].etag;
    });

    const secrets = () => [pupil.first_name, pupil.last_name, 'Greta Guardian'];
    const expectNoNames = (body: unknown) => {
      const text = JSON.stringify(body);
      for (const secret of secrets()) expect(text).not.toContain(secret);
    };

    it('keeps the family’s names from an agency whose consent lacks case_summary', async () => {
      const plan = await get(soc, `/cases/${caseId}/plan`).expect(200);
      expect(
        plan.body.agreements.map((a: { participant: string; name: string | null }) => [a.participant, a.name]),
      ).toEqual([
        ['pupil', null],
        ['guardian', null],
        ['agency', 'Sam Socialsekreterare'],
      ]);
      expectNoNames(plan.body);
      expectNoNames((await get(soc, `/cases/${caseId}/plan/versions/${plan.body.version}`).expect(200)).body);
      expectNoNames((await get(soc, `/cases/${caseId}/plan/versions`).expect(200)).body);
      const consents = await get(soc, `/cases/${caseId}/consents`).expect(200);
      expect(consents.body.items).toEqual([expect.objectContaining({ agencyId: SOC, givenByName: null })]);
      expectNoNames(consents.body);
      expectNoNames((await get(soc, '/actions?agency=true&limit=500').expect(200)).body);
      expectNoNames((await get(soc, `/cases/${caseId}`).expect(200)).body);
      // Its own action's update answers with the plan: no names there either.
      const updated = await t.http
        .patch(`${API}/cases/${caseId}/plan/actions/${actionId}`)
        .set('authorization', soc)
        .set('if-match', etag)
        .send({ status: 'in_progress' })
        .expect(200);
      expectNoNames(updated.body);
      const html = await get(soc, `/cases/${caseId}/plan.html`).expect(200);
      for (const secret of secrets()) expect(html.text).not.toContain(secret);
      // The notifications the agency got say the reference only.
      expectNoNames((await get(soc, '/notifications?limit=500').expect(200)).body);
    });

    it('shows them with case_summary, and the school sees them all', async () => {
      const plan = await get(hab, `/cases/${caseId}/plan`).expect(200);
      expect(plan.body.agreements.map((a: { name: string }) => a.name)).toEqual([
        `${pupil.first_name} ${pupil.last_name}`,
        'Greta Guardian',
        'Sam Socialsekreterare',
      ]);
      const consents = await get(hab, `/cases/${caseId}/consents`).expect(200);
      expect(consents.body.items[0].givenByName).toBe('Greta Guardian');
      const school = await get(rektor, `/cases/${caseId}/consents`).expect(200);
      expect(school.body.items.map((c: { givenByName: string }) => c.givenByName)).toEqual([
        'Greta Guardian',
        'Greta Guardian',
      ]);
    });

    it('never shows guardians’ names to an outside agency under protected identity', async () => {
      await t.db.query(
        `UPDATE student SET protected_identity = true WHERE id = (SELECT student_id FROM support_case WHERE id = $1)`,
        [caseId],
      );
      try {
        const plan = await get(hab, `/cases/${caseId}/plan`).expect(200);
        expect(plan.body.agreements.map((a: { name: string | null }) => a.name)).toEqual([
          `${pupil.first_name} ${pupil.last_name}`,
          null,
          'Sam Socialsekreterare',
        ]);
        const version = await get(hab, `/cases/${caseId}/plan/versions/${plan.body.version}`).expect(200);
        expect(JSON.stringify(version.body)).not.toContain('Greta Guardian');
        const consents = await get(hab, `/cases/${caseId}/consents`).expect(200);
        expect(consents.body.items[0].givenByName).toBeNull();
        const html = await get(hab, `/cases/${caseId}/plan.html`).expect(200);
        expect(html.text).not.toContain('Greta Guardian');
        expect(html.text).toContain(pupil.last_name);
        // The school's coordinators still see who agreed and who gave consent.
        const school = await get(elevhalsa, `/cases/${caseId}/plan`).expect(200);
        expect(school.body.agreements.map((a: { name: string }) => a.name)).toContain('Greta Guardian');
      } finally {
        await t.db.query(
          `UPDATE student SET protected_identity = false WHERE id = (SELECT student_id FROM support_case WHERE id = $1)`,
          [caseId],
        );
      }
    });
  });

  describe('notifications when consent ends (low)', () => {
    const sent = async (kind: string, caseId: string) =>
      (
        await t.db.query(`SELECT recipient_id FROM notification WHERE kind = $1 AND case_id = $2 ORDER BY 1`, [
          kind,
          caseId,
        ])
      ).rows.map((r: { recipient_id: string }) => r.recipient_id);

    it('sends no reminder to an agency whose consent has ended, though the action is still its own', async () => {
      const caseId = await newCase();
      await given.invitation(caseId, HAB, { deadline: addDays(today, 7) });
      const consent = await giveConsent(caseId, HAB, { scope: ['case_summary', 'plan'] }).expect(201);
      await t.http
        .put(`${API}/cases/${caseId}/plan`)
        .set('authorization', elevhalsa)
        .send({
          goals: [{ text: 'Eleven är i skolan varje dag.' }],
          actions: [
            {
              description: 'Utredning.',
              agencyId: HAB,
              responsibleUserId: HAB_WORKER,
              dueDate: addDays(today, 1),
              status: 'planned',
            },
          ],
        })
        .expect(201);
      expect(await sent('action.assigned', caseId)).toEqual([HAB_WORKER]);
      await post(elevhalsa, `/cases/${caseId}/consents/${consent.body.id}/withdraw`).expect(200);
      // The withdrawal itself is told to the agency whose consent it was, and to nobody else outside.
      expect(await sent('consent.withdrawn', caseId)).toEqual([HAB_WORKER]);
      await t.app.get(ReminderSweep).run(new Date());
      expect(await sent('action.due-soon', caseId)).toEqual([]);
    });

    it('does not tell an agency without consent in force of an action given to it', async () => {
      const caseId = await newCase();
      await given.invitation(caseId, HAB, { deadline: addDays(today, 7) });
      await t.http
        .put(`${API}/cases/${caseId}/plan`)
        .set('authorization', elevhalsa)
        .send({
          goals: [{ text: 'Eleven är i skolan varje dag.' }],
          actions: [{ description: 'Utredning.', agencyId: HAB, dueDate: addDays(today, 20), status: 'planned' }],
        })
        .expect(201);
      expect(await sent('action.assigned', caseId)).toEqual([]);
      // The invitation itself still reaches it: it is what an agency sees before consent.
      await post(elevhalsa, `/cases/${caseId}/mobilisations`, { agencyId: SOC }).expect(201);
      expect(await sent('mobilisation.invited', caseId)).toEqual([demoId('user:soc@ostersund.demo')]);
    });

    it('stops reminders when consent expires, on the day after its last valid day', async () => {
      const caseId = await newCase();
      await given.invitation(caseId, HAB, { deadline: addDays(today, 7) });
      await giveConsent(caseId, HAB, { scope: ['plan'], validUntil: addDays(today, 1) }).expect(201);
      await t.http
        .put(`${API}/cases/${caseId}/plan`)
        .set('authorization', elevhalsa)
        .send({
          goals: [{ text: 'Mål.' }],
          actions: [{ description: 'Samtal.', agencyId: HAB, dueDate: addDays(today, 3), status: 'planned' }],
        })
        .expect(201);
      // Two days on, the action is due within two days but the consent ended yesterday.
      await t.app.get(ReminderSweep).run(new Date(`${addDays(today, 2)}T11:00:00Z`));
      expect(await sent('action.due-soon', caseId)).toEqual([]);
    });
  });

  describe('the coordinator edits the plan and the consents (low)', () => {
    let caseId: string;
    let otherCoordinator: string;

    beforeAll(async () => {
      ({ id: otherCoordinator } = await given.user({
        agency: STORSJO,
        roles: ['elevhalsa'],
        username: 'kurator2@storsjo.demo',
        displayName: 'Kim Kurator',
        passwordHash: 'not-a-hash',
      }));
      caseId = await newCase();
      await t.db.query(`UPDATE support_case SET coordinator_id = $2 WHERE id = $1`, [caseId, otherCoordinator]);
      await given.invitation(caseId, SOC, { deadline: addDays(today, 7) });
    });

    it('refuses the school’s other elevhälsa (403, logged) for plan and consent', async () => {
      await t.http
        .put(`${API}/cases/${caseId}/plan`)
        .set('authorization', elevhalsa)
        .send({ goals: [{ text: 'Mål.' }], actions: [] })
        .expect(403);
      await giveConsent(caseId, SOC).expect(403);
      const consentId = await given.consent(caseId, SOC, { scope: ['case_summary'] });
      await post(elevhalsa, `/cases/${caseId}/consents/${consentId}/withdraw`).expect(403);
      await t.http
        .post(`${API}/cases/${caseId}/plan/agreements`)
        .set('authorization', elevhalsa)
        .set('if-match', '"1"')
        .send({ participants: [{ participant: 'pupil', name: 'Eleven' }], agreedAt: new Date().toISOString() })
        .expect(403);
      const denied = await t.db.query(
        `SELECT action FROM access_log WHERE user_id = $1 AND outcome = 'denied' AND $2 = ANY (subject_ids) ORDER BY id`,
        [ELEVHALSA, caseId],
      );
      expect(denied.rows.map((r: { action: string }) => r.action)).toEqual([
        'plan.write',
        'consent.give',
        'consent.withdraw',
        'plan.agree',
      ]);
      // Reading stays open to the school's elevhälsa and principal.
      await get(elevhalsa, `/cases/${caseId}/consents`).expect(200);
    });

    it('lets the principal or elevhälsa hand the case over, and then the new coordinator edits', async () => {
      const handed = await post(rektor, `/cases/${caseId}/coordinator`, { coordinatorId: ELEVHALSA }).expect(200);
      expect(handed.body.coordinator.id).toBe(ELEVHALSA);
      await giveConsent(caseId, SOC).expect(201);
      await t.http
        .put(`${API}/cases/${caseId}/plan`)
        .set('authorization', elevhalsa)
        .send({ goals: [{ text: 'Mål.' }], actions: [] })
        .expect(201);
      // And elevhälsa, not coordinating, may hand it back.
      await t.db.query(`UPDATE support_case SET coordinator_id = $2 WHERE id = $1`, [caseId, otherCoordinator]);
      await post(elevhalsa, `/cases/${caseId}/coordinator`, { coordinatorId: ELEVHALSA }).expect(200);
      // The principal still neither edits the plan nor records consent.
      await giveConsent(caseId, BUP).expect(201);
      await t.http
        .post(`${API}/cases/${caseId}/consents`)
        .set('authorization', rektor)
        .send({ agencyId: HAB, givenBy: 'pupil', givenByName: 'Eleven', scope: ['plan'], givenAt: today })
        .expect(403);
    });
  });

  describe('what an agency’s timeline shows of other agencies (low)', () => {
    it('lists its own consents and invitations and the shared events, not the others’', async () => {
      const caseId = await newCase();
      await given.event(caseId, 'case.opened');
      for (const agency of [SOC, BUP]) {
        await post(elevhalsa, `/cases/${caseId}/mobilisations`, { agencyId: agency }).expect(201);
        await giveConsent(caseId, agency, {
          scope: agency === BUP ? ['case_summary', 'health_notes'] : ['case_summary'],
        }).expect(201);
      }
      const kinds = async (token: string) =>
        (await get(token, `/cases/${caseId}/timeline?limit=500`).expect(200)).body.items.map(
          (e: { kind: string; data: { agencyId?: string } }) => [e.kind, e.data.agencyId ?? null],
        );
      expect(await kinds(soc)).toEqual([
        ['case.opened', null],
        ['mobilisation.invited', SOC],
        ['consent.given', SOC],
      ]);
      const socTimeline = JSON.stringify((await get(soc, `/cases/${caseId}/timeline?limit=500`)).body);
      expect(socTimeline).not.toContain(BUP);
      expect(socTimeline).not.toContain('health_notes');
      expect(await kinds(bup)).toEqual([
        ['case.opened', null],
        ['mobilisation.invited', BUP],
        ['consent.given', BUP],
      ]);
      expect(await kinds(elevhalsa)).toHaveLength(5);
    });
  });
});
