import { demoId } from '@app/demo';
import { AccessGroup, only } from '../support/access-table';
import { givenFor } from '../support/given';

/**
 * Mobilisation, meetings and mapping. Rule 2: an outside agency sees a case only while mobilised
 * AND consent for it is in force. In case A Socialtjänsten is mobilised with consent, BUP is
 * invited without consent, Habiliteringen is not invited: both of the latter see nothing (404).
 */
interface Ctx {
  caseA: string;
  meetingA: string;
  socContributionA: string;
  /** Socialtjänsten's pending invitation (case B), to accept. */
  socInvitation: string;
  /** BUP's pending invitation without consent (case C), to decline. */
  bupInvitation: string;
}

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const AGENCY_WORKERS = ['soc@ostersund.demo', 'bup@regionjh.demo', 'hab@regionjh.demo'];
const HIDDEN = { 'elevhalsa@park.demo': 404, 'bup@regionjh.demo': 404, 'hab@regionjh.demo': 404 };

/** The school's elevhälsa and principal and the consented agency read; others not in the case: 404. */
const caseRead = only(['elevhalsa@storsjo.demo', 'rektor@storsjo.demo', 'soc@ostersund.demo'], 200, 403, HIDDEN);
/** Only the school's elevhälsa coordinates (rektor has no case.manage; Parkskolan's doesn't see the case). */
const coordination = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

export const caseCollaborationAccess: AccessGroup<Ctx> = {
  name: 'case collaboration',
  async setup(t) {
    const given = givenFor(t.db);
    const [pupilA, pupilB, pupilC] = await given.pupils(3);
    const caseA = await given.case(pupilA, { reference: 'T-COLLAB-1' });
    const caseB = await given.case(pupilB, { reference: 'T-COLLAB-2' });
    const caseC = await given.case(pupilC, { reference: 'T-COLLAB-3' });
    const deadline = '2099-01-07';
    await given.mobilisation(caseA, SOC, demoId('user:soc@ostersund.demo'), { deadline });
    await given.consent(caseA, SOC, { scope: ['case_summary', 'mapping', 'health_notes'] });
    await given.invitation(caseA, demoId('agency:bup'), { deadline });
    const meetingA = await given.meeting(caseA, {
      startsAt: new Date(Date.now() - 86_400_000),
      place: 'Storsjöskolan',
      agencies: [STORSJO, SOC],
    });
    const socContributionA = await given.contribution(caseA, {
      section: 'home_family',
      agency: SOC,
      author: demoId('user:soc@ostersund.demo'),
      text: 'Familjen har kontakt med socialtjänsten sedan tidigare.',
    });
    return {
      caseA,
      meetingA,
      socContributionA,
      socInvitation: await given.invitation(caseB, SOC, { deadline }),
      bupInvitation: await given.invitation(caseC, demoId('agency:bup'), { deadline }),
    };
  },
  rows: [
    {
      route: 'GET /partner-agencies',
      request: () => ({ path: '/partner-agencies' }),
      // Whom a coordinator may invite: elevhälsa of any school (names of agencies, no personal data).
      expect: only(['elevhalsa@storsjo.demo', 'elevhalsa@park.demo'], 200),
    },
    {
      route: 'POST /cases/:id/mobilisations',
      request: (c) => ({
        path: `/cases/${c.caseA}/mobilisations`,
        body: { agencyId: demoId('agency:hab'), message: 'Välkommen till ett samverkansmöte.' },
      }),
      expect: coordination(201),
    },
    {
      route: 'GET /cases/:id/mobilisations',
      request: (c) => ({ path: `/cases/${c.caseA}/mobilisations` }),
      expect: caseRead,
    },
    {
      route: 'GET /mobilisations',
      request: () => ({ path: '/mobilisations?status=pending' }),
      expect: only(AGENCY_WORKERS, 200),
    },
    {
      route: 'POST /mobilisations/:id/accept',
      request: (c, caller) => ({
        path: `/mobilisations/${c.socInvitation}/accept`,
        body: { representativeUserId: demoId(`user:${caller}`) },
      }),
      // Another agency's invitation does not exist for the caller, whatever its consent.
      expect: only(AGENCY_WORKERS, 404, 403, { 'soc@ostersund.demo': 200 }),
    },
    {
      route: 'POST /mobilisations/:id/decline',
      request: (c) => ({ path: `/mobilisations/${c.bupInvitation}/decline`, body: { reason: 'Inte vårt uppdrag.' } }),
      // BUP answers its own invitation even without consent.
      expect: only(AGENCY_WORKERS, 404, 403, { 'bup@regionjh.demo': 200 }),
    },
    {
      route: 'POST /cases/:id/meetings',
      request: (c) => ({
        path: `/cases/${c.caseA}/meetings`,
        body: {
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          videoLink: 'https://meet.example.se/narvaroteam',
          agencyIds: [STORSJO, SOC],
          pupilPresent: true,
          guardiansPresent: true,
        },
      }),
      expect: coordination(201),
    },
    { route: 'GET /cases/:id/meetings', request: (c) => ({ path: `/cases/${c.caseA}/meetings` }), expect: caseRead },
    {
      route: 'PATCH /cases/:id/meetings/:meetingId',
      request: (c) => ({
        path: `/cases/${c.caseA}/meetings/${c.meetingA}`,
        body: { minutes: 'Alla närvarande.', decisions: 'Kartläggning påbörjas.' },
      }),
      expect: coordination(200),
    },
    { route: 'GET /cases/:id/mapping', request: (c) => ({ path: `/cases/${c.caseA}/mapping` }), expect: caseRead },
    {
      route: 'POST /cases/:id/mapping',
      request: (c) => ({ path: `/cases/${c.caseA}/mapping`, body: { section: 'school', text: 'Trivs i klassen.' } }),
      // rektor lacks mapping.write.
      expect: only(['elevhalsa@storsjo.demo', 'soc@ostersund.demo'], 201, 403, HIDDEN),
    },
    {
      route: 'PATCH /cases/:id/mapping/:contributionId',
      request: (c) => ({
        path: `/cases/${c.caseA}/mapping/${c.socContributionA}`,
        body: { text: 'Familjen har haft kontakt med socialtjänsten.' },
      }),
      // The school sees Socialtjänsten's contribution but may not edit it (403); agencies outside: 404.
      expect: only(['soc@ostersund.demo'], 200, 403, HIDDEN),
    },
  ],
  permissions: [
    'GET /partner-agencies → case.manage',
    'POST /cases/:id/mobilisations → case.manage',
    'GET /cases/:id/mobilisations → case.read',
    'GET /mobilisations → mobilisation.respond',
    'POST /mobilisations/:id/accept → mobilisation.respond',
    'POST /mobilisations/:id/decline → mobilisation.respond',
    'POST /cases/:id/meetings → case.manage',
    'GET /cases/:id/meetings → case.read',
    'PATCH /cases/:id/meetings/:meetingId → case.manage',
    'GET /cases/:id/mapping → case.read',
    'POST /cases/:id/mapping → mapping.write',
    'PATCH /cases/:id/mapping/:contributionId → mapping.write',
  ],
};
