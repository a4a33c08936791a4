import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { Given, givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const HAB = demoId('agency:hab');
const SOC_WORKER = demoId('user:soc@ostersund.demo');
const BUP_WORKER = demoId('user:bup@regionjh.demo');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');

describe('the shared action plan', () => {
  let t: TestApp;
  let elevhalsa: string;
  let rektor: string;
  let soc: string;
  let bup: string;
  let given: Given;
  let refs = 0;

  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);
  const put = (token: string, path: string, body: object, etag?: string) => {
    const req = t.http.put(`${API}${path}`).set('authorization', token);
    return (etag ? req.set('if-match', etag) : req).send(body);
  };
  const patch = (token: string, path: string, body: object, etag?: string) => {
    const req = t.http.patch(`${API}${path}`).set('authorization', token);
    return (etag ? req.set('if-match', etag) : req).send(body);
  };
  const post = (token: string, path: string, body: object, etag?: string) => {
    const req = t.http.post(`${API}${path}`).set('authorization', token);
    return (etag ? req.set('if-match', etag) : req).send(body);
  };

  /** A Storsjö case with Socialtjänsten mobilised (consent covering the plan) and BUP invited without consent. */
  async function newCase() {
    const id = await given.case(await given.pupil(), { reference: `T-PLAN-E2E-${++refs}` });
    await given.mobilisation(id, SOC, SOC_WORKER, { deadline: '2099-01-07' });
    const consentId = await given.consent(id, SOC, { scope: ['case_summary', 'plan'] });
    await given.invitation(id, BUP, { deadline: '2099-01-07' });
    return { id, reference: `T-PLAN-E2E-${refs}`, consentId };
  }

  const basePlan = (overrides: object = {}) => ({
    goals: [
      { text: 'Eleven är i skolan varje dag.', target: { attendancePercent: 80, byDate: '2099-06-01' } },
      { text: 'Eleven har en vuxen att prata med.' },
    ],
    actions: [
      { description: 'Anpassat schema.', agencyId: STORSJO, dueDate: '2099-01-31', status: 'planned' },
      {
        description: 'Familjesamtal varannan vecka.',
        agencyId: SOC,
        responsibleUserId: SOC_WORKER,
        startDate: '2099-01-01',
        dueDate: '2099-03-31',
        status: 'planned',
      },
    ],
    pupilView: 'Jag vill komma tillbaka till klassen.',
    guardianView: 'Vi stöttar planen.',
    reviewDates: ['2099-02-15'],
    ...overrides,
  });

  /** Re-sends a plan as read: its goals and actions with their ids. */
  const asInput = (plan: {
    goals: { id: string; text: string; target: object | null }[];
    actions: {
      id: string;
      description: string;
      agency: { id: string };
      responsible: { id: string } | null;
      startDate: string | null;
      dueDate: string;
      status: string;
    }[];
    reviewDates: string[];
  }) => ({
    goals: plan.goals.map((g) => ({
      id: g.id,
      text: g.text,
      ...(g.target
        ? {
            target: Object.fromEntries(Object.entries(g.target).filter(([, v]) => v !== null)),
          }
        : {}),
    })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      description: a.description,
      agencyId: a.agency.id,
      ...(a.responsible ? { responsibleUserId: a.responsible.id } : {}),
      ...(a.startDate ? { startDate: a.startDate } : {}),
      dueDate: a.dueDate,
      status: a.status,
    })),
    reviewDates: plan.reviewDates,
  });

  async function createPlan(caseId: string, body: object = basePlan()) {
    return put(elevhalsa, `/cases/${caseId}/plan`, body).expect(201);
  }

  const planVersion = async (caseId: string) =>
    (await t.db.query(`SELECT version FROM case_plan WHERE case_id = $1`, [caseId])).rows[0]?.version ?? null;

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    [elevhalsa, rektor, soc, bup] = await Promise.all(
      ['elevhalsa@storsjo.demo', 'rektor@storsjo.demo', 'soc@ostersund.demo', 'bup@regionjh.demo'].map((u) =>
        bearer(t.http, u),
      ),
    );
  });
  afterAll(() => t.close());

  it('shows the demo plans: agreed, versioned, with snapshots that read like the plan', async () => {
    const caseId = demoId('case:103');
    const plan = await t.http.get(`${API}/cases/${caseId}/plan`).set('authorization', elevhalsa).expect(200);
    expect(plan.headers.etag).toBe('"2"');
    expect(plan.body.goals).toHaveLength(2);
    expect(plan.body.actions.length).toBeGreaterThanOrEqual(3);
    expect(plan.body.agreements.length).toBeGreaterThanOrEqual(3);
    const first = await t.http
      .get(`${API}/cases/${caseId}/plan/versions/1`)
      .set('authorization', elevhalsa)
      .expect(200);
    expect(first.body.plan.agreements).toEqual([]);
    expect(first.body.plan.goals.map((g: { text: string }) => g.text)).toEqual(
      plan.body.goals.map((g: { text: string }) => g.text),
    );
    const lead = await t.http.get(`${API}/cases/${caseId}/lead-times`).set('authorization', elevhalsa).expect(200);
    expect(lead.body.planAgreedAt).toEqual(expect.any(String));
  });

  describe('create and replace with ETags', () => {
    it('creates a plan without If-Match (201 + ETag), and GET returns it with the same ETag', async () => {
      const c = await newCase();
      const res = await createPlan(c.id);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        caseId: c.id,
        version: 1,
        goals: [
          {
            text: 'Eleven är i skolan varje dag.',
            target: { attendancePercent: 80, byDate: '2099-06-01', text: null },
          },
          { text: 'Eleven har en vuxen att prata med.', target: null },
        ],
        actions: [
          {
            description: 'Anpassat schema.',
            agency: { id: STORSJO, name: 'Storsjöskolan' },
            responsible: null,
            startDate: null,
            dueDate: '2099-01-31',
            status: 'planned',
            progressNotes: [],
          },
          {
            agency: { id: SOC },
            responsible: { id: SOC_WORKER },
            startDate: '2099-01-01',
            dueDate: '2099-03-31',
          },
        ],
        pupilView: 'Jag vill komma tillbaka till klassen.',
        guardianView: 'Vi stöttar planen.',
        reviewDates: ['2099-02-15'],
        agreements: [],
      });
      const read = await get(elevhalsa, `/cases/${c.id}/plan`).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
      // rektor reads; Socialtjänsten reads with consent scope `plan`.
      await get(rektor, `/cases/${c.id}/plan`).expect(200);
      expect((await get(soc, `/cases/${c.id}/plan`).expect(200)).headers.etag).toBe('"1"');
      const events = await t.db.query(`SELECT kind, data FROM case_event WHERE case_id = $1 AND kind LIKE 'plan.%'`, [
        c.id,
      ]);
      expect(events.rows).toEqual([
        { kind: 'plan.created', data: { planId: res.body.id, version: 1, goals: 2, actions: 2 } },
      ]);
    });

    it('refuses a replace without If-Match (428) and with a stale one (412 + currentVersion); keeps ids', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const path = `/cases/${c.id}/plan`;
      const body = asInput(created.body);
      const missing = await put(elevhalsa, path, body).expect(428);
      expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(missing.body).toMatchObject({ status: 428, type: '/problems/precondition-required' });
      await put(elevhalsa, path, body, '*').expect(428);

      const replaced = await put(elevhalsa, path, { ...body, goals: body.goals.slice(0, 1) }, '"1"').expect(200);
      expect(replaced.headers.etag).toBe('"2"');
      expect(replaced.body.version).toBe(2);
      expect(replaced.body.goals.map((g: { id: string }) => g.id)).toEqual([created.body.goals[0].id]);
      expect(replaced.body.actions.map((a: { id: string }) => a.id)).toEqual(
        created.body.actions.map((a: { id: string }) => a.id),
      );
      expect(replaced.body.pupilView).toBeNull();

      const stale = await put(elevhalsa, path, body, '"1"').expect(412);
      expect(stale.body).toMatchObject({ status: 412, currentVersion: 2, type: '/problems/precondition-failed' });
      expect(stale.headers.etag).toBe('"2"');
      // Unquoted and weak forms of the current version are accepted.
      await put(elevhalsa, path, body, '2').expect(200);
      await put(elevhalsa, path, body, 'W/"3"').expect(200);
      expect(await planVersion(c.id)).toBe(4);

      // A plan that exists cannot be "created" again without If-Match.
      await put(elevhalsa, path, basePlan()).expect(428);
    });

    it('lets exactly one of two concurrent PUTs with the same ETag win (200 + 412)', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const body = asInput(created.body);
      const results = await Promise.all(
        ['Första', 'Andra'].map((pupilView) => put(elevhalsa, `/cases/${c.id}/plan`, { ...body, pupilView }, '"1"')),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      expect(await planVersion(c.id)).toBe(2);
      const winner = results.find((r) => r.status === 200)!;
      const read = await get(elevhalsa, `/cases/${c.id}/plan`).expect(200);
      expect(read.body.pupilView).toBe(winner.body.pupilView);
    });

    it('lets one of two concurrent creations win', async () => {
      const c = await newCase();
      const results = await Promise.all([1, 2].map(() => put(elevhalsa, `/cases/${c.id}/plan`, basePlan())));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(201);
      expect([409, 412, 428]).toContain(statuses[1]);
      expect(await planVersion(c.id)).toBe(1);
    });

    it('refuses If-Match on a plan that does not exist yet (412) and updates of a missing plan (404)', async () => {
      const c = await newCase();
      const res = await put(elevhalsa, `/cases/${c.id}/plan`, basePlan(), '"3"').expect(412);
      expect(res.body.currentVersion).toBeNull();
      await get(elevhalsa, `/cases/${c.id}/plan`).expect(404);
      expect(await planVersion(c.id)).toBeNull();
    });
  });

  describe('agencies update their own actions', () => {
    it('lets Socialtjänsten set the status of its action and add a signed note: a new version', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const socAction = created.body.actions[1];
      const res = await patch(
        soc,
        `/cases/${c.id}/plan/actions/${socAction.id}`,
        { status: 'in_progress', progressNote: 'Första samtalet är bokat.' },
        socAction.etag,
      ).expect(200);
      expect(socAction.etag).toBe('"a1"');
      // The answer's ETag is the action's own; the plan's version still grows (a new snapshot).
      expect(res.headers.etag).toBe('"a2"');
      expect(res.body.version).toBe(2);
      expect(res.body.actions[1]).toMatchObject({
        id: socAction.id,
        status: 'in_progress',
        version: 2,
        etag: '"a2"',
        progressNotes: [
          {
            text: 'Första samtalet är bokat.',
            author: { id: SOC_WORKER, displayName: expect.any(String) },
            agency: { id: SOC, name: 'Socialtjänsten Östersund' },
          },
        ],
      });
      // The description is the coordinator's: an agency sending it is refused as an unknown field.
      const unknown = await patch(
        soc,
        `/cases/${c.id}/plan/actions/${socAction.id}`,
        { description: 'Annat.' },
        '"a2"',
      ).expect(400);
      expect(unknown.body.errors).toEqual([
        { field: 'description', code: expect.any(String), message: 'description is not an allowed field' },
      ]);
      // The school's action is the school's (403: Socialtjänsten sees the plan); stale If-Match: 412.
      await patch(soc, `/cases/${c.id}/plan/actions/${created.body.actions[0].id}`, { status: 'done' }, '"a1"').expect(
        403,
      );
      const stale = await patch(soc, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'done' }, '"a1"').expect(
        412,
      );
      expect(stale.headers.etag).toBe('"a2"');
      expect(stale.body).toMatchObject({ actionId: socAction.id, currentEtag: '"a2"' });
      // The plan's ETag is not the action's: never a false match.
      await patch(soc, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'done' }, '"2"').expect(412);
      await patch(soc, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'done' }).expect(428);
      // The coordinator may update the school's own action, but not Socialtjänsten's.
      await patch(elevhalsa, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'done' }, '"a2"').expect(403);
      // Socialtjänsten's change did not make the school's action stale.
      await patch(
        elevhalsa,
        `/cases/${c.id}/plan/actions/${created.body.actions[0].id}`,
        { status: 'done' },
        created.body.actions[0].etag,
      ).expect(200);
      expect(await planVersion(c.id)).toBe(3);
      const events = await t.db.query(
        `SELECT actor_id, agency_id, data FROM case_event WHERE case_id = $1 AND kind = 'plan.action.updated' ORDER BY id`,
        [c.id],
      );
      expect(events.rows[0]).toMatchObject({
        actor_id: SOC_WORKER,
        agency_id: SOC,
        data: { actionId: socAction.id, version: 2, status: 'in_progress', previousStatus: 'planned' },
      });
      expect(JSON.stringify(events.rows)).not.toContain('samtalet');
    });

    it('lets two agencies change their own actions at once, and only one of two changes of the same action', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const [school, social] = created.body.actions.map((a: { id: string }) => a.id);
      const both = await Promise.all([
        patch(elevhalsa, `/cases/${c.id}/plan/actions/${school}`, { status: 'done' }, '"a1"'),
        patch(soc, `/cases/${c.id}/plan/actions/${social}`, { progressNote: 'Kontakt tagen.' }, '"a1"'),
      ]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect(await planVersion(c.id)).toBe(3);
      const same = await Promise.all([
        patch(soc, `/cases/${c.id}/plan/actions/${social}`, { status: 'done' }, '"a2"'),
        patch(soc, `/cases/${c.id}/plan/actions/${social}`, { status: 'cancelled' }, '"a2"'),
      ]);
      expect(same.map((r) => r.status).sort()).toEqual([200, 412]);
      expect(await planVersion(c.id)).toBe(4);
    });

    it('hides the plan from an agency without consent (404) and cuts access when consent is withdrawn', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      await get(bup, `/cases/${c.id}/plan`).expect(404);
      await patch(bup, `/cases/${c.id}/plan/actions/${created.body.actions[1].id}`, { status: 'done' }, '"a1"').expect(
        404,
      );
      await get(soc, `/cases/${c.id}/plan`).expect(200);
      await post(elevhalsa, `/cases/${c.id}/consents/${c.consentId}/withdraw`, {}).expect(200);
      await get(soc, `/cases/${c.id}/plan`).expect(404);
      await get(soc, `/cases/${c.id}/plan/versions`).expect(404);
      await patch(soc, `/cases/${c.id}/plan/actions/${created.body.actions[1].id}`, { status: 'done' }, '"a1"').expect(
        404,
      );
    });

    it('answers 403 to an agency whose consent does not cover the plan', async () => {
      const c = await newCase();
      await createPlan(c.id);
      await t.db.query(`UPDATE consent SET scope = '{case_summary}' WHERE id = $1`, [c.consentId]);
      await get(soc, `/cases/${c.id}/plan`).expect(403);
    });
  });

  describe('plan edits that do not collide (issue 19)', () => {
    it("keeps the coordinator's plan ETag usable after an agency updates its own action", async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const socAction = created.body.actions[1];
      await patch(soc, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'in_progress' }, socAction.etag).expect(
        200,
      );
      // The coordinator still holds "1": the PUT passes, changes what it changed, and keeps the agency's status.
      const body = asInput(created.body);
      body.actions[0].description = 'Anpassat schema, tre dagar i veckan.';
      const replaced = await put(elevhalsa, `/cases/${c.id}/plan`, body, '"1"').expect(200);
      expect(replaced.headers.etag).toBe('"3"');
      expect(replaced.body.actions[0]).toMatchObject({
        description: 'Anpassat schema, tre dagar i veckan.',
        version: 2,
        etag: '"a2"',
      });
      expect(replaced.body.actions[1]).toMatchObject({ id: socAction.id, status: 'in_progress', version: 2 });
      // The agency's ETag for its own action is still good after the coordinator's PUT.
      await patch(soc, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'done' }, '"a2"').expect(200);
    });

    it('refuses (412) a PUT that changes or removes an action an agency changed since it was read', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const socAction = created.body.actions[1];
      await patch(soc, `/cases/${c.id}/plan/actions/${socAction.id}`, { status: 'done' }, '"a1"').expect(200);
      const changed = asInput(created.body);
      changed.actions[1].dueDate = '2099-04-30';
      const conflict = await put(elevhalsa, `/cases/${c.id}/plan`, changed, '"1"').expect(412);
      expect(conflict.body).toMatchObject({ currentVersion: 2, conflictingActions: [socAction.id] });
      expect(conflict.headers.etag).toBe('"2"');
      const removed = asInput(created.body);
      removed.actions = removed.actions.slice(0, 1);
      await put(elevhalsa, `/cases/${c.id}/plan`, removed, '"1"').expect(412);
      expect(await planVersion(c.id)).toBe(2);
      // A change of the coordinator's own in between still makes a stale ETag 412, as before.
      await put(elevhalsa, `/cases/${c.id}/plan`, { ...asInput(created.body), pupilView: 'Ny.' }, '"2"').expect(200);
      await put(elevhalsa, `/cases/${c.id}/plan`, asInput(created.body), '"2"').expect(412);
    });

    it('answers 412 to the second of two changes of the same action, and to a coordinator PUT on it', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const school = created.body.actions[0];
      const body = asInput(created.body);
      body.actions[0].status = 'in_progress';
      await put(elevhalsa, `/cases/${c.id}/plan`, body, '"1"').expect(200);
      // The coordinator changed the school's action: the ETag read before is stale.
      const stale = await patch(elevhalsa, `/cases/${c.id}/plan/actions/${school.id}`, { status: 'done' }, school.etag);
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe('/problems/precondition-failed');
      expect(stale.headers.etag).toBe('"a2"');
    });

    it('names the version agreed, and says when the plan in force differs from it', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      expect(created.body).toMatchObject({ agreedVersion: null, changedSinceAgreement: false });
      const agreed = await post(
        elevhalsa,
        `/cases/${c.id}/plan/agreements`,
        { participants: [{ participant: 'agency', agencyId: SOC, name: 'Sam' }], agreedAt: new Date().toISOString() },
        '"1"',
      ).expect(201);
      expect(agreed.body).toMatchObject({ version: 2, agreedVersion: 1, changedSinceAgreement: false });
      expect(agreed.body.agreements).toEqual([expect.objectContaining({ planVersion: 1 })]);
      // An agency's progress is not a change of the plan agreed.
      await patch(soc, `/cases/${c.id}/plan/actions/${created.body.actions[1].id}`, { status: 'done' }, '"a1"').expect(
        200,
      );
      expect((await get(elevhalsa, `/cases/${c.id}/plan`).expect(200)).body.changedSinceAgreement).toBe(false);
      const replaced = await put(
        elevhalsa,
        `/cases/${c.id}/plan`,
        { ...asInput((await get(elevhalsa, `/cases/${c.id}/plan`)).body), pupilView: 'Annat nu.' },
        '"3"',
      ).expect(200);
      expect(replaced.body).toMatchObject({ version: 4, agreedVersion: 1, changedSinceAgreement: true });
      const soc1 = await get(soc, `/cases/${c.id}/plan`).expect(200);
      expect(soc1.body).toMatchObject({ agreedVersion: 1, changedSinceAgreement: true });
    });

    it('refuses an action PATCH without If-Match (428), with * (428), and to an agency without consent (404)', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const path = `/cases/${c.id}/plan/actions/${created.body.actions[1].id}`;
      await patch(soc, path, { status: 'done' }).expect(428);
      await patch(soc, path, { status: 'done' }, '*').expect(428);
      await patch(bup, path, { status: 'done' }, '"a1"').expect(404);
      expect(await planVersion(c.id)).toBe(1);
    });
  });

  describe('versions and timeline', () => {
    it('lists every version and returns an old one as it was', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const body = asInput(created.body);
      await put(elevhalsa, `/cases/${c.id}/plan`, { ...body, pupilView: 'Nu går det bättre.' }, '"1"').expect(200);
      await patch(
        soc,
        `/cases/${c.id}/plan/actions/${created.body.actions[1].id}`,
        { progressNote: 'Samtal hållet.' },
        '"a1"',
      ).expect(200);

      const list = await get(soc, `/cases/${c.id}/plan/versions`).expect(200);
      expect(list.headers.etag).toBe('"3"');
      expect(list.body.items).toMatchObject([
        { version: 3, change: 'action.updated', agency: { id: SOC }, changedBy: { id: SOC_WORKER } },
        { version: 2, change: 'replaced', agency: { id: STORSJO } },
        { version: 1, change: 'created', agency: { id: STORSJO }, changedBy: { id: ELEVHALSA } },
      ]);
      const paged = await get(elevhalsa, `/cases/${c.id}/plan/versions?limit=2`).expect(200);
      expect(paged.body.items).toHaveLength(2);
      const rest = await get(elevhalsa, `/cases/${c.id}/plan/versions?limit=2&cursor=${paged.body.nextCursor}`).expect(
        200,
      );
      expect(rest.body).toMatchObject({ items: [{ version: 1 }], nextCursor: null });

      const v1 = await get(elevhalsa, `/cases/${c.id}/plan/versions/1`).expect(200);
      expect(v1.headers.etag).toBe('"1"');
      expect(v1.body).toMatchObject({ version: 1, change: 'created' });
      expect(v1.body.plan).toEqual(created.body);
      const v3 = await get(elevhalsa, `/cases/${c.id}/plan/versions/3`).expect(200);
      expect(v3.body.plan.pupilView).toBe('Nu går det bättre.');
      expect(v3.body.plan.actions[1].progressNotes).toHaveLength(1);
      await get(elevhalsa, `/cases/${c.id}/plan/versions/9`).expect(404);

      const timeline = await get(elevhalsa, `/cases/${c.id}/timeline`).expect(200);
      const kinds = timeline.body.items.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['plan.created', 'plan.updated', 'plan.action.updated']));
      const updated = timeline.body.items.find((e: { kind: string }) => e.kind === 'plan.updated');
      expect(updated.data).toMatchObject({ version: 2 });
    });
  });

  describe('bad input writes nothing', () => {
    it('refuses changes of a closed case (409)', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      await t.db.query(
        `UPDATE support_case SET status = 'closed', closed_at = now(), outcome = 'other' WHERE id = $1`,
        [c.id],
      );
      const res = await put(elevhalsa, `/cases/${c.id}/plan`, asInput(created.body), '"1"').expect(409);
      expect(res.body.type).toBe('/problems/conflict');
      // Closing ended the agency's access to the case: its own action is out of reach (404).
      await patch(soc, `/cases/${c.id}/plan/actions/${created.body.actions[1].id}`, { status: 'done' }, '"a1"').expect(
        404,
      );
      await post(
        elevhalsa,
        `/cases/${c.id}/plan/agreements`,
        { participants: [{ participant: 'pupil', name: 'Eleven' }], agreedAt: new Date().toISOString() },
        '"1"',
      ).expect(409);
      expect(await planVersion(c.id)).toBe(1);
    });

    it('refuses an action for an agency not in the case, a responsible of another agency, bad dates (422)', async () => {
      const c = await newCase();
      const created = await createPlan(c.id);
      const body = asInput(created.body);
      const path = `/cases/${c.id}/plan`;
      const withAction = (action: object) => ({ ...body, actions: [...body.actions, action] });
      const hab = await put(
        elevhalsa,
        path,
        withAction({ description: 'Utredning.', agencyId: HAB, dueDate: '2099-02-01', status: 'planned' }),
        '"1"',
      ).expect(422);
      expect(hab.body.errors).toEqual([
        {
          field: 'actions.2.agencyId',
          code: expect.any(String),
          message: 'must be the school or an agency in the case',
        },
      ]);
      const other = await put(
        elevhalsa,
        path,
        withAction({
          description: 'Samtal.',
          agencyId: SOC,
          responsibleUserId: BUP_WORKER,
          dueDate: '2099-02-01',
          status: 'planned',
        }),
        '"1"',
      ).expect(422);
      expect(other.body.errors).toEqual([
        {
          field: 'actions.2.responsibleUserId',
          code: expect.any(String),
          message: "must be an active user of the action's agency",
        },
      ]);
      const dates = await put(
        elevhalsa,
        path,
        withAction({
          description: 'Samtal.',
          agencyId: SOC,
          startDate: '2099-02-10',
          dueDate: '2099-02-01',
          status: 'planned',
        }),
        '"1"',
      ).expect(422);
      expect(dates.body.errors).toEqual([
        { field: 'actions.2.dueDate', code: expect.any(String), message: 'must not be before startDate' },
      ]);
      // A goal id from another plan, an empty target, a non-date.
      const foreign = await put(
        elevhalsa,
        path,
        { ...body, goals: [{ id: demoId('pupil:1'), text: 'Mål.' }] },
        '"1"',
      ).expect(422);
      expect(foreign.body.errors).toEqual([
        { field: 'goals.0.id', code: expect.any(String), message: 'is not a goal of this plan' },
      ]);
      const target = await put(elevhalsa, path, { ...body, goals: [{ text: 'Mål.', target: {} }] }, '"1"').expect(422);
      expect(target.body.errors).toEqual([
        { field: 'goals.0.target', code: expect.any(String), message: 'give attendancePercent, byDate or text' },
      ]);
      await put(elevhalsa, path, { ...body, reviewDates: ['2099-02-30'] }, '"1"').expect(400);
      await put(
        elevhalsa,
        path,
        { ...body, goals: [{ text: 'Mål.', target: { attendancePercent: 120 } }] },
        '"1"',
      ).expect(400);
      // The first creation with bad dates writes no plan at all.
      const fresh = await newCase();
      await put(
        elevhalsa,
        `/cases/${fresh.id}/plan`,
        basePlan({
          actions: [
            { description: 'X', agencyId: SOC, startDate: '2099-03-01', dueDate: '2099-02-01', status: 'planned' },
          ],
        }),
      ).expect(422);
      expect(await planVersion(fresh.id)).toBeNull();
      expect(await planVersion(c.id)).toBe(1);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM plan_action pa JOIN case_plan p ON p.id = pa.plan_id WHERE p.case_id = $1`,
        [c.id],
      );
      expect(rows[0].n).toBe(2);
    });

    it('lets only the coordinator write the plan', async () => {
      const c = await newCase();
      await put(rektor, `/cases/${c.id}/plan`, basePlan()).expect(403);
      await put(soc, `/cases/${c.id}/plan`, basePlan()).expect(403);
      expect(await planVersion(c.id)).toBeNull();
    });
  });

  describe('agreement', () => {
    it('records who agreed to which version and sets plan_agreed_at once (lead times show it)', async () => {
      const c = await newCase();
      await createPlan(c.id);
      const agreedAt = new Date(Date.now() - 3_600_000).toISOString();
      const path = `/cases/${c.id}/plan/agreements`;
      const body = {
        participants: [
          { participant: 'pupil', name: 'Eleven' },
          { participant: 'guardian', name: 'Vera Vårdnadshavare' },
          { participant: 'agency', agencyId: SOC, name: 'Sam Socialsekreterare' },
        ],
        agreedAt,
      };
      await post(elevhalsa, path, body).expect(428);
      await post(elevhalsa, path, body, '"7"').expect(412);
      await post(
        elevhalsa,
        path,
        { ...body, participants: [{ participant: 'agency', agencyId: HAB, name: 'Hab' }] },
        '"1"',
      ).expect(422);
      await post(soc, path, body, '"1"').expect(403);
      const res = await post(elevhalsa, path, body, '"1"').expect(201);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body.agreements).toMatchObject([
        { participant: 'pupil', name: 'Eleven', planVersion: 1, agency: null, agreedAt },
        { participant: 'guardian', planVersion: 1 },
        { participant: 'agency', agency: { id: SOC }, planVersion: 1 },
      ]);
      const { rows } = await t.db.query(`SELECT plan_agreed_at FROM support_case WHERE id = $1`, [c.id]);
      expect(rows[0].plan_agreed_at.toISOString()).toBe(agreedAt);
      const leadTimes = await get(elevhalsa, `/cases/${c.id}/lead-times`).expect(200);
      expect(leadTimes.body.planAgreedAt).toBe(agreedAt);
      // A later agreement does not move the first one.
      await post(elevhalsa, path, { ...body, agreedAt: new Date().toISOString() }, '"2"').expect(201);
      expect((await get(elevhalsa, `/cases/${c.id}/lead-times`).expect(200)).body.planAgreedAt).toBe(agreedAt);
      const events = await t.db.query(`SELECT data FROM case_event WHERE case_id = $1 AND kind = 'plan.agreed'`, [
        c.id,
      ]);
      expect(events.rows[0].data).toMatchObject({ agreedVersion: 1, version: 2 });
    });
  });

  describe('the agency work list', () => {
    it('lists my and my agency’s actions with due and overdue marked, never outside consent', async () => {
      const a = await newCase();
      const b = await newCase();
      const today = swedishDate();
      const planA = await createPlan(a.id);
      // A past due date (overdue), one due within a week, one done in the past (neither).
      await put(
        elevhalsa,
        `/cases/${a.id}/plan`,
        {
          ...asInput(planA.body),
          actions: [
            ...asInput(planA.body).actions.map((x) =>
              x.agencyId === SOC ? { ...x, startDate: addDays(today, -20), dueDate: addDays(today, -3) } : x,
            ),
            { description: 'Hembesök.', agencyId: SOC, dueDate: addDays(today, 3), status: 'in_progress' },
            { description: 'Avslutat.', agencyId: SOC, dueDate: addDays(today, -10), status: 'done' },
          ],
        },
        '"1"',
      ).expect(200);
      await createPlan(b.id);

      const agency = await get(soc, '/actions?agency=true').expect(200);
      const mineA = agency.body.items.filter((i: { caseId: string }) => i.caseId === a.id);
      expect(mineA).toEqual([
        expect.objectContaining({
          description: 'Avslutat.',
          caseReference: a.reference,
          dueDate: addDays(today, -10),
          due: false,
          overdue: false,
        }),
        expect.objectContaining({
          description: 'Familjesamtal varannan vecka.',
          agency: { id: SOC, name: 'Socialtjänsten Östersund', type: 'social_services' },
          responsible: { id: SOC_WORKER, displayName: expect.any(String) },
          dueDate: addDays(today, -3),
          status: 'planned',
          due: false,
          overdue: true,
        }),
        expect.objectContaining({ description: 'Hembesök.', responsible: null, due: true, overdue: false }),
      ]);
      const dues = agency.body.items.map((i: { dueDate: string }) => i.dueDate);
      expect(dues).toEqual([...dues].sort());
      expect(agency.body.items.some((i: { caseId: string }) => i.caseId === b.id)).toBe(true);
      expect(agency.body.items.every((i: { agency: { id: string } }) => i.agency.id === SOC)).toBe(true);
      // The pupil's name never appears.
      const { rows } = await t.db.query(
        `SELECT s.first_name, s.last_name FROM student s JOIN support_case c ON c.student_id = s.id WHERE c.id = $1`,
        [a.id],
      );
      expect(JSON.stringify(agency.body)).not.toContain(rows[0].last_name);

      const mine = await get(soc, '/actions?mine=true').expect(200);
      expect(
        mine.body.items.every((i: { responsible: { id: string } | null }) => i.responsible?.id === SOC_WORKER),
      ).toBe(true);
      expect(mine.body.items.some((i: { caseId: string }) => i.caseId === a.id)).toBe(true);
      const done = await get(soc, '/actions?agency=true&status=done').expect(200);
      expect(done.body.items.every((i: { status: string }) => i.status === 'done')).toBe(true);

      // The school sees its own actions; BUP (no consent) nothing of these cases.
      const school = await get(elevhalsa, '/actions?agency=true').expect(200);
      expect(school.body.items.some((i: { caseId: string; agency: { id: string } }) => i.caseId === a.id)).toBe(true);
      expect(school.body.items.every((i: { agency: { id: string } }) => i.agency.id === STORSJO)).toBe(true);
      const bupList = await get(bup, '/actions?agency=true').expect(200);
      expect(bupList.body.items.some((i: { caseId: string }) => [a.id, b.id].includes(i.caseId))).toBe(false);

      // Withdrawn consent: the case's actions leave the list at once.
      await post(elevhalsa, `/cases/${b.id}/consents/${b.consentId}/withdraw`, {}).expect(200);
      const after = await get(soc, '/actions?agency=true').expect(200);
      expect(after.body.items.some((i: { caseId: string }) => i.caseId === b.id)).toBe(false);
      expect(after.body.items.some((i: { caseId: string }) => i.caseId === a.id)).toBe(true);
    });

    it('pages by due date and needs exactly one of mine/agency (400)', async () => {
      const first = await get(soc, '/actions?agency=true&limit=1').expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await get(soc, `/actions?agency=true&limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      expect(second.body.items[0].dueDate >= first.body.items[0].dueDate).toBe(true);
      await get(soc, '/actions').expect(400);
      await get(soc, '/actions?mine=true&agency=true').expect(400);
      await get(soc, '/actions?mine=yes').expect(400);
      await get(soc, '/actions?agency=true&cursor=bogus').expect(400);
    });
  });
});
