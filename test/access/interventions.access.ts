import { swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, ADMINS, only } from '../support/access-table';
import { freeStorsjoPupils, insertCase, insertConsent } from './case-collaboration.access';

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

const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
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
    const [pupil] = await freeStorsjoPupils(t.db, 1);
    const caseId = await insertCase(t.db, pupil, 'T-INTERVENTIONS-ACCESS');
    for (const agency of ['soc', 'bup']) {
      await t.db.query(
        `INSERT INTO mobilisation (case_id, agency_id, invited_by, deadline) VALUES ($1, $2, $3, current_date + 7)`,
        [caseId, demoId(`agency:${agency}`), ELEVHALSA],
      );
    }
    await insertConsent(t.db, caseId, demoId('agency:soc'), ['case_summary', 'plan']);
    await insertConsent(t.db, caseId, demoId('agency:bup'), ['case_summary', 'mapping']);
    const course = async (intervention: string, ended: boolean) => {
      const { rows } = await t.db.query(
        `INSERT INTO intervention_course (case_id, intervention_id, started_on, referred_behaviours, started_by,
                                          ended_on, end_reason, ended_by, ended_at)
         VALUES ($1, $2, current_date - 300, '{school_absence}', $3,
                 CASE WHEN $4 THEN current_date - 200 END, CASE WHEN $4 THEN 'completed' END,
                 CASE WHEN $4 THEN $3::uuid END, CASE WHEN $4 THEN now() END)
         RETURNING id`,
        [caseId, demoId(`intervention:${intervention}`), ELEVHALSA, ended],
      );
      return rows[0].id as string;
    };
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
