import { Pool } from 'pg';
import { swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, only } from '../support/access-table';

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
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const AGENCY_WORKERS = ['soc@ostersund.demo', 'bup@regionjh.demo', 'hab@regionjh.demo'];
const HIDDEN = { 'elevhalsa@park.demo': 404, 'bup@regionjh.demo': 404, 'hab@regionjh.demo': 404 };

/** The school's elevhälsa and principal and the consented agency read; others not in the case: 404. */
const caseRead = only(['elevhalsa@storsjo.demo', 'rektor@storsjo.demo', 'soc@ostersund.demo'], 200, 403, HIDDEN);
/** Only the school's elevhälsa coordinates (rektor has no case.manage; Parkskolan's doesn't see the case). */
const coordination = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

/** A Storsjö pupil (index < 180, from the top) without an open case: other groups open cases too. */
export async function freeStorsjoPupils(db: Pool, count: number): Promise<string[]> {
  const candidates = Array.from({ length: 60 }, (_, i) => demoId(`pupil:${179 - i}`));
  const { rows } = await db.query(
    `SELECT s.id FROM student s JOIN unnest($1::uuid[]) WITH ORDINALITY AS c(id, n) ON c.id = s.id
      WHERE s.school_id = $2 AND NOT EXISTS (SELECT 1 FROM support_case sc WHERE sc.student_id = s.id AND sc.status <> 'closed')
      ORDER BY c.n LIMIT $3`,
    [candidates, STORSJO, count],
  );
  if (rows.length < count) throw new Error('no free Storsjö pupils for the collaboration tests');
  return rows.map((r: { id: string }) => r.id);
}

export async function insertCase(db: Pool, studentId: string, reference: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO support_case (reference, student_id, school_id, coordinator_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [reference, studentId, STORSJO, ELEVHALSA],
  );
  return rows[0].id;
}

export async function insertConsent(db: Pool, caseId: string, agencyId: string, scope: string[]): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, valid_until, recorded_by)
     VALUES ($1, $2, 'guardian', 'Vera Vårdnadshavare', $3, $4, $4::date + 365, $5) RETURNING id`,
    [caseId, agencyId, scope, swedishDate(), ELEVHALSA],
  );
  return rows[0].id;
}

export async function insertInvitation(db: Pool, caseId: string, agencyId: string, deadline: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO mobilisation (case_id, agency_id, invited_by, deadline) VALUES ($1, $2, $3, $4) RETURNING id`,
    [caseId, agencyId, ELEVHALSA, deadline],
  );
  return rows[0].id;
}

export const caseCollaborationAccess: AccessGroup<Ctx> = {
  name: 'case collaboration',
  async setup(t) {
    const [pupilA, pupilB, pupilC] = await freeStorsjoPupils(t.db, 3);
    const caseA = await insertCase(t.db, pupilA, 'T-COLLAB-1');
    const caseB = await insertCase(t.db, pupilB, 'T-COLLAB-2');
    const caseC = await insertCase(t.db, pupilC, 'T-COLLAB-3');
    const deadline = '2099-01-07';
    await t.db.query(
      `INSERT INTO mobilisation (case_id, agency_id, invited_by, deadline, status, representative_id, responded_by, responded_at)
       VALUES ($1, $2, $3, $4, 'accepted', $5, $5, now())`,
      [caseA, SOC, ELEVHALSA, deadline, demoId('user:soc@ostersund.demo')],
    );
    await insertConsent(t.db, caseA, SOC, ['case_summary', 'mapping', 'health_notes']);
    await insertInvitation(t.db, caseA, demoId('agency:bup'), deadline);
    const { rows: meeting } = await t.db.query(
      `INSERT INTO case_meeting (case_id, starts_at, place, agency_ids, created_by)
       VALUES ($1, now() - interval '1 day', 'Storsjöskolan', $2, $3) RETURNING id`,
      [caseA, [STORSJO, SOC], ELEVHALSA],
    );
    const { rows: contribution } = await t.db.query(
      `INSERT INTO mapping_contribution (case_id, section, agency_id, author_id, text)
       VALUES ($1, 'home_family', $2, $3, 'Familjen har kontakt med socialtjänsten sedan tidigare.') RETURNING id`,
      [caseA, SOC, demoId('user:soc@ostersund.demo')],
    );
    return {
      caseA,
      meetingA: meeting[0].id,
      socContributionA: contribution[0].id,
      socInvitation: await insertInvitation(t.db, caseB, SOC, deadline),
      bupInvitation: await insertInvitation(t.db, caseC, demoId('agency:bup'), deadline),
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
