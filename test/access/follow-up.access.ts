import { addDays, addMonths, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, ADMINS, only } from '../support/access-table';
import { Given, givenFor, monthsAgo } from '../support/given';
import { API } from '../support/test-app';

/**
 * Reviews, follow-ups, the printable plan and outcome statistics. The open case is
 * Storsjöskolan's with a plan; social services is mobilised with consent (case_summary, plan),
 * BUP mobilised without consent, habilitation not at all. The closed case (closed six months ago,
 * its 6-month follow-up due today) has the same agencies; its 18-month follow-up is recorded
 * (early) naming social services for new interventions, the only way an outside agency still
 * reads a closed case. The other closed case names nobody: closed to every outside agency.
 */
interface Ctx {
  caseId: string;
  closedCaseId: string;
  unnamedClosedCaseId: string;
}

const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const SCHOOL_CASE_ROLES = ['rektor@storsjo.demo', 'elevhalsa@storsjo.demo'];
const HIDDEN = { 'elevhalsa@park.demo': 404, 'bup@regionjh.demo': 404, 'hab@regionjh.demo': 404 };
const planReaders = only([...SCHOOL_CASE_ROLES, 'soc@ostersund.demo'], 200, 403, HIDDEN);
const coordinatorOnly = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

/** A case closed six months ago, its follow-ups scheduled, social services in with consent (summary, plan). */
async function closedCase(given: Given, reference: string): Promise<string> {
  const caseId = await given.case(await given.pupil(), {
    reference,
    status: 'closed',
    openedAt: monthsAgo(9),
    closedAt: monthsAgo(6),
    outcome: 'other',
    closeReason: 'Avslutat',
  });
  const closedOn = swedishDate(monthsAgo(6));
  await given.followUpsDue(caseId, addMonths(closedOn, 6), addMonths(closedOn, 18));
  await mobilise(given, caseId);
  const today = swedishDate();
  await given.consent(caseId, demoId('agency:soc'), {
    scope: ['case_summary', 'plan'],
    givenAt: addDays(today, -200),
    validUntil: addDays(today, 165),
  });
  return caseId;
}

/** Social services in with consent for the summary and the plan, BUP invited without consent. */
async function mobilise(given: Given, caseId: string): Promise<void> {
  for (const agency of ['soc', 'bup']) await given.invitation(caseId, demoId(`agency:${agency}`));
}

export const followUpAccess: AccessGroup<Ctx> = {
  name: 'follow-up',
  async setup(t, tokens) {
    const elevhalsa = tokens.get('elevhalsa@storsjo.demo')!;
    const given = givenFor(t.db);
    const openPupil = (await given.pupil()).id;
    const opened = await t.http
      .post(`${API}/cases`)
      .set('authorization', elevhalsa)
      .send({ studentId: openPupil })
      .expect(201);
    const caseId: string = opened.body.id;
    await given.goal(await given.plan(caseId), { text: 'Närvaro minst 80 %', targetPercent: 80 });
    await mobilise(given, caseId);
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

    const closedCaseId = await closedCase(given, 'T-FOLLOW-UP-ACCESS');
    await t.db.query(
      `UPDATE case_follow_up SET recorded_at = now(), recorded_by = $2, school_or_work_20h = false,
              new_interventions = '{social_services}'
        WHERE case_id = $1 AND months = 18`,
      [closedCaseId, ELEVHALSA],
    );
    const unnamedClosedCaseId = await closedCase(given, 'T-FOLLOW-UP-ACCESS-2');
    return { caseId, closedCaseId, unnamedClosedCaseId };
  },
  rows: [
    {
      route: 'POST /cases/:id/reviews',
      request: (c) => ({ path: `/cases/${c.caseId}/reviews`, body: { reviewedOn: swedishDate(), goalReached: true } }),
      expect: coordinatorOnly(201),
    },
    { route: 'GET /cases/:id/reviews', request: (c) => ({ path: `/cases/${c.caseId}/reviews` }), expect: planReaders },
    {
      // A closed case whose recorded follow-up names social services: it reads that follow-up.
      route: 'GET /cases/:id/follow-ups',
      request: (c) => ({ path: `/cases/${c.closedCaseId}/follow-ups` }),
      expect: planReaders,
    },
    {
      // A closed case naming nobody: closed to social services despite its consent in force.
      route: 'GET /cases/:id/follow-ups',
      request: (c) => ({ path: `/cases/${c.unnamedClosedCaseId}/follow-ups` }),
      expect: only(SCHOOL_CASE_ROLES, 200, 403, { ...HIDDEN, 'soc@ostersund.demo': 404 }),
    },
    {
      route: 'POST /cases/:id/follow-ups/:months',
      request: (c) => ({
        path: `/cases/${c.closedCaseId}/follow-ups/6`,
        body: { schoolOrWork20h: true, newInterventions: [] },
      }),
      expect: coordinatorOnly(201),
    },
    {
      // Elevhälsa's own work lists: the school's elevhälsa only (Parkskolan's gets its own school's, empty here).
      route: 'GET /reviews/due',
      request: () => ({ path: '/reviews/due' }),
      expect: only(['elevhalsa@storsjo.demo', 'elevhalsa@park.demo'], 200),
    },
    {
      route: 'GET /follow-ups/due',
      request: () => ({ path: '/follow-ups/due' }),
      expect: only(['elevhalsa@storsjo.demo', 'elevhalsa@park.demo'], 200),
    },
    {
      route: 'GET /cases/:id/plan.html',
      request: (c) => ({ path: `/cases/${c.caseId}/plan.html` }),
      expect: planReaders,
    },
    {
      // Aggregates with small cells suppressed: the region admin gets its own (empty) organisation's.
      route: 'GET /stats/outcomes',
      request: () => ({ path: '/stats/outcomes' }),
      expect: only([...SCHOOL_CASE_ROLES, 'elevhalsa@park.demo', ...ADMINS], 200),
    },
  ],
  permissions: [
    'POST /cases/:id/reviews → case.manage',
    'GET /cases/:id/reviews → case.read',
    'GET /cases/:id/follow-ups → case.read',
    'POST /cases/:id/follow-ups/:months → case.manage',
    'GET /reviews/due → case.manage',
    'GET /follow-ups/due → case.manage',
    'GET /cases/:id/plan.html → case.read',
    'GET /stats/outcomes → stats.read',
  ],
};
