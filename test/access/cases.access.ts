import { swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, only } from '../support/access-table';
import { Given, givenFor } from '../support/given';
import { API } from '../support/test-app';

/**
 * Cases, consent and lead times. The case is Storsjöskolan's; social services is mobilised with
 * consent in force (sees it), BUP is mobilised without consent and habilitation not at all
 * (both: 404, as for Parkskolan's elevhälsa). Mentors, admins and auditors lack the permission.
 * The other case is coordinated by another elevhälsa user of Storsjöskolan (not a demo user):
 * the demo elevhälsa may read it but not record or withdraw its consent. The closed case has
 * social services mobilised with consent in force: closing ended its access.
 */
interface Ctx {
  caseId: string;
  habConsentId: string;
  otherCoordinatorsCaseId: string;
  otherCoordinatorsConsentId: string;
  closedCaseId: string;
}

const SCHOOL_CASE_ROLES = ['rektor@storsjo.demo', 'elevhalsa@storsjo.demo'];
const HIDDEN = { 'elevhalsa@park.demo': 404, 'bup@regionjh.demo': 404, 'hab@regionjh.demo': 404 };
const caseReaders = only([...SCHOOL_CASE_ROLES, 'soc@ostersund.demo'], 200, 403, HIDDEN);
const coordinatorOnly = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });
/** Not the coordinator: the demo elevhälsa is refused like the principal (rule 3). */
const nobodyHere = only([], 0, 403, { 'elevhalsa@park.demo': 404 });

/** A Storsjö case of a fresh pupil with social services mobilised and consenting (summary). */
async function socCase(
  given: Given,
  reference: string,
  coordinator: string,
  status: 'open' | 'closed' = 'open',
): Promise<{ caseId: string; consentId: string }> {
  const { caseId, consentId } = await given.caseWithConsent(await given.pupil(), demoId('agency:soc'), {
    case: {
      reference,
      coordinator,
      status,
      ...(status === 'closed' ? { outcome: 'other', closeReason: 'Avslutat' } : {}),
    },
  });
  return { caseId, consentId };
}

