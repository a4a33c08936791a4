import { Pool } from 'pg';
import { swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { AccessGroup, ADMINS, only } from '../support/access-table';
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

const STORSJO = demoId('agency:storsjo');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const SCHOOL_CASE_ROLES = ['rektor@storsjo.demo', 'elevhalsa@storsjo.demo'];
const HIDDEN = { 'elevhalsa@park.demo': 404, 'bup@regionjh.demo': 404, 'hab@regionjh.demo': 404 };
const planReaders = only([...SCHOOL_CASE_ROLES, 'soc@ostersund.demo'], 200, 403, HIDDEN);
const coordinatorOnly = (ok: number) => only(['elevhalsa@storsjo.demo'], ok, 403, { 'elevhalsa@park.demo': 404 });

/** A case closed six months ago, its follow-ups scheduled, social services in with consent (summary, plan). */
async function insertClosedCase(db: Pool, pupil: string, reference: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO support_case (reference, student_id, school_id, coordinator_id, status, opened_at, closed_at, outcome, close_reason)
     VALUES ($1, $2, $3, $4, 'closed', now() - interval '9 months', now() - interval '6 months', 'other', 'Avslutat')
     RETURNING id`,
    [reference, pupil, STORSJO, ELEVHALSA],
  );
  const caseId: string = rows[0].id;
  await db.query(
    `INSERT INTO case_follow_up (case_id, months, due_on)
     SELECT $1, m, ((now() - interval '6 months')::date + make_interval(months => m))::date FROM unnest(ARRAY[6, 18]) AS m`,
    [caseId],
  );
  await mobilise(db, caseId);
  await db.query(
    `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, valid_until, recorded_by)
     VALUES ($1, $2, 'guardian', 'Vera Vårdnadshavare', '{case_summary,plan}', current_date - 200, current_date + 165, $3)`,
    [caseId, demoId('agency:soc'), ELEVHALSA],
  );
  return caseId;
}

async function freePupils(db: Pool, count: number): Promise<string[]> {
  const free: string[] = [];
  for (let n = 160; n < 170 && free.length < count; n++) {
    const id = demoId(`pupil:${n}`);
    const { rows } = await db.query(`SELECT 1 FROM support_case WHERE student_id = $1 AND status <> 'closed'`, [id]);
    if (!rows.length) free.push(id);
  }
  if (free.length < count) throw new Error('no free Storsjö pupils (160..169) for the follow-up access rows');
  return free;
}

/** Social services in with consent for the summary and the plan, BUP invited without consent. */
async function mobilise(db: Pool, caseId: string): Promise<void> {
  for (const agency of ['soc', 'bup']) {
    await db.query(
      `INSERT INTO mobilisation (case_id, agency_id, invited_by, deadline) VALUES ($1, $2, $3, current_date + 7)`,
      [caseId, demoId(`agency:${agency}`), ELEVHALSA],
    );
  }
}

export const followUpAccess: AccessGroup<Ctx> = {
  name: 'follow-up',
  async setup(t, tokens) {
    const elevhalsa = tokens.get('elevhalsa@storsjo.demo')!;
    const [openPupil, closedPupil, unnamedPupil] = await freePupils(t.db, 3);
    const opened = await t.http
      .post(`${API}/cases`)
      .set('authorization', elevhalsa)
      .send({ studentId: openPupil })
      .expect(201);
    const caseId: string = opened.body.id;
    const { rows: plan } = await t.db.query(
      `INSERT INTO case_plan (case_id, created_by, updated_by) VALUES ($1, $2, $2) RETURNING id`,
      [caseId, ELEVHALSA],
    );
    await t.db.query(
      `INSERT INTO plan_goal (plan_id, position, text, target_attendance_percent) VALUES ($1, 1, 'Närvaro minst 80 %', 80)`,
      [plan[0].id],
    );
    await mobilise(t.db, caseId);
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

    const closedCaseId = await insertClosedCase(t.db, closedPupil, 'T-FOLLOW-UP-ACCESS');
    await t.db.query(
      `UPDATE case_follow_up SET recorded_at = now(), recorded_by = $2, school_or_work_20h = false,
              new_interventions = '{social_services}'
        WHERE case_id = $1 AND months = 18`,
      [closedCaseId, ELEVHALSA],
    );
    const unnamedClosedCaseId = await insertClosedCase(t.db, unnamedPupil, 'T-FOLLOW-UP-ACCESS-2');
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
