import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, ADMINS, only } from '../support/access-table';
import { givenFor } from '../support/given';

/**
 * The intervention catalogue (per organisation). The demo catalogue is the municipality's; the
 * region's admin has its own (empty) one and never reaches the municipality's entries.
 */
interface Ctx {
  mst: string;
  caseId: string;
  runningCourseId: string;
  endedCourseId: string;
}

const SCHOOL_CASE_ROLES = ['rektor@storsjo.demo', 'elevhalsa@storsjo.demo'];
/** Not in the case's school; habilitation not mobilised. BUP has consent, but not for the plan (403). */
const HIDDEN = { 'elevhalsa@park.demo': 404, 'hab@regionjh.demo': 404 };
const STATS_READERS = [...SCHOOL_CASE_ROLES, 'elevhalsa@park.demo', ...ADMINS];
const coordinationOnly = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

const CATALOGUE_READERS = [
  'rektor@storsjo.demo',
  'elevhalsa@storsjo.demo',
  'elevhalsa@park.demo',
  'soc@ostersund.demo',
  'bup@regionjh.demo',
  'hab@regionjh.demo',
  ...ADMINS,
];

export const interventionsAccess: AccessGroup<Ctx> = {
  name: 'interventions',
  async setup(t) {
    // A case of Storsjöskolan: social services in with consent for the plan, BUP with consent without it.
    const given = givenFor(t.db);
    const caseId = await given.case(await given.pupil(), { reference: 'T-INTERVENTIONS-ACCESS' });
    for (const agency of ['soc', 'bup']) await given.invitation(caseId, demoId(`agency:${agency}`));
    await given.consent(caseId, demoId('agency:soc'), { scope: ['case_summary', 'plan'] });
    await given.consent(caseId, demoId('agency:bup'), { scope: ['case_summary', 'mapping'] });
    const today = swedishDate();
    const course = (intervention: string, ended: boolean) =>
      given.course(caseId, demoId(`intervention:${intervention}`), {
        startedOn: addDays(today, -300),
        ended: ended ? { on: addDays(today, -200), reason: 'completed' } : undefined,
      });
    return {
      mst: demoId('intervention:mst'),
      caseId,
      runningCourseId: await course('bup', false),
      endedCourseId: await course('mst', true),
    };
  },
  rows: [
    {
      route: 'GET /interventions',
      request: () => ({ path: '/interventions' }),
      expect: only(CATALOGUE_READERS, 200),
    },
    {
      // Each admin adds to its own organisation's catalogue (a name per caller: names are unique).
      route: 'POST /interventions',
      request: (_c, caller) => ({
        path: '/interventions',
        body: { name: `Insats för ${caller}`, providerAgencyType: 'other', evidenceBased: false, active: true },
      }),
      expect: only(ADMINS, 201),
    },
    {
      // The municipality's MST: the region's admin gets 404 (not its organisation's).
      route: 'PATCH /interventions/:id',
      request: (c) => ({ path: `/interventions/${c.mst}`, body: { targetGroup: 'Ungdomar 12–17 år' } }),
      expect: only(['admin@ostersund.demo'], 200, 403, { 'admin@regionjh.demo': 404 }),
    },
    {
      route: 'GET /cases/:id/interventions',
      request: (c) => ({ path: `/cases/${c.caseId}/interventions` }),
      expect: only([...SCHOOL_CASE_ROLES, 'soc@ostersund.demo'], 200, 403, HIDDEN),
    },
    {
      route: 'POST /cases/:id/interventions',
      request: (c) => ({
        path: `/cases/${c.caseId}/interventions`,
        body: { interventionId: demoId('intervention:komet'), startedOn: swedishDate(), referredBehaviours: ['other'] },
      }),
      expect: coordinationOnly(201),
    },
    {
      route: 'POST /cases/:id/interventions/:courseId/end',
      request: (c) => ({
        path: `/cases/${c.caseId}/interventions/${c.runningCourseId}/end`,
        body: { endedOn: swedishDate(), reason: 'moved' },
      }),
      expect: coordinationOnly(201),
    },
    {
      route: 'POST /cases/:id/interventions/:courseId/follow-ups/:months',
      request: (c) => ({
        path: `/cases/${c.caseId}/interventions/${c.endedCourseId}/follow-ups/6`,
        body: { newInterventionFor: [], schoolOrWork20h: true },
      }),
      expect: coordinationOnly(201),
    },
    {
      // Aggregates with small cells suppressed: the region admin gets its own (empty) organisation's.
      route: 'GET /stats/interventions',
      request: () => ({ path: '/stats/interventions' }),
      expect: only(STATS_READERS, 200),
    },
    {
      // The municipality's MST: the region's admin gets 404 (not its organisation's).
      route: 'GET /stats/interventions/:id/report.html',
      request: (c) => ({ path: `/stats/interventions/${c.mst}/report.html` }),
      expect: only(STATS_READERS, 200, 403, { 'admin@regionjh.demo': 404 }),
    },
    {
      route: 'GET /stats/interventions/:id/report.csv',
      request: (c) => ({ path: `/stats/interventions/${c.mst}/report.csv` }),
      expect: only(STATS_READERS, 200, 403, { 'admin@regionjh.demo': 404 }),
    },
  ],
  permissions: [
    'GET /interventions → intervention.read',
    'POST /interventions → intervention.manage',
    'PATCH /interventions/:id → intervention.manage',
    'GET /cases/:id/interventions → case.read',
    'POST /cases/:id/interventions → case.manage',
    'POST /cases/:id/interventions/:courseId/end → case.manage',
    'POST /cases/:id/interventions/:courseId/follow-ups/:months → case.manage',
    'GET /stats/interventions → stats.read',
    'GET /stats/interventions/:id/report.html → stats.read',
    'GET /stats/interventions/:id/report.csv → stats.read',
  ],
};
