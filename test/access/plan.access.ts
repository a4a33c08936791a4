import { swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, CallerName, only } from '../support/access-table';
import { givenFor } from '../support/given';
import { API } from '../support/test-app';

/**
 * The shared action plan. The case is Storsjöskolan's; Socialtjänsten is mobilised with consent
 * covering `plan` (reads the plan, updates its own action), BUP is mobilised without consent and
 * Habiliteringen not at all (both: 404, as for Parkskolan's elevhälsa). Only the case's
 * coordinator (the demo elevhälsa) writes the plan; rektor reads it. The other case is coordinated
 * by another elevhälsa user of the school: the demo elevhälsa may not write its plan.
 */
interface Ctx {
  caseId: string;
  schoolActionId: string;
  socActionId: string;
  /** The plan's version as the next successful change will find it (rows run in order). */
  version: number;
  /** Each action's version as the next successful change of it will find it (its ETag `"a<n>"`). */
  actionVersions: Record<string, number>;
  otherCoordinatorsCaseId: string;
}

const HIDDEN = { 'elevhalsa@park.demo': 404, 'bup@regionjh.demo': 404, 'hab@regionjh.demo': 404 };
const planRead = only(['elevhalsa@storsjo.demo', 'rektor@storsjo.demo', 'soc@ostersund.demo'], 200, 403, HIDDEN);
const coordinatorOnly = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

/**
 * The If-Match a caller sends: the current version. A caller expected to succeed moves the
 * version on for the callers after it (the table's rows and callers run in order).
 */
function ifMatch(c: Ctx, caller: CallerName, succeeds: string[], changes: string[] = []): Record<string, string> {
  const header = { 'if-match': `"${c.version}"` };
  if (succeeds.includes(caller)) {
    c.version += 1;
    for (const id of changes) c.actionVersions[id] += 1;
  }
  return header;
}

/** The If-Match of an action's PATCH: the action's own ETag. */
function actionIfMatch(c: Ctx, caller: CallerName, actionId: string, succeeds: string[]): Record<string, string> {
  const header = { 'if-match': `"a${c.actionVersions[actionId]}"` };
  if (succeeds.includes(caller)) {
    c.version += 1;
    c.actionVersions[actionId] += 1;
  }
  return header;
}

