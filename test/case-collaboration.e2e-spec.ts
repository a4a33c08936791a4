import { addDays, addWorkingDays, isWorkingDay, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { Given, givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const HAB = demoId('agency:hab');
const SOC_WORKER = demoId('user:soc@ostersund.demo');
const BUP_WORKER = demoId('user:bup@regionjh.demo');
const HAB_WORKER = demoId('user:hab@regionjh.demo');

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The next 25 December (juldagen) after today: never a working day. */
function nextChristmas(): string {
  const today = swedishDate();
  const thisYear = `${today.slice(0, 4)}-12-25`;
  return thisYear > today ? thisYear : `${Number(today.slice(0, 4)) + 1}-12-25`;
}

/** The first Saturday after today. */
function nextSaturday(): string {
  let date = addDays(swedishDate(), 1);
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 6) date = addDays(date, 1);
  return date;
}

describe('case collaboration: mobilisation, meetings, mapping', () => {
  let t: TestApp;
  let elevhalsa: string;
  let rektor: string;
  let parkElevhalsa: string;
  let soc: string;
  let bup: string;
  let hab: string;
  let given: Given;
  let refs = 0;

  /** A fresh case for one Storsjö pupil, with the pupil's name for leak checks. */
  async function newCase() {
    const { id: studentId } = await given.pupil();
    const reference = `T-COLLAB-E2E-${++refs}`;
    const id = await given.case(studentId, { reference });
    const { rows } = await t.db.query(`SELECT first_name, last_name, class_name FROM student WHERE id = $1`, [
      studentId,
    ]);
    return { id, reference, firstName: rows[0].first_name, lastName: rows[0].last_name, className: rows[0].class_name };
  }

  const events = async (caseId: string, kind: string) =>
    (
      await t.db.query(
        `SELECT actor_id, agency_id, data FROM case_event WHERE case_id = $1 AND kind = $2 ORDER BY id`,
        [caseId, kind],
      )
    ).rows;

  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);
  const post = (token: string, path: string, body: object = {}) =>
    t.http.post(`${API}${path}`).set('authorization', token).send(body);
  const patch = (token: string, path: string, body: object) =>
    t.http.patch(`${API}${path}`).set('authorization', token).send(body);

  /** Every read and write of a case's collaboration an agency might try, with the statuses it gets. */
  async function agencyStatuses(token: string, caseId: string, meetingId: string, contributionId: string) {
    return {
      mobilisations: (await get(token, `/cases/${caseId}/mobilisations`)).status,
      meetings: (await get(token, `/cases/${caseId}/meetings`)).status,
      mapping: (await get(token, `/cases/${caseId}/mapping`)).status,
      addMapping: (await post(token, `/cases/${caseId}/mapping`, { section: 'school', text: 'x' })).status,
      editMapping: (await patch(token, `/cases/${caseId}/mapping/${contributionId}`, { text: 'y' })).status,
      minutes: (await patch(token, `/cases/${caseId}/meetings/${meetingId}`, { minutes: 'z' })).status,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    [elevhalsa, rektor, parkElevhalsa, soc, bup, hab] = await Promise.all(
      [
        'elevhalsa@storsjo.demo',
        'rektor@storsjo.demo',
        'elevhalsa@park.demo',
        'soc@ostersund.demo',
        'bup@regionjh.demo',
        'hab@regionjh.demo',
      ].map((u) => bearer(t.http, u)),
    );
  });
  afterAll(() => t.close());

  describe('mobilisation', () => {
    it('lists the agencies a coordinator may invite: every agency but the schools, by name; others 403', async () => {
      const res = await get(elevhalsa, '/partner-agencies').expect(200);
      expect(res.body).toEqual({
        items: [
          { id: BUP, name: 'BUP Östersund', type: 'bup' },
          { id: HAB, name: 'Habiliteringen Östersund', type: 'habilitation' },
          { id: SOC, name: 'Socialtjänsten Östersund', type: 'social_services' },
        ],
        nextCursor: null,
      });
      const first = await get(parkElevhalsa, '/partner-agencies?limit=2').expect(200);
      expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([BUP, HAB]);
      const rest = await get(parkElevhalsa, `/partner-agencies?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(rest.body).toEqual({ items: [expect.objectContaining({ id: SOC })], nextCursor: null });
      for (const token of [rektor, soc]) await get(token, '/partner-agencies').expect(403);
    });

    it('invites an agency with a default deadline of 5 working days and records it on the timeline', async () => {
      const c = await newCase();
      const res = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC, message: 'Välkomna.' }).expect(
        201,
      );
      const deadline = addWorkingDays(swedishDate(), 5);
      expect(isWorkingDay(deadline)).toBe(true);
      expect(res.body).toMatchObject({
        caseId: c.id,
        caseReference: c.reference,
        agency: { id: SOC, type: 'social_services' },
        school: { id: STORSJO, name: 'Storsjöskolan' },
        status: 'pending',
        overdue: false,
        deadline,
        message: 'Välkomna.',
        representative: null,
      });
      expect(await events(c.id, 'mobilisation.invited')).toEqual([
        {
          actor_id: demoId('user:elevhalsa@storsjo.demo'),
          agency_id: STORSJO,
          data: { mobilisationId: res.body.id, agencyId: SOC, deadline },
        },
      ]);
    });

    it('refuses inviting the same agency twice (409), also when two invitations race', async () => {
      const c = await newCase();
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(201);
      const again = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(409);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(again.body.errors).toEqual([{ field: 'agencyId', code: expect.any(String), message: 'already invited' }]);
      const race = await Promise.all(
        [1, 2].map(() => post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: BUP })),
      );
      expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM mobilisation WHERE case_id = $1`, [c.id]);
      expect(rows[0].n).toBe(2);
    });

    it('refuses a deadline on a holiday, a weekend or in the past, and a school or unknown agency (422)', async () => {
      const c = await newCase();
      for (const deadline of [nextChristmas(), nextSaturday(), swedishDate(), '2020-03-02']) {
        const res = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC, deadline }).expect(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'deadline' })]);
      }
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC, deadline: '2026-02-30' }).expect(400);
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC, deadline: '26-1-1' }).expect(400);
      for (const agencyId of [STORSJO, demoId('agency:nowhere')]) {
        const res = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId }).expect(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'agencyId' })]);
      }
      // An explicit working day is kept as given.
      const deadline = addWorkingDays(swedishDate(), 8);
      const ok = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC, deadline }).expect(201);
      expect(ok.body.deadline).toBe(deadline);
    });

    it('lets only the school elevhälsa invite: rektor 403, another school and agencies not in it 404', async () => {
      const c = await newCase();
      await post(rektor, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(403);
      await post(soc, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(403);
      await post(parkElevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(404);
      await post(elevhalsa, `/cases/${demoId('case:none')}/mobilisations`, { agencyId: SOC }).expect(404);
    });

    it('shows an invited agency without consent only neutral facts in its inbox, and nothing of the case', async () => {
      const c = await newCase();
      const invited = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: BUP }).expect(201);
      const inbox = await get(bup, '/mobilisations?status=pending').expect(200);
      const item = inbox.body.items.find((i: { id: string }) => i.id === invited.body.id);
      expect(item).toMatchObject({ caseReference: c.reference, school: { name: 'Storsjöskolan' }, pupil: null });
      expect(JSON.stringify(inbox.body)).not.toContain(c.lastName);
      // Nor in anyone else's inbox.
      for (const other of [soc, hab]) {
        const res = await get(other, '/mobilisations').expect(200);
        expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(invited.body.id);
      }
      // Pending but without consent: 404 on every read and write of the case.
      const meeting = await post(elevhalsa, `/cases/${c.id}/meetings`, {
        startsAt: inDays(3),
        place: 'Storsjöskolan',
        agencyIds: [STORSJO],
        pupilPresent: false,
        guardiansPresent: true,
      }).expect(201);
      const contribution = await post(elevhalsa, `/cases/${c.id}/mapping`, { section: 'school', text: 'Skolan.' });
      expect(await agencyStatuses(bup, c.id, meeting.body.id, contribution.body.id)).toEqual({
        mobilisations: 404,
        meetings: 404,
        mapping: 404,
        addMapping: 404,
        editMapping: 404,
        minutes: 403, // no case.manage: refused before the case is looked at
      });
      // With consent covering case_summary the inbox item names the pupil.
      await given.consent(c.id, BUP, { scope: ['case_summary'] });
      const named = await get(bup, '/mobilisations?status=pending').expect(200);
      expect(named.body.items.find((i: { id: string }) => i.id === invited.body.id).pupil).toEqual({
        firstName: c.firstName,
        lastName: c.lastName,
        className: c.className,
      });
      await get(bup, `/cases/${c.id}/meetings`).expect(200);
      // case_summary alone does not open the mapping.
      await get(bup, `/cases/${c.id}/mapping`).expect(403);
    });

    it('a consent without case_summary shows no pupil name in the inbox', async () => {
      const c = await newCase();
      const invited = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: HAB }).expect(201);
      await given.consent(c.id, HAB, { scope: ['mapping'] });
      const inbox = await get(hab, '/mobilisations').expect(200);
      expect(inbox.body.items.find((i: { id: string }) => i.id === invited.body.id).pupil).toBeNull();
      await get(hab, `/cases/${c.id}/meetings`).expect(403);
      await get(hab, `/cases/${c.id}/mapping`).expect(200);
    });

    it('accepts with a representative of the own agency only; another agency 404; twice 409', async () => {
      const c = await newCase();
      const { body: inv } = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(201);
      await post(bup, `/mobilisations/${inv.id}/accept`, { representativeUserId: BUP_WORKER }).expect(404);
      await post(hab, `/mobilisations/${inv.id}/decline`, { reason: 'Nej.' }).expect(404);
      await post(soc, `/mobilisations/${demoId('mobilisation:none')}/accept`, {
        representativeUserId: SOC_WORKER,
      }).expect(404);
      await post(elevhalsa, `/mobilisations/${inv.id}/accept`, { representativeUserId: SOC_WORKER }).expect(403);
      for (const representativeUserId of [BUP_WORKER, demoId('user:admin@ostersund.demo'), demoId('user:nobody')]) {
        const res = await post(soc, `/mobilisations/${inv.id}/accept`, { representativeUserId }).expect(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'representativeUserId' })]);
      }
      await post(soc, `/mobilisations/${inv.id}/accept`, {}).expect(400);
      // Without consent it can still answer.
      const accepted = await post(soc, `/mobilisations/${inv.id}/accept`, { representativeUserId: SOC_WORKER }).expect(
        200,
      );
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        representative: { id: SOC_WORKER, displayName: 'Sara Socialsekreterare' },
        pupil: null,
      });
      expect(accepted.body.respondedAt).toEqual(expect.any(String));
      const twice = await post(soc, `/mobilisations/${inv.id}/accept`, { representativeUserId: SOC_WORKER }).expect(
        409,
      );
      expect(twice.body.currentStatus).toBe('accepted');
      await post(soc, `/mobilisations/${inv.id}/decline`, { reason: 'Ångrar.' }).expect(409);
      expect(await events(c.id, 'mobilisation.accepted')).toEqual([
        {
          actor_id: SOC_WORKER,
          agency_id: SOC,
          data: { mobilisationId: inv.id, agencyId: SOC, representativeId: SOC_WORKER },
        },
      ]);
    });

    it('lets only one of two concurrent answers win', async () => {
      const c = await newCase();
      const id = await given.invitation(c.id, HAB, { deadline: addWorkingDays(swedishDate(), 5) });
      const answers = await Promise.all([
        post(hab, `/mobilisations/${id}/accept`, { representativeUserId: HAB_WORKER }),
        post(hab, `/mobilisations/${id}/decline`, { reason: 'Inte vårt uppdrag.' }),
        post(hab, `/mobilisations/${id}/accept`, { representativeUserId: HAB_WORKER }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind LIKE 'mobilisation.%'`,
        [c.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('declines with a reason: the agency is out of the case even with consent, may be invited again', async () => {
      const c = await newCase();
      const { body: inv } = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: BUP }).expect(201);
      await given.consent(c.id, BUP, { scope: ['case_summary', 'mapping'] });
      await get(bup, `/cases/${c.id}/mapping`).expect(200);
      await post(bup, `/mobilisations/${inv.id}/decline`, { reason: '   ' }).expect(422);
      await post(bup, `/mobilisations/${inv.id}/decline`, {}).expect(400);
      const declined = await post(bup, `/mobilisations/${inv.id}/decline`, { reason: 'Inte vårt uppdrag.' }).expect(
        200,
      );
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Inte vårt uppdrag.', pupil: null });
      await get(bup, `/cases/${c.id}/mapping`).expect(404);
      await get(bup, `/cases/${c.id}/meetings`).expect(404);
      const inbox = await get(bup, '/mobilisations?status=declined').expect(200);
      const item = inbox.body.items.find((i: { id: string }) => i.id === inv.id);
      expect(item.pupil).toBeNull();
      expect(JSON.stringify(inbox.body)).not.toContain(c.lastName);
      const [event] = await events(c.id, 'mobilisation.declined');
      expect(event.data).toEqual({ mobilisationId: inv.id, agencyId: BUP });
      // The reason stays off the timeline.
      expect(JSON.stringify(await events(c.id, 'mobilisation.declined'))).not.toContain('uppdrag');
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: BUP }).expect(201);
    });

    it('marks overdue invitations and filters the inbox by status', async () => {
      const c = await newCase();
      const { body: inv } = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: HAB }).expect(201);
      let overdue = await get(hab, '/mobilisations?status=overdue').expect(200);
      expect(overdue.body.items.map((i: { id: string }) => i.id)).not.toContain(inv.id);
      await t.db.query(`UPDATE mobilisation SET deadline = $2 WHERE id = $1`, [inv.id, addDays(swedishDate(), -1)]);
      overdue = await get(hab, '/mobilisations?status=overdue').expect(200);
      expect(overdue.body.items.find((i: { id: string }) => i.id === inv.id)).toMatchObject({ overdue: true });
      const pending = await get(hab, '/mobilisations?status=pending').expect(200);
      expect(pending.body.items.find((i: { id: string }) => i.id === inv.id)).toMatchObject({ overdue: true });
      const accepted = await get(hab, '/mobilisations?status=accepted').expect(200);
      expect(accepted.body.items.map((i: { id: string }) => i.id)).not.toContain(inv.id);
      const coordinator = await get(elevhalsa, `/cases/${c.id}/mobilisations`).expect(200);
      expect(coordinator.body.items).toEqual([expect.objectContaining({ id: inv.id, overdue: true })]);
      await get(hab, '/mobilisations?status=late').expect(400);
      // Paging by deadline.
      const first = await get(hab, '/mobilisations?limit=1').expect(200);
      expect(first.body.items).toHaveLength(1);
      if (first.body.nextCursor) {
        const second = await get(hab, `/mobilisations?limit=1&cursor=${first.body.nextCursor}`).expect(200);
        expect(second.body.items[0]?.id).not.toBe(first.body.items[0].id);
      }
      await get(hab, '/mobilisations?cursor=nonsense').expect(400);
      // Pending invitations of the access layer's eyes: hab has no consent, so no case content.
      await get(hab, `/cases/${c.id}/mobilisations`).expect(404);
    });
  });

  describe('meetings', () => {
    it('schedules a meeting with the school and mobilised agencies and records minutes after it', async () => {
      const c = await newCase();
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(201);
      const body = {
        startsAt: inDays(2),
        videoLink: 'https://meet.example.se/abc',
        agencyIds: [STORSJO, SOC],
        pupilPresent: true,
        guardiansPresent: false,
      };
      // Bad input.
      await post(elevhalsa, `/cases/${c.id}/meetings`, { ...body, startsAt: inDays(-1) }).expect(422);
      await post(elevhalsa, `/cases/${c.id}/meetings`, { ...body, startsAt: '2030-01-01T10:00:00' }).expect(400);
      await post(elevhalsa, `/cases/${c.id}/meetings`, { ...body, videoLink: undefined }).expect(400);
      await post(elevhalsa, `/cases/${c.id}/meetings`, { ...body, videoLink: 'http://meet.example.se/x' }).expect(400);
      const stranger = await post(elevhalsa, `/cases/${c.id}/meetings`, { ...body, agencyIds: [STORSJO, BUP] }).expect(
        422,
      );
      expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'agencyIds.1' })]);
      await post(rektor, `/cases/${c.id}/meetings`, body).expect(403);
      await post(parkElevhalsa, `/cases/${c.id}/meetings`, body).expect(404);

      const res = await post(elevhalsa, `/cases/${c.id}/meetings`, body).expect(201);
      expect(res.body).toMatchObject({
        caseId: c.id,
        startsAt: new Date(body.startsAt).toISOString(),
        place: null,
        videoLink: body.videoLink,
        agencies: [
          { id: STORSJO, name: 'Storsjöskolan', type: 'school' },
          { id: SOC, name: 'Socialtjänsten Östersund', type: 'social_services' },
        ],
        pupilPresent: true,
        guardiansPresent: false,
        minutes: null,
        decisions: null,
        createdBy: { displayName: 'Eva Kurator' },
      });
      expect((await events(c.id, 'meeting.scheduled'))[0].data).toMatchObject({ meetingId: res.body.id });

      // Minutes wait until the meeting has begun.
      await patch(elevhalsa, `/cases/${c.id}/meetings/${res.body.id}`, { minutes: 'För tidigt.' }).expect(409);
      await t.db.query(`UPDATE case_meeting SET starts_at = now() - interval '1 hour' WHERE id = $1`, [res.body.id]);
      await patch(elevhalsa, `/cases/${c.id}/meetings/${res.body.id}`, {}).expect(400);
      await patch(rektor, `/cases/${c.id}/meetings/${res.body.id}`, { minutes: 'x' }).expect(403);
      await patch(elevhalsa, `/cases/${c.id}/meetings/${demoId('meeting:none')}`, { minutes: 'x' }).expect(404);
      const minuted = await patch(elevhalsa, `/cases/${c.id}/meetings/${res.body.id}`, {
        minutes: 'Alla på plats.',
        decisions: 'BUP kontaktas.',
      }).expect(200);
      expect(minuted.body).toMatchObject({ minutes: 'Alla på plats.', decisions: 'BUP kontaktas.' });
      const onlyDecisions = await patch(elevhalsa, `/cases/${c.id}/meetings/${res.body.id}`, {
        decisions: 'Ny tid bokas.',
      }).expect(200);
      expect(onlyDecisions.body).toMatchObject({ minutes: 'Alla på plats.', decisions: 'Ny tid bokas.' });
      expect(await events(c.id, 'meeting.minutes')).toHaveLength(2);

      // Readers: the school, and the agency with consent covering case_summary.
      await get(soc, `/cases/${c.id}/meetings`).expect(404);
      await given.consent(c.id, SOC, { scope: ['case_summary'] });
      const list = await get(soc, `/cases/${c.id}/meetings`).expect(200);
      expect(list.body).toEqual({ items: [expect.objectContaining({ id: res.body.id })], nextCursor: null });
      await get(rektor, `/cases/${c.id}/meetings`).expect(200);
    });
  });

  describe('mapping', () => {
    it('signs contributions with author and agency, shows them by consent and lets only their agency edit', async () => {
      const c = await newCase();
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(201);
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: BUP }).expect(201);
      await given.consent(c.id, SOC, { scope: ['case_summary', 'mapping'] });
      await given.consent(c.id, BUP, { scope: ['mapping', 'health_notes'] });

      const pupilView = await post(elevhalsa, `/cases/${c.id}/mapping`, {
        section: 'pupil_view',
        text: 'Eleven vill komma tillbaka men orkar inte mornar.',
      }).expect(201);
      expect(pupilView.body).toMatchObject({
        section: 'pupil_view',
        author: { id: demoId('user:elevhalsa@storsjo.demo'), displayName: 'Eva Kurator' },
        agency: { id: STORSJO, name: 'Storsjöskolan', type: 'school' },
        editable: true,
      });
      // Author and agency come from the caller, never the body.
      await post(soc, `/cases/${c.id}/mapping`, { section: 'home_family', text: 'x', agencyId: STORSJO }).expect(400);
      const home = await post(soc, `/cases/${c.id}/mapping`, { section: 'home_family', text: 'Trångbott.' }).expect(
        201,
      );
      expect(home.body.agency.id).toBe(SOC);
      const health = await post(bup, `/cases/${c.id}/mapping`, { section: 'health', text: 'Sömnsvårigheter.' }).expect(
        201,
      );
      const socHealth = await post(soc, `/cases/${c.id}/mapping`, { section: 'health', text: 'Egen notering.' });
      expect(socHealth.status).toBe(201);
      await post(soc, `/cases/${c.id}/mapping`, { section: 'hobbies', text: 'x' }).expect(400);
      await post(soc, `/cases/${c.id}/mapping`, { section: 'school', text: '' }).expect(400);
      await post(soc, `/cases/${c.id}/mapping`, { section: 'school', text: 'x'.repeat(10001) }).expect(400);
      await post(soc, `/cases/${c.id}/mapping`, { section: 'school', text: '   ' }).expect(422);
      await post(rektor, `/cases/${c.id}/mapping`, { section: 'school', text: 'x' }).expect(403);
      await post(hab, `/cases/${c.id}/mapping`, { section: 'school', text: 'x' }).expect(404);

      // The school sees everything, in the fixed order of sections.
      const school = await get(elevhalsa, `/cases/${c.id}/mapping`).expect(200);
      expect(school.body.sections.map((s: { section: string }) => s.section)).toEqual([
        'school',
        'health',
        'home_family',
        'leisure_friends',
        'pupil_view',
        'guardian_view',
      ]);
      const ids = (body: { sections: { contributions: { id: string }[] }[] }) =>
        body.sections.flatMap((s) => s.contributions.map((x) => x.id)).sort();
      expect(ids(school.body)).toEqual([pupilView.body.id, home.body.id, health.body.id, socHealth.body.id].sort());
      const schoolHome = school.body.sections[2].contributions[0];
      expect(schoolHome).toMatchObject({ agency: { name: 'Socialtjänsten Östersund' }, editable: false });
      // Socialtjänsten without health_notes: not BUP's health note, but its own.
      const socView = await get(soc, `/cases/${c.id}/mapping`).expect(200);
      expect(socView.body.sections[1]).toMatchObject({ section: 'health', visible: false });
      expect(ids(socView.body)).toEqual([pupilView.body.id, home.body.id, socHealth.body.id].sort());
      expect(JSON.stringify(socView.body)).not.toContain('Sömnsvårigheter');
      const bupView = await get(bup, `/cases/${c.id}/mapping`).expect(200);
      expect(ids(bupView.body)).toHaveLength(4);

      // Only the writing agency edits; one it can't see is 404.
      await patch(elevhalsa, `/cases/${c.id}/mapping/${home.body.id}`, { text: 'Ändrat.' }).expect(403);
      await patch(soc, `/cases/${c.id}/mapping/${pupilView.body.id}`, { text: 'Ändrat.' }).expect(403);
      await patch(soc, `/cases/${c.id}/mapping/${health.body.id}`, { text: 'Ändrat.' }).expect(404);
      await patch(soc, `/cases/${c.id}/mapping/${demoId('contribution:none')}`, { text: 'Ändrat.' }).expect(404);
      await patch(hab, `/cases/${c.id}/mapping/${home.body.id}`, { text: 'Ändrat.' }).expect(404);
      const edited = await patch(soc, `/cases/${c.id}/mapping/${home.body.id}`, { text: 'Trångbott, tre syskon.' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: 'Trångbott, tre syskon.', editable: true, author: { id: SOC_WORKER } });
      expect(await events(c.id, 'mapping.added')).toHaveLength(4);
      const [editEvent] = await events(c.id, 'mapping.edited');
      expect(editEvent).toEqual({
        actor_id: SOC_WORKER,
        agency_id: SOC,
        data: { contributionId: home.body.id, section: 'home_family' },
      });
      expect(JSON.stringify(await events(c.id, 'mapping.added'))).not.toContain('Trångbott');
    });

    it('refuses the mapping to an agency whose consent lacks the scope (403)', async () => {
      const c = await newCase();
      await given.invitation(c.id, SOC, { deadline: addWorkingDays(swedishDate(), 5) });
      await given.consent(c.id, SOC, { scope: ['attendance'] });
      await get(soc, `/cases/${c.id}/mapping`).expect(403);
      await get(soc, `/cases/${c.id}/meetings`).expect(403);
      await get(soc, `/cases/${c.id}/mobilisations`).expect(403);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM access_log WHERE action = 'mapping.read' AND outcome = 'denied' AND user_id = $1`,
        [SOC_WORKER],
      );
      expect(rows[0].n).toBeGreaterThan(0);
    });
  });

  describe('consent cuts access at once', () => {
    async function consentedCase() {
      const c = await newCase();
      await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(201);
      const consentId = await given.consent(c.id, SOC, { scope: ['case_summary', 'mapping', 'health_notes'] });
      const meeting = await post(elevhalsa, `/cases/${c.id}/meetings`, {
        startsAt: inDays(1),
        place: 'Storsjöskolan',
        agencyIds: [STORSJO, SOC],
        pupilPresent: true,
        guardiansPresent: true,
      }).expect(201);
      const own = await post(soc, `/cases/${c.id}/mapping`, { section: 'leisure_friends', text: 'Spelar fotboll.' });
      expect(own.status).toBe(201);
      return { c, consentId, meetingId: meeting.body.id as string, contributionId: own.body.id as string };
    }

    it.each([
      ['withdrawn', `UPDATE consent SET withdrawn_at = now() WHERE id = $1`],
      ['expired', `UPDATE consent SET given_at = given_at - 30, valid_until = given_at - 1 WHERE id = $1`],
    ])('after consent is %s the very next request is 404 everywhere', async (_, sql) => {
      const { c, consentId, meetingId, contributionId } = await consentedCase();
      const before = await get(soc, '/mobilisations').expect(200);
      expect(before.body.items.find((i: { caseId: string }) => i.caseId === c.id).pupil.lastName).toBe(c.lastName);
      await get(soc, `/cases/${c.id}/meetings`).expect(200);
      await t.db.query(sql, [consentId]);
      expect(await agencyStatuses(soc, c.id, meetingId, contributionId)).toEqual({
        mobilisations: 404,
        meetings: 404,
        mapping: 404,
        addMapping: 404,
        editMapping: 404,
        minutes: 403,
      });
      // The invitation stays in its inbox, without the pupil.
      const after = await get(soc, '/mobilisations').expect(200);
      expect(after.body.items.find((i: { caseId: string }) => i.caseId === c.id).pupil).toBeNull();
      expect(JSON.stringify(after.body)).not.toContain(c.lastName);
    });
  });

  describe('a closed case', () => {
    it('refuses invitations, answers, meetings, minutes and mapping (409); the agency no longer sees it', async () => {
      const c = await newCase();
      const { body: inv } = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: SOC }).expect(201);
      await given.consent(c.id, SOC, { scope: ['case_summary', 'mapping'] });
      const own = await post(soc, `/cases/${c.id}/mapping`, { section: 'school', text: 'Före stängning.' });
      const meetingId = await given.meeting(c.id, {
        startsAt: new Date(Date.now() - 86_400_000),
        place: 'Storsjöskolan',
        agencies: [STORSJO],
      });
      await t.db.query(
        `UPDATE support_case SET status = 'closed', closed_at = now(), outcome = 'other' WHERE id = $1`,
        [c.id],
      );
      const res = await post(elevhalsa, `/cases/${c.id}/mobilisations`, { agencyId: BUP }).expect(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      await post(soc, `/mobilisations/${inv.id}/accept`, { representativeUserId: SOC_WORKER }).expect(409);
      await post(elevhalsa, `/cases/${c.id}/meetings`, {
        startsAt: inDays(1),
        place: 'Storsjöskolan',
        agencyIds: [STORSJO],
        pupilPresent: true,
        guardiansPresent: true,
      }).expect(409);
      await patch(elevhalsa, `/cases/${c.id}/meetings/${meetingId}`, { minutes: 'Sent.' }).expect(409);
      await post(elevhalsa, `/cases/${c.id}/mapping`, { section: 'school', text: 'Efter.' }).expect(409);
      // Closing ended social services' access, though its consent is in force.
      await post(soc, `/cases/${c.id}/mapping`, { section: 'school', text: 'Efter.' }).expect(404);
      await patch(soc, `/cases/${c.id}/mapping/${own.body.id}`, { text: 'Efter.' }).expect(404);
      await get(soc, `/cases/${c.id}/mapping`).expect(404);
      // History stays readable for the school, no longer editable.
      const mapping = await get(elevhalsa, `/cases/${c.id}/mapping`).expect(200);
      expect(mapping.body.sections[0].contributions[0]).toMatchObject({ id: own.body.id, editable: false });
    });
  });
});
