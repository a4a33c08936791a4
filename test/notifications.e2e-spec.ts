import { addDays, addWorkingDays, isWorkingDay, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { ReminderSweep } from '@app/notifications';
import { Given, givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { createUserWithPassword } from './support/users';

const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const HAB = demoId('agency:hab');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const REKTOR = demoId('user:rektor@storsjo.demo');
const MENTOR = demoId('user:mentor@storsjo.demo');
const SOC_WORKER = demoId('user:soc@ostersund.demo');
const BUP_WORKER = demoId('user:bup@regionjh.demo');
const HAB_WORKER = demoId('user:hab@regionjh.demo');

/** Midday in Sweden on a date: what the injected clock says in the time-travel tests. */
const middayOn = (date: string) => new Date(`${date}T11:00:00Z`);

/** The working day before `date`. */
function workingDayBefore(date: string): string {
  let day = addDays(date, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

describe('notifications', () => {
  let t: TestApp;
  let sweep: ReminderSweep;
  const token = new Map<string, string>();
  let pupils: string[] = [];
  let given: Given;
  let refs = 0;

  /** A fresh open Storsjö case, with its pupil's name and personnummer for leak checks. */
  async function newCase() {
    const studentId = pupils.shift()!;
    const reference = `NT-TEST-${String(++refs).padStart(4, '0')}`;
    const id = await given.case(studentId, { reference });
    const { rows } = await t.db.query(`SELECT first_name, last_name, personnummer FROM student WHERE id = $1`, [
      studentId,
    ]);
    return { id, reference, secrets: [rows[0].first_name, rows[0].last_name, rows[0].personnummer] as string[] };
  }

  /** Notifications of one kind about one case (or flag), per recipient. */
  async function sent(kind: string, about: { caseId?: string; flagId?: string }) {
    const { rows } = await t.db.query(
      `SELECT recipient_id, title, link FROM notification
        WHERE kind = $1 AND (case_id = $2 OR flag_id = $3) ORDER BY recipient_id`,
      [kind, about.caseId ?? null, about.flagId ?? null],
    );
    return rows as { recipient_id: string; title: string; link: string }[];
  }
  const recipients = async (kind: string, about: { caseId?: string; flagId?: string }) =>
    (await sent(kind, about)).map((r) => r.recipient_id).sort();

  const as = (username: string) => token.get(username)!;

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    sweep = t.app.get(ReminderSweep);
    for (const username of [
      'elevhalsa@storsjo.demo',
      'rektor@storsjo.demo',
      'mentor@storsjo.demo',
      'soc@ostersund.demo',
      'bup@regionjh.demo',
      'hab@regionjh.demo',
      'admin@ostersund.demo',
    ]) {
      token.set(username, await bearer(t.http, username));
    }
    pupils = await given.pupilIds(8);
  });
  afterAll(() => t.close());

  describe('events in the transaction of the change', () => {
    let kase: Awaited<ReturnType<typeof newCase>>;
    let secondSocWorker: string;

    beforeAll(async () => {
      kase = await newCase();
      // A second worker at Socialtjänsten, to be named representative by the first.
      secondSocWorker = await createUserWithPassword(
        t.http,
        as('admin@ostersund.demo'),
        {
          username: 'soc2@ostersund.demo',
          displayName: 'Sam Socialsekreterare',
          agencyId: SOC,
          roles: ['agency_worker'],
        },
        'Andra-Lösenordet-2026',
      );
      token.set('soc2@ostersund.demo', await bearer(t.http, 'soc2@ostersund.demo', 'Andra-Lösenordet-2026'));
    });

    it('tells the invited agency’s workers, by the neutral reference only', async () => {
      const invited = await t.http
        .post(`${API}/cases/${kase.id}/mobilisations`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({ agencyId: SOC })
        .expect(201);
      const rows = await sent('mobilisation.invited', { caseId: kase.id });
      // Both agency workers; not the Socialtjänsten admin or auditor, not the coordinator who invited.
      expect(rows.map((r) => r.recipient_id).sort()).toEqual([SOC_WORKER, secondSocWorker].sort());
      for (const row of rows) {
        expect(row.title).toBe(`Ny inbjudan till ärende ${kase.reference}`);
        expect(row.link).toBe('/inbjudningar');
        for (const secret of kase.secrets) expect(row.title).not.toContain(secret);
      }
      const inbox = await t.http.get(`${API}/notifications`).set('authorization', as('soc@ostersund.demo')).expect(200);
      expect(inbox.body.items[0]).toMatchObject({
        kind: 'mobilisation.invited',
        title: `Ny inbjudan till ärende ${kase.reference}`,
        link: '/inbjudningar',
        caseId: kase.id,
        flagId: null,
        readAt: null,
      });
      expect(JSON.stringify(inbox.body)).not.toContain(kase.secrets[2]);

      // Accepting names the second worker: the representative hears of it, the coordinator of the answer.
      await t.http
        .post(`${API}/mobilisations/${invited.body.id}/accept`)
        .set('authorization', as('soc@ostersund.demo'))
        .send({ representativeUserId: secondSocWorker })
        .expect(200);
      expect(await sent('mobilisation.representative', { caseId: kase.id })).toEqual([
        {
          recipient_id: secondSocWorker,
          title: `Du är representant för Socialtjänsten Östersund i ärende ${kase.reference}`,
          link: `/arenden/${kase.id}`,
        },
      ]);
      expect(await sent('mobilisation.accepted', { caseId: kase.id })).toEqual([
        {
          recipient_id: ELEVHALSA,
          title: `Socialtjänsten Östersund har tackat ja till ärende ${kase.reference}`,
          link: `/arenden/${kase.id}`,
        },
      ]);
    });

    it('tells the coordinator of a declined invitation', async () => {
      const invited = await t.http
        .post(`${API}/cases/${kase.id}/mobilisations`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({ agencyId: BUP })
        .expect(201);
      expect(await recipients('mobilisation.invited', { caseId: kase.id })).toContain(BUP_WORKER);
      await t.http
        .post(`${API}/mobilisations/${invited.body.id}/decline`)
        .set('authorization', as('bup@regionjh.demo'))
        .send({ reason: 'Inte vårt uppdrag.' })
        .expect(200);
      const [declined] = await sent('mobilisation.declined', { caseId: kase.id });
      expect(declined).toMatchObject({
        recipient_id: ELEVHALSA,
        title: `BUP Östersund har tackat nej till ärende ${kase.reference}`,
      });
      // The reason is free text: it never reaches a notification.
      expect(declined.title).not.toContain('uppdrag');
    });

    it('writes nothing when the change fails', async () => {
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM notification`)).rows[0].n;
      await t.http
        .post(`${API}/cases/${kase.id}/mobilisations`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({ agencyId: SOC })
        .expect(409);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM notification`)).rows[0].n).toBe(before);
    });

    it('tells the responsible person and agency of an assigned action, once per assignment', async () => {
      // An outside agency hears of the case only with consent in force.
      await given.consent(kase.id, SOC, { scope: ['case_summary', 'plan'] });
      const plan = await t.http
        .put(`${API}/cases/${kase.id}/plan`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({
          goals: [{ text: 'Eleven är i skolan varje dag.' }],
          actions: [
            {
              description: 'Familjesamtal.',
              agencyId: SOC,
              responsibleUserId: secondSocWorker,
              dueDate: '2099-03-31',
              status: 'planned',
            },
          ],
        })
        .expect(201);
      expect(await recipients('action.assigned', { caseId: kase.id })).toEqual([SOC_WORKER, secondSocWorker].sort());
      const [assigned] = await sent('action.assigned', { caseId: kase.id });
      expect(assigned.title).toBe(
        `Ny åtgärd för Socialtjänsten Östersund i ärende ${kase.reference}, klar senast 2099-03-31`,
      );

      // The same plan again, with the action given to `responsibleUserId`.
      const action = plan.body.actions[0];
      let etag = plan.headers.etag;
      const giveTo = async (responsibleUserId: string) => {
        const res = await t.http
          .put(`${API}/cases/${kase.id}/plan`)
          .set('authorization', as('elevhalsa@storsjo.demo'))
          .set('if-match', etag)
          .send({
            goals: plan.body.goals.map((g: { id: string; text: string }) => ({ id: g.id, text: g.text })),
            actions: [{ ...actionInput(action), responsibleUserId }],
          })
          .expect(200);
        etag = res.headers.etag;
      };
      // Unchanged: nobody is told twice.
      await giveTo(secondSocWorker);
      expect(await sent('action.assigned', { caseId: kase.id })).toHaveLength(2);
      // Given to the first worker instead: a new assignment, told again.
      await giveTo(SOC_WORKER);
      expect(await sent('action.assigned', { caseId: kase.id })).toHaveLength(4);
      // And back to the second worker, who had it before: a new assignment again, told again.
      await giveTo(secondSocWorker);
      const all = await sent('action.assigned', { caseId: kase.id });
      expect(all).toHaveLength(6);
      expect(all.filter((n: { recipient_id: string }) => n.recipient_id === secondSocWorker)).toHaveLength(3);
    });

    it('tells every participating agency when a consent is withdrawn', async () => {
      const consentId = await given.consent(kase.id, SOC, { scope: ['case_summary'] });
      await t.http
        .post(`${API}/cases/${kase.id}/consents/${consentId}/withdraw`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .expect(200);
      // Socialtjänsten accepted; BUP declined and Habiliteringen was never invited.
      expect(await recipients('consent.withdrawn', { caseId: kase.id })).toEqual([SOC_WORKER, secondSocWorker].sort());
      const [row] = await sent('consent.withdrawn', { caseId: kase.id });
      expect(row.title).toBe(`Ett samtycke i ärende ${kase.reference} har återkallats`);
    });
  });

  describe('the inbox', () => {
    it('lists unread first, then newest, in pages; marks read idempotently; counts unread', async () => {
      const kase = await newCase();
      for (const agencyId of [SOC, BUP, HAB]) {
        await t.http
          .post(`${API}/cases/${kase.id}/mobilisations`)
          .set('authorization', as('elevhalsa@storsjo.demo'))
          .send({ agencyId })
          .expect(201);
      }
      // Three notifications for the coordinator, a moment apart.
      const ids: string[] = [];
      for (const [i, kind] of ['mobilisation.accepted', 'mobilisation.declined', 'review.due'].entries()) {
        ids.push(
          await given.notification(ELEVHALSA, {
            kind,
            caseId: kase.id,
            title: `Test ${i}`,
            link: '/cases/x',
            createdAt: new Date(Date.now() + (3600 + i) * 1000),
          }),
        );
      }
      const coordinator = as('elevhalsa@storsjo.demo');
      const count = async () =>
        (await t.http.get(`${API}/notifications/unread-count`).set('authorization', coordinator).expect(200)).body;
      const before = (await count()).count;
      expect(before).toBeGreaterThanOrEqual(3);

      // Read the newest: it moves behind every unread one.
      const read = await t.http
        .post(`${API}/notifications/${ids[2]}/read`)
        .set('authorization', coordinator)
        .expect(200);
      expect(read.body).toMatchObject({ id: ids[2], readAt: expect.any(String) });
      expect(await count()).toEqual({ count: before - 1 });
      const again = await t.http
        .post(`${API}/notifications/${ids[2]}/read`)
        .set('authorization', coordinator)
        .expect(200);
      expect(again.body.readAt).toBe(read.body.readAt);
      expect(await count()).toEqual({ count: before - 1 });

      const all: { id: string; readAt: string | null; createdAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: typeof all; nextCursor: string | null } } = await t.http
          .get(`${API}/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('authorization', coordinator)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
      const firstRead = all.findIndex((n) => n.readAt !== null);
      expect(all.slice(firstRead).every((n) => n.readAt !== null)).toBe(true);
      expect(all.slice(0, firstRead)).toHaveLength(before - 1);
      // The two unread test rows are the newest: first, newest first.
      expect(all.slice(0, 2).map((n) => n.id)).toEqual([ids[1], ids[0]]);
      expect(all[firstRead].id).toBe(ids[2]);
    });

    it("hides another user's notification (404, logged) and refuses anonymous callers", async () => {
      const { rows } = await t.db.query(`SELECT id FROM notification WHERE recipient_id = $1 LIMIT 1`, [ELEVHALSA]);
      const id = rows[0].id;
      await t.http.post(`${API}/notifications/${id}/read`).set('authorization', as('soc@ostersund.demo')).expect(404);
      await t.http
        .post(`${API}/notifications/00000000-0000-4000-8000-000000000000/read`)
        .set('authorization', as('soc@ostersund.demo'))
        .expect(404);
      const { rows: log } = await t.db.query(
        `SELECT count(*)::int AS n FROM access_log WHERE action = 'notification.read' AND outcome = 'denied' AND $1 = ANY (subject_ids)`,
        [id],
      );
      expect(log[0].n).toBe(1);
      const { rows: still } = await t.db.query(`SELECT read_at FROM notification WHERE id = $1`, [id]);
      expect(still[0].read_at).toBeNull();
      const theirs = await t.http.get(`${API}/notifications?limit=500`).set('authorization', as('soc@ostersund.demo'));
      expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(id);
      await t.http.get(`${API}/notifications`).expect(401);
      await t.http.get(`${API}/notifications/unread-count`).expect(401);
      await t.http.post(`${API}/notifications/${id}/read`).expect(401);
      await t.http
        .post(`${API}/notifications/not-a-uuid/read`)
        .set('authorization', as('soc@ostersund.demo'))
        .expect(400);
      await t.http.get(`${API}/notifications?cursor=bogus`).set('authorization', as('soc@ostersund.demo')).expect(400);
    });
  });

  describe('reminders, by the injected clock', () => {
    it('reminds the agency a working day before its deadline, then when overdue, then escalates to the coordinator', async () => {
      const kase = await newCase();
      const deadline = addWorkingDays(swedishDate(), 3);
      await t.http
        .post(`${API}/cases/${kase.id}/mobilisations`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({ agencyId: HAB, deadline })
        .expect(201);
      const dayBefore = workingDayBefore(deadline);

      await sweep.run(middayOn(addDays(dayBefore, -1)));
      expect(await recipients('mobilisation.deadline-soon', { caseId: kase.id })).toEqual([]);
      await sweep.run(middayOn(dayBefore));
      expect(await sent('mobilisation.deadline-soon', { caseId: kase.id })).toEqual([
        {
          recipient_id: HAB_WORKER,
          title: `Svara senast ${deadline} på inbjudan till ärende ${kase.reference}`,
          link: '/inbjudningar',
        },
      ]);
      // On the deadline itself it is not yet overdue.
      await sweep.run(middayOn(deadline));
      expect(await recipients('mobilisation.overdue', { caseId: kase.id })).toEqual([]);

      await sweep.run(middayOn(addDays(deadline, 1)));
      expect(await recipients('mobilisation.overdue', { caseId: kase.id })).toEqual([HAB_WORKER]);
      expect(await recipients('mobilisation.escalated', { caseId: kase.id })).toEqual([]);
      // One working day after the deadline: still only the agency.
      await sweep.run(middayOn(addWorkingDays(deadline, 1)));
      expect(await recipients('mobilisation.escalated', { caseId: kase.id })).toEqual([]);
      // Two working days after: the coordinator is told.
      await sweep.run(middayOn(addWorkingDays(deadline, 2)));
      expect(await sent('mobilisation.escalated', { caseId: kase.id })).toEqual([
        {
          recipient_id: ELEVHALSA,
          title: `Habiliteringen Östersund har inte svarat på inbjudan till ärende ${kase.reference} (svarstid ${deadline})`,
          link: `/arenden/${kase.id}`,
        },
      ]);
      // Each told once, however many sweeps ran.
      expect(await recipients('mobilisation.deadline-soon', { caseId: kase.id })).toEqual([HAB_WORKER]);
      expect(await recipients('mobilisation.overdue', { caseId: kase.id })).toEqual([HAB_WORKER]);
    });

    it('reminds of an action due in 2 days and overdue; of a review date; nothing for a done action', async () => {
      const kase = await newCase();
      const due = addDays(swedishDate(), 20);
      // An action with a responsible person, due after the first and before the review.
      const named = addDays(due, 4);
      const review = addDays(swedishDate(), 30);
      await t.http
        .put(`${API}/cases/${kase.id}/plan`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({
          goals: [{ text: 'Eleven är i skolan varje dag.' }],
          actions: [
            { description: 'Samtal.', agencyId: demoId('agency:storsjo'), dueDate: due, status: 'planned' },
            {
              description: 'Klart redan.',
              agencyId: demoId('agency:storsjo'),
              responsibleUserId: ELEVHALSA,
              dueDate: due,
              status: 'done',
            },
            {
              description: 'Rektorns samtal med familjen.',
              agencyId: demoId('agency:storsjo'),
              responsibleUserId: REKTOR,
              dueDate: named,
              status: 'in_progress',
            },
          ],
          reviewDates: [review],
        })
        .expect(201);
      await sweep.run(middayOn(addDays(due, -3)));
      expect(await recipients('action.due-soon', { caseId: kase.id })).toEqual([]);
      await sweep.run(middayOn(addDays(due, -2)));
      // The school's action: its elevhälsa (here the coordinator) is the agency; no one is responsible by name.
      const [soon] = await sent('action.due-soon', { caseId: kase.id });
      expect(soon).toEqual({
        recipient_id: ELEVHALSA,
        title: `En åtgärd i ärende ${kase.reference} ska vara klar ${due}`,
        link: `/arenden/${kase.id}?flik=plan`,
      });
      expect(await sent('action.due-soon', { caseId: kase.id })).toHaveLength(1);
      await sweep.run(middayOn(due));
      expect(await recipients('action.overdue', { caseId: kase.id })).toEqual([]);
      await sweep.run(middayOn(addDays(due, 1)));
      expect(await sent('action.overdue', { caseId: kase.id })).toEqual([
        {
          recipient_id: ELEVHALSA,
          title: `En åtgärd i ärende ${kase.reference} är försenad (skulle vara klar ${due})`,
          link: `/arenden/${kase.id}?flik=plan`,
        },
      ]);
      // The named person hears of their action too, beside the agency.
      await sweep.run(middayOn(addDays(named, -2)));
      const soonNamed = (await sent('action.due-soon', { caseId: kase.id })).filter((n) => n.title.endsWith(named));
      expect(soonNamed.map((n) => n.recipient_id)).toEqual([ELEVHALSA, REKTOR].sort());
      await sweep.run(middayOn(addDays(named, 1)));
      const lateNamed = (await sent('action.overdue', { caseId: kase.id })).filter((n) => n.title.includes(named));
      expect(lateNamed.map((n) => n.recipient_id)).toEqual([ELEVHALSA, REKTOR].sort());

      await sweep.run(middayOn(addDays(review, -3)));
      expect(await recipients('review.due', { caseId: kase.id })).toEqual([]);
      await sweep.run(middayOn(addDays(review, -2)));
      expect(await sent('review.due', { caseId: kase.id })).toEqual([
        {
          recipient_id: ELEVHALSA,
          title: `Planen i ärende ${kase.reference} ska följas upp ${review}`,
          link: `/arenden/${kase.id}?flik=plan`,
        },
      ]);
    });

    it('reminds the coordinator of the 6- and 18-month follow-ups when they can be recorded', async () => {
      const kase = await newCase();
      await t.http
        .post(`${API}/cases/${kase.id}/status`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({ status: 'closed', outcome: 'attendance_recovered', reason: 'Eleven är tillbaka i skolan.' })
        .expect(200);
      const { rows } = await t.db.query(
        `SELECT months, to_char(due_on, 'YYYY-MM-DD') AS due FROM case_follow_up WHERE case_id = $1 ORDER BY months`,
        [kase.id],
      );
      const [six, eighteen] = rows as { months: number; due: string }[];
      await sweep.run(middayOn(addDays(six.due, -15)));
      expect(await recipients('follow-up.due', { caseId: kase.id })).toEqual([]);
      await sweep.run(middayOn(addDays(six.due, -14)));
      expect(await sent('follow-up.due', { caseId: kase.id })).toEqual([
        {
          recipient_id: ELEVHALSA,
          title: `Uppföljningen 6 månader efter avslut av ärende ${kase.reference} ska göras ${six.due}`,
          link: `/arenden/${kase.id}`,
        },
      ]);
      await sweep.run(middayOn(addDays(eighteen.due, -14)));
      expect(await sent('follow-up.due', { caseId: kase.id })).toHaveLength(2);
    });

    it('tells elevhälsa and the principal of a flag waiting 2 working days', async () => {
      const flagged = await t.http
        .post(`${API}/students/${pupils.shift()}/flags`)
        .set('authorization', as('mentor@storsjo.demo'))
        .send({ text: 'Borta varje måndag.' })
        .expect(201);
      const flagId: string = flagged.body.id;
      const { rows } = await t.db.query(
        `SELECT to_char(created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day FROM absence_flag WHERE id = $1`,
        [flagId],
      );
      const day: string = rows[0].day;
      await sweep.run(middayOn(addWorkingDays(day, 1)));
      expect(await recipients('flag.untriaged', { flagId })).toEqual([]);
      await sweep.run(middayOn(addWorkingDays(day, 2)));
      const told = await sent('flag.untriaged', { flagId });
      // Not the mentor who flagged it, and nobody at another school.
      expect(told.map((r) => r.recipient_id).sort()).toEqual([ELEVHALSA, REKTOR].sort());
      expect(told.map((r) => r.recipient_id)).not.toContain(MENTOR);
      expect(told[0]).toMatchObject({
        title: `En anmälan om frånvaro har väntat på bedömning sedan ${day}`,
        link: `/anmalningar/${flagId}`,
      });
    });

    it('creates nothing new when the same sweep runs again (or on a second instance at once)', async () => {
      // Something new for this sweep: an invitation long overdue by then (earlier sweeps went 18 months ahead).
      const kase = await newCase();
      await t.http
        .post(`${API}/cases/${kase.id}/mobilisations`)
        .set('authorization', as('elevhalsa@storsjo.demo'))
        .send({ agencyId: BUP })
        .expect(201);
      const now = middayOn(addDays(swedishDate(), 800));
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM notification`)).rows[0].n;
      const total = (result: Record<string, number | undefined>) =>
        Object.values(result).reduce((a: number, b) => a + (b ?? 0), 0);
      const before = await count();
      const [one, other] = await Promise.all([sweep.run(now), sweep.run(now)]);
      expect(total(one) + total(other)).toBeGreaterThan(0);
      expect(await recipients('mobilisation.overdue', { caseId: kase.id })).toEqual([BUP_WORKER]);
      expect(await recipients('mobilisation.escalated', { caseId: kase.id })).toEqual([ELEVHALSA]);
      expect(await count()).toBe(before + total(one) + total(other));
      const again = await sweep.run(now);
      expect(total(again)).toBe(0);
      expect(await count()).toBe(before + total(one) + total(other));
    });
  });
});

/** An action as PUT takes it back, from the plan GET/PUT answer. */
function actionInput(a: { id: string; description: string; agency: { id: string }; dueDate: string; status: string }) {
  return { id: a.id, description: a.description, agencyId: a.agency.id, dueDate: a.dueDate, status: a.status };
}