export const planAccess: AccessGroup<Ctx> = {
  name: 'plan',
  async setup(t, tokens) {
    const elevhalsa = tokens.get('elevhalsa@storsjo.demo')!;
    const given = givenFor(t.db);
    const otherCoordinator = await given.user({
      agency: demoId('agency:storsjo'),
      roles: ['elevhalsa'],
      username: 'kurator.plan@storsjo.demo',
      displayName: 'Kim Kurator',
      passwordHash: 'no-login',
    });
    const otherCaseId = await given.case(await given.pupil(), {
      reference: 'T-PLAN-OTHER',
      coordinator: otherCoordinator.id,
    });
    const studentId = (await given.pupil()).id;
    const opened = await t.http.post(`${API}/cases`).set('authorization', elevhalsa).send({ studentId }).expect(201);
    const caseId: string = opened.body.id;
    for (const agency of ['soc', 'bup']) await given.invitation(caseId, demoId(`agency:${agency}`));
    await t.http
      .post(`${API}/cases/${caseId}/consents`)
      .set('authorization', elevhalsa)
      .send({
        agencyId: demoId('agency:soc'),
        givenBy: 'guardian',
        givenByName: 'Vera Vårdnadshavare',
        scope: ['case_summary', 'plan'],
        givenAt: swedishDate(),
      })
      .expect(201);
    const plan = await t.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', elevhalsa)
      .send({
        goals: [{ text: 'Eleven är i skolan varje dag.', target: { attendancePercent: 80 } }],
        actions: [
          {
            description: 'Anpassat schema.',
            agencyId: demoId('agency:storsjo'),
            dueDate: '2099-01-31',
            status: 'planned',
          },
          {
            description: 'Familjesamtal.',
            agencyId: demoId('agency:soc'),
            responsibleUserId: demoId('user:soc@ostersund.demo'),
            dueDate: '2099-01-31',
            status: 'planned',
          },
        ],
        reviewDates: ['2099-02-15'],
      })
      .expect(201);
    return {
      caseId,
      schoolActionId: plan.body.actions[0].id,
      socActionId: plan.body.actions[1].id,
      version: plan.body.version,
      actionVersions: { [plan.body.actions[0].id]: 1, [plan.body.actions[1].id]: 1 },
      otherCoordinatorsCaseId: otherCaseId,
    };
  },
  rows: [
    { route: 'GET /cases/:id/plan', request: (c) => ({ path: `/cases/${c.caseId}/plan` }), expect: planRead },
    {
      route: 'PUT /cases/:id/plan',
      request: (c, caller) => ({
        path: `/cases/${c.caseId}/plan`,
        headers: ifMatch(c, caller, ['elevhalsa@storsjo.demo'], [c.schoolActionId, c.socActionId]),
        body: {
          goals: [{ text: 'Eleven är i skolan varje dag.', target: { attendancePercent: 85 } }],
          actions: [
            {
              id: c.schoolActionId,
              description: 'Anpassat schema.',
              agencyId: demoId('agency:storsjo'),
              dueDate: '2099-01-31',
              status: 'in_progress',
            },
            {
              id: c.socActionId,
              description: 'Familjesamtal.',
              agencyId: demoId('agency:soc'),
              dueDate: '2099-01-31',
              status: 'planned',
            },
          ],
          reviewDates: ['2099-02-15'],
        },
      }),
      // rektor has no plan.write; soc has neither the permission nor the coordination.
      expect: coordinatorOnly(200),
    },
    {
      // Rule 3: only the case's coordinator writes the plan; the school's other elevhälsa gets 403.
      route: 'PUT /cases/:id/plan',
      request: (c) => ({
        path: `/cases/${c.otherCoordinatorsCaseId}/plan`,
        body: { goals: [{ text: 'Mål.' }], actions: [] },
      }),
      expect: only([], 0, 403, { 'elevhalsa@park.demo': 404 }),
    },
    {
      route: 'PATCH /cases/:id/plan/actions/:actionId',
      request: (c, caller) => {
        // Each agency updates its own action: the school its own, Socialtjänsten its own.
        const actionId = caller.endsWith('@storsjo.demo') ? c.schoolActionId : c.socActionId;
        return {
          path: `/cases/${c.caseId}/plan/actions/${actionId}`,
          headers: actionIfMatch(c, caller, actionId, ['elevhalsa@storsjo.demo', 'soc@ostersund.demo']),
          body: { status: 'in_progress', progressNote: 'Påbörjat.' },
        };
      },
      // rektor and mentors lack planAction.update.
      expect: only(['elevhalsa@storsjo.demo', 'soc@ostersund.demo'], 200, 403, HIDDEN),
    },
    {
      route: 'POST /cases/:id/plan/agreements',
      request: (c, caller) => ({
        path: `/cases/${c.caseId}/plan/agreements`,
        headers: ifMatch(c, caller, ['elevhalsa@storsjo.demo']),
        body: {
          participants: [
            { participant: 'pupil', name: 'Eleven' },
            { participant: 'agency', agencyId: demoId('agency:soc'), name: 'Socialsekreteraren' },
          ],
          agreedAt: new Date().toISOString(),
        },
      }),
      expect: coordinatorOnly(201),
    },
    {
      route: 'GET /cases/:id/plan/versions',
      request: (c) => ({ path: `/cases/${c.caseId}/plan/versions` }),
      expect: planRead,
    },
    {
      route: 'GET /cases/:id/plan/versions/:n',
      request: (c) => ({ path: `/cases/${c.caseId}/plan/versions/1` }),
      expect: planRead,
    },
    {
      route: 'GET /actions',
      request: () => ({ path: '/actions?agency=true' }),
      expect: only(
        [
          'rektor@storsjo.demo',
          'elevhalsa@storsjo.demo',
          'elevhalsa@park.demo',
          'soc@ostersund.demo',
          'bup@regionjh.demo',
          'hab@regionjh.demo',
        ],
        200,
      ),
    },
  ],
  permissions: [
    'GET /cases/:id/plan → case.read',
    'PUT /cases/:id/plan → plan.write',
    'PATCH /cases/:id/plan/actions/:actionId → planAction.update',
    'POST /cases/:id/plan/agreements → plan.write',
    'GET /cases/:id/plan/versions → case.read',
    'GET /cases/:id/plan/versions/:n → case.read',
    'GET /actions → actions.read',
  ],
};