export const casesAccess: AccessGroup<Ctx> = {
  name: 'cases',
  async setup(t, tokens) {
    const elevhalsa = tokens.get('elevhalsa@storsjo.demo')!;
    const given = givenFor(t.db);
    const opened = await t.http
      .post(`${API}/cases`)
      .set('authorization', elevhalsa)
      .send({ studentId: (await given.pupil()).id })
      .expect(201);
    const caseId: string = opened.body.id;
    for (const agency of ['soc', 'bup']) await given.invitation(caseId, demoId(`agency:${agency}`));
    const consent = (agency: string) =>
      t.http
        .post(`${API}/cases/${caseId}/consents`)
        .set('authorization', elevhalsa)
        .send({
          agencyId: demoId(`agency:${agency}`),
          givenBy: 'guardian',
          givenByName: 'Vera Vårdnadshavare',
          scope: ['case_summary', 'mapping'],
          givenAt: swedishDate(),
        })
        .expect(201);
    await consent('soc');
    const hab = await consent('hab');
    const otherCoordinator = await given.user({
      agency: demoId('agency:storsjo'),
      roles: ['elevhalsa'],
      username: 'kurator.cases@storsjo.demo',
      displayName: 'Kim Kurator',
      passwordHash: 'no-login',
    });
    const other = await socCase(given, 'T-CASES-42', otherCoordinator.id);
    const closed = await socCase(given, 'T-CASES-43', demoId('user:elevhalsa@storsjo.demo'), 'closed');
    return {
      caseId,
      habConsentId: hab.body.id,
      otherCoordinatorsCaseId: other.caseId,
      otherCoordinatorsConsentId: other.consentId,
      closedCaseId: closed.caseId,
    };
  },
  rows: [
    {
      route: 'POST /cases',
      request: () => ({ path: '/cases', body: { studentId: demoId('pupil:40') } }),
      expect: coordinatorOnly(201),
    },
    {
      route: 'GET /cases',
      request: () => ({ path: '/cases' }),
      expect: only(
        [...SCHOOL_CASE_ROLES, 'elevhalsa@park.demo', 'soc@ostersund.demo', 'bup@regionjh.demo', 'hab@regionjh.demo'],
        200,
      ),
    },
    { route: 'GET /cases/:id', request: (c) => ({ path: `/cases/${c.caseId}` }), expect: caseReaders },
    {
      // Closed: social services' consent is still in force, but its access ended with the case.
      route: 'GET /cases/:id',
      request: (c) => ({ path: `/cases/${c.closedCaseId}` }),
      expect: only(SCHOOL_CASE_ROLES, 200, 403, { ...HIDDEN, 'soc@ostersund.demo': 404 }),
    },
    {
      route: 'GET /cases/:id/timeline',
      request: (c) => ({ path: `/cases/${c.caseId}/timeline` }),
      expect: caseReaders,
    },
    {
      route: 'GET /cases/:id/lead-times',
      request: (c) => ({ path: `/cases/${c.caseId}/lead-times` }),
      expect: caseReaders,
    },
    {
      route: 'GET /cases/:id/consents',
      request: (c) => ({ path: `/cases/${c.caseId}/consents` }),
      expect: caseReaders,
    },
    {
      route: 'POST /cases/:id/status',
      request: (c) => ({ path: `/cases/${c.caseId}/status`, body: { status: 'mapping' } }),
      expect: coordinatorOnly(200),
    },
    {
      // Handing over to the coordinator they already have: the one caller who may gets 409, not a change.
      route: 'POST /cases/:id/coordinator',
      request: (c) => ({
        path: `/cases/${c.caseId}/coordinator`,
        body: { coordinatorId: demoId('user:elevhalsa@storsjo.demo') },
      }),
      expect: only(SCHOOL_CASE_ROLES, 409, 403, { 'elevhalsa@park.demo': 404 }),
    },
    {
      route: 'POST /cases/:id/consents',
      request: (c) => ({
        path: `/cases/${c.caseId}/consents`,
        body: {
          agencyId: demoId('agency:bup'),
          givenBy: 'pupil',
          givenByName: 'Eleven själv',
          scope: ['attendance'],
          givenAt: swedishDate(),
        },
      }),
      expect: coordinatorOnly(201),
    },
    {
      // Another elevhälsa user coordinates this case: the demo elevhälsa may not record its consent.
      route: 'POST /cases/:id/consents',
      request: (c) => ({
        path: `/cases/${c.otherCoordinatorsCaseId}/consents`,
        body: {
          agencyId: demoId('agency:bup'),
          givenBy: 'pupil',
          givenByName: 'Eleven själv',
          scope: ['attendance'],
          givenAt: swedishDate(),
        },
      }),
      expect: nobodyHere,
    },
    {
      route: 'POST /cases/:id/consents/:consentId/withdraw',
      request: (c) => ({ path: `/cases/${c.caseId}/consents/${c.habConsentId}/withdraw` }),
      expect: coordinatorOnly(200),
    },
    {
      route: 'POST /cases/:id/consents/:consentId/withdraw',
      request: (c) => ({
        path: `/cases/${c.otherCoordinatorsCaseId}/consents/${c.otherCoordinatorsConsentId}/withdraw`,
      }),
      expect: nobodyHere,
    },
    {
      route: 'GET /schools/:id/lead-times',
      request: () => ({ path: `/schools/${demoId('agency:storsjo')}/lead-times` }),
      expect: only(SCHOOL_CASE_ROLES, 200, 403, { 'elevhalsa@park.demo': 404 }),
    },
  ],
  permissions: [
    'POST /cases → case.create',
    'GET /cases → case.read',
    'GET /cases/:id → case.read',
    'GET /cases/:id/timeline → case.read',
    'GET /cases/:id/lead-times → case.read',
    'GET /cases/:id/consents → case.read',
    'POST /cases/:id/status → case.manage',
    'POST /cases/:id/coordinator → case.assign',
    'POST /cases/:id/consents → case.manage',
    'POST /cases/:id/consents/:consentId/withdraw → case.manage',
    'GET /schools/:id/lead-times → leadTime.read',
  ],
};
