import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { Given, givenFor, monthsAgo } from './support/given';

const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');

describe("elevhälsa's lists of reviews and follow-ups due", () => {
  let t: TestApp;
  let given: Given;
  let elevhalsa: string;
  let parkElevhalsa: string;
  let others: Record<string, string>;
  let openCaseId: string;
  let closedCaseId: string;
  const today = swedishDate();
  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    elevhalsa = await bearer(t.http, 'elevhalsa@storsjo.demo');
    parkElevhalsa = await bearer(t.http, 'elevhalsa@park.demo');
    others = {};
    for (const user of ['mentor@storsjo.demo', 'rektor@storsjo.demo', 'soc@ostersund.demo', 'admin@ostersund.demo'])
      others[user] = await bearer(t.http, user);
    const [openPupil, closedPupil] = await given.pupilIds(2);

    openCaseId = (
      await t.http.post(`${API}/cases`).set('authorization', elevhalsa).send({ studentId: openPupil }).expect(201)
    ).body.id;
    // A plan started five weeks ago with three review dates: overdue, soon, and beyond the horizon.
    await given.plan(openCaseId, {
      startedOn: addDays(today, -35),
      reviewDates: [addDays(today, -3), addDays(today, 10), addDays(today, 60)],
    });

    closedCaseId = await given.case(closedPupil, {
      reference: 'T-DUE-LISTS',
      status: 'closed',
      openedAt: monthsAgo(9),
      closedAt: monthsAgo(6),
      outcome: 'other',
      closeReason: 'Avslutat',
    });
    await given.followUpsDue(closedCaseId, today, addDays(today, 365));
  });
  afterAll(() => t.close());

  it('lists review dates without a review, up to the horizon, and drops one once reviewed', async () => {
    const before = await get(elevhalsa, '/reviews/due').expect(200);
    const ours = before.body.items.filter((i: { caseId: string }) => i.caseId === openCaseId);
    expect(ours).toEqual([
      expect.objectContaining({
        reviewDate: addDays(today, -3),
        reference: expect.any(String),
        status: 'open',
        firstName: expect.any(String),
        className: expect.any(String),
        lastReviewedOn: null,
      }),
      expect.objectContaining({ reviewDate: addDays(today, 10) }),
    ]);
    const wider = await get(elevhalsa, '/reviews/due?withinDays=90').expect(200);
    expect(wider.body.items.filter((i: { caseId: string }) => i.caseId === openCaseId)).toHaveLength(3);

    // A review today counts for the date three days ago (within a week before it), not for the one in ten days.
    await t.http
      .post(`${API}/cases/${openCaseId}/reviews`)
      .set('authorization', elevhalsa)
      .send({ reviewedOn: today, goalReached: false })
      .expect(201);
    const after = await get(elevhalsa, '/reviews/due').expect(200);
    expect(after.body.items.filter((i: { caseId: string }) => i.caseId === openCaseId)).toEqual([
      expect.objectContaining({ reviewDate: addDays(today, 10), lastReviewedOn: today }),
    ]);
  });

  it('lists follow-ups not recorded, recordable ones first, and drops one once recorded', async () => {
    const list = await get(elevhalsa, '/follow-ups/due').expect(200);
    expect(list.body.items.filter((i: { caseId: string }) => i.caseId === closedCaseId)).toEqual([
      expect.objectContaining({
        months: 6,
        dueOn: today,
        recordableFrom: addDays(today, -14),
        reference: 'T-DUE-LISTS',
      }),
    ]);
    const year = await get(elevhalsa, '/follow-ups/due?withinDays=365').expect(200);
    expect(
      year.body.items
        .filter((i: { caseId: string }) => i.caseId === closedCaseId)
        .map((i: { months: number }) => i.months),
    ).toEqual([6, 18]);

    await t.http
      .post(`${API}/cases/${closedCaseId}/follow-ups/6`)
      .set('authorization', elevhalsa)
      .send({ schoolOrWork20h: true, newInterventions: [] })
      .expect(201);
    const after = await get(elevhalsa, '/follow-ups/due').expect(200);
    expect(after.body.items.filter((i: { caseId: string }) => i.caseId === closedCaseId)).toEqual([]);
  });

  it('pages in due order with an opaque cursor and refuses bad input', async () => {
    const first = await get(elevhalsa, '/follow-ups/due?withinDays=365&limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    if (first.body.nextCursor) {
      const next = await get(
        elevhalsa,
        `/follow-ups/due?withinDays=365&limit=1&cursor=${first.body.nextCursor}`,
      ).expect(200);
      expect(next.body.items[0]?.followUpId).not.toBe(first.body.items[0].followUpId);
      expect(next.body.items[0].dueOn >= first.body.items[0].dueOn).toBe(true);
    }
    const bad = await get(elevhalsa, '/reviews/due?withinDays=400').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'withinDays', code: expect.any(String) })]);
    await get(elevhalsa, '/follow-ups/due?cursor=nonsense').expect(400);
  });

  it("shows another school's elevhälsa none of these cases and refuses every other role", async () => {
    for (const path of ['/reviews/due?withinDays=365', '/follow-ups/due?withinDays=365']) {
      const park = await get(parkElevhalsa, path).expect(200);
      const ids = park.body.items.map((i: { caseId: string }) => i.caseId);
      expect(ids).not.toContain(openCaseId);
      expect(ids).not.toContain(closedCaseId);
      for (const [user, token] of Object.entries(others)) {
        const res = await get(token, path);
        expect([user, res.status]).toEqual([user, 403]);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      await t.http.get(`${API}${path}`).expect(401);
    }
  });

  it('logs the list in the access log with the cases it showed', async () => {
    await get(elevhalsa, '/follow-ups/due?withinDays=365').expect(200);
    const { rows } = await t.db.query(
      `SELECT subject_ids FROM access_log WHERE action = 'followUp.due' AND user_id = $1 ORDER BY id DESC LIMIT 1`,
      [ELEVHALSA],
    );
    expect(rows[0].subject_ids).toContain(closedCaseId);
  });
});
