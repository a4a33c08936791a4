import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { migrations } from '@app/database';
import { demoId } from '@app/demo';
import { addDays, swedishDate } from '@app/calendar';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, createTestDatabase, dropTestDatabase, TestApp } from './support/test-app';

const MUNICIPALITY_AUDITOR = 'auditor@ostersund.demo';
/** Made for this file: the demo has no auditor in the region. */
const REGION_AUDITOR = 'auditor@regionjh.demo';
const CASE_WITH_BUP = demoId('case:78');
const CASE_WITH_HAB = demoId('case:103');

interface LogItem {
  id: string;
  userId: string | null;
  agencyId: string | null;
  action: string;
  subjectType: string;
  subjectIds: string[];
  outcome: string;
}

/**
 * Who audits what: the organisation responsible for the personal data (the pupil's school's
 * organisation for pupils, their cases and everything under them; a user's own organisation for
 * an account) sees every access to it, whoever made it, and nothing about other organisations'
 * subjects.
 */
describe('access log by responsible organisation', () => {
  let t: TestApp;
  let otherCase: string;

  beforeAll(async () => {
    t = await createTestApp();
    const given = givenFor(t.db);
    // A region auditor, with the demo password.
    await given.user({
      agency: demoId('agency:bup'),
      roles: ['auditor'],
      username: REGION_AUDITOR,
      displayName: 'Region Revisor',
    });
    // A second municipality whose pupil has a case with BUP (consent in force), so that BUP's
    // case list spans two organisations.
    const school = await given.school(await given.organisation({ name: 'Krokoms kommun' }), { name: 'Krokomsskolan' });
    const coordinator = await given.user({ agency: school, roles: ['elevhalsa'], username: 'elevhalsa@krokom.test' });
    ({ caseId: otherCase } = await given.caseWithConsent(await given.pupil({ school }), demoId('agency:bup'), {
      case: { reference: 'T-KROKOM-1', coordinator: coordinator.id },
      representative: demoId('user:bup@regionjh.demo'),
      deadline: '2099-01-01',
      consent: {
        givenAt: addDays(swedishDate(), -1),
        validUntil: addDays(swedishDate(), 365),
        givenByName: 'Vårdnadshavare',
      },
    }));
  });
  afterAll(() => t.close());

  const log = async (auditor: string, query: Record<string, string | number>): Promise<LogItem[]> => {
    const res = await t.http
      .get(`${API}/access-log`)
      .query({ limit: 100, ...query })
      .set('authorization', await bearer(t.http, auditor))
      .expect(200);
    return res.body.items as LogItem[];
  };

  it("shows the pupil's organisation the region's BUP and habilitation reads of its cases", async () => {
    const bup = await bearer(t.http, 'bup@regionjh.demo');
    const hab = await bearer(t.http, 'hab@regionjh.demo');
    await t.http.get(`${API}/cases/${CASE_WITH_BUP}`).set('authorization', bup).expect(200);
    await t.http.get(`${API}/cases/${CASE_WITH_HAB}/plan`).set('authorization', hab).expect(200);
    // A read the region may not make is the pupil's organisation's to see as well.
    await t.http.get(`${API}/cases/${CASE_WITH_HAB}`).set('authorization', bup).expect(404);

    const bupReads = await log(MUNICIPALITY_AUDITOR, { subjectId: CASE_WITH_BUP });
    expect(bupReads).toContainEqual(
      expect.objectContaining({
        userId: demoId('user:bup@regionjh.demo'),
        agencyId: demoId('agency:bup'),
        subjectType: 'case',
        outcome: 'allowed',
      }),
    );
    const habCase = await log(MUNICIPALITY_AUDITOR, { subjectId: CASE_WITH_HAB });
    expect(habCase).toContainEqual(
      expect.objectContaining({ userId: demoId('user:hab@regionjh.demo'), action: 'plan.read', outcome: 'allowed' }),
    );
    expect(habCase).toContainEqual(
      expect.objectContaining({ userId: demoId('user:bup@regionjh.demo'), outcome: 'denied' }),
    );
    // Filtering by the outside reader works too.
    const byUser = await log(MUNICIPALITY_AUDITOR, { userId: demoId('user:hab@regionjh.demo') });
    expect(byUser.some((i) => i.subjectIds.includes(CASE_WITH_HAB))).toBe(true);
  });

  it("keeps the municipality's subjects from the region's auditor, and the region's from the municipality's", async () => {
    const regionAdmin = await bearer(t.http, 'admin@regionjh.demo');
    await t.http.get(`${API}/users`).set('authorization', regionAdmin).expect(200);
    const bup = await bearer(t.http, 'bup@regionjh.demo');
    await t.http.get(`${API}/cases/${CASE_WITH_BUP}`).set('authorization', bup).expect(200);

    const region = await log(REGION_AUDITOR, {});
    expect(region.some((i) => i.action === 'user.list' && i.userId === demoId('user:admin@regionjh.demo'))).toBe(true);
    expect(region.some((i) => i.subjectIds.includes(CASE_WITH_BUP))).toBe(false);
    expect(await log(REGION_AUDITOR, { subjectId: CASE_WITH_BUP })).toEqual([]);

    const municipality = await log(MUNICIPALITY_AUDITOR, { userId: demoId('user:admin@regionjh.demo') });
    expect(municipality.filter((i) => i.action === 'user.list')).toEqual([]);
  });

  it('splits a list that spans organisations: each sees only its own subjects', async () => {
    const bup = await bearer(t.http, 'bup@regionjh.demo');
    const list = await t.http.get(`${API}/cases`).set('authorization', bup).expect(200);
    const listed = (list.body.items as { id: string }[]).map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([CASE_WITH_BUP, otherCase]));

    const ours = (await log(MUNICIPALITY_AUDITOR, { userId: demoId('user:bup@regionjh.demo') })).filter(
      (i) => i.action === 'case.list',
    );
    expect(ours.length).toBeGreaterThan(0);
    for (const item of ours) {
      expect(item.subjectIds).toContain(CASE_WITH_BUP);
      expect(item.subjectIds).not.toContain(otherCase);
    }
    expect(await log(MUNICIPALITY_AUDITOR, { subjectId: otherCase })).toEqual([]);
  });

  it("shows failed logins against the organisation's own accounts only", async () => {
    await t.http.post(`${API}/auth/login`).send({ username: 'rektor@storsjo.demo', password: 'wrong' }).expect(401);
    await t.http.post(`${API}/auth/login`).send({ username: 'hab@regionjh.demo', password: 'wrong' }).expect(401);
    const failed = (items: LogItem[]) =>
      items.filter((i) => i.action === 'auth.login' && i.outcome === 'denied').flatMap((i) => i.subjectIds);

    const municipality = failed(await log(MUNICIPALITY_AUDITOR, { subjectType: 'user' }));
    expect(municipality).toContain(demoId('user:rektor@storsjo.demo'));
    expect(municipality).not.toContain(demoId('user:hab@regionjh.demo'));
    const region = failed(await log(REGION_AUDITOR, { subjectType: 'user' }));
    expect(region).toContain(demoId('user:hab@regionjh.demo'));
    expect(region).not.toContain(demoId('user:rektor@storsjo.demo'));
  });
});

describe('the migration that names the responsible organisation of existing rows', () => {
  let db: Pool;
  let name: string;
  beforeAll(async () => {
    const created = await createTestDatabase();
    name = created.name;
    db = new Pool({ connectionString: created.url, max: 1 });
  });
  afterAll(async () => {
    await db.end();
    await dropTestDatabase(name);
  });

  it('backfills each row from its subjects, and keeps the reader’s organisation where it cannot tell', async () => {
    const runner = { query: (sql: string, params?: unknown[]) => db.query(sql, params) } as unknown as QueryRunner;
    const Migration = migrations.find((m) => m.name === 'AccessLogResponsibleOrganisation1795002300000')!;
    const migration = new Migration();
    // Back to the log as it was, with rows written before the column existed.
    await migration.down(runner);
    const MUNICIPALITY = demoId('org:ostersund');
    const REGION = demoId('org:regionjh');
    const given = givenFor(db);
    const school = await given.school(await given.organisation({ name: 'Krokoms kommun' }), { name: 'Krokomsskolan' });
    const otherCase = await given.case(await given.pupil({ school }), { reference: 'T-KROKOM-1' });
    const rows: [string, string | null, string, string[]][] = [
      ['bup reads a municipal case', REGION, 'case', [CASE_WITH_BUP]],
      ['bup lists cases of two municipalities', REGION, 'case', [CASE_WITH_BUP, otherCase]],
      ['region admin refused an endpoint', REGION, 'endpoint', ['GET /api/v1/access-log']],
      ['failed login of a municipal account', null, 'user', [demoId('user:rektor@storsjo.demo')]],
      ['class figures', MUNICIPALITY, 'class', [`${demoId('agency:storsjo')}/7A`]],
      ['unknown pupil refused', REGION, 'student', ['00000000-0000-4000-8000-000000000000']],
    ];
    for (const [action, organisationId, subjectType, subjectIds] of rows) {
      // Raw on purpose: log rows as written before the column existed are the migration's input.
      await db.query(
        `INSERT INTO access_log (organisation_id, action, subject_type, subject_ids, outcome) VALUES ($1, $2, $3, $4, 'allowed')`,
        [organisationId, action, subjectType, subjectIds],
      );
    }
    await migration.up(runner);
    const { rows: after } = await db.query(`SELECT action, subject_organisation_id FROM access_log ORDER BY id`);
    expect(after.map((r) => [r.action, r.subject_organisation_id])).toEqual([
      ['bup reads a municipal case', MUNICIPALITY],
      ['bup lists cases of two municipalities', REGION],
      ['region admin refused an endpoint', REGION],
      ['failed login of a municipal account', MUNICIPALITY],
      ['class figures', MUNICIPALITY],
      ['unknown pupil refused', REGION],
    ]);
    // And the log is append-only again.
    await expect(db.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
  });
});
