import { demoId } from '@app/demo';
import { SourcesService, SyncService } from '@app/ss12000';
import { luhnCheckDigit } from '@app/students';
import { FakeSs12000Server, ss } from './support/ss12000-server';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');
/** Parkskolan's skolenhetskod in the demo data. */
const PARK_CODE = '23000002';
const UNIT_STORSJO = '8f1a0c2e-0000-4000-8000-00000000b001';
const UNIT_PARK = '8f1a0c2e-0000-4000-8000-00000000b002';
const PERSON = (n: number) => `6c2e0000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const GUARDIAN = (n: number) => `6c2e0000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;

function pnr(serial: number): string {
  const nine = `130714${String(600 + serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

describe('SS 12000 sync: guardians’ contact details, schools matched by skolenhetskod', () => {
  let t: TestApp;
  let admin: string;
  let mentor: string;
  let rektor: string;
  let server: FakeSs12000Server;
  let sourceId: string;
  let handRegistered: string;

  const runNow = async () => {
    const res = await t.http.post(`${API}/ss12000/sources/${sourceId}/runs`).set('authorization', admin).expect(202);
    await t.app.get(SourcesService).settle();
    return (
      await t.http.get(`${API}/ss12000/sources/${sourceId}/runs/${res.body.id}`).set('authorization', admin).expect(200)
    ).body;
  };
  const pupil = async (n: number) =>
    (await t.db.query(`SELECT id, school_id FROM student WHERE external_id = $1`, [PERSON(n)])).rows[0];
  const guardians = async (studentId: string) =>
    (
      await t.db.query(
        `SELECT name, phone, email, external_id FROM guardian WHERE student_id = $1 ORDER BY created_at, id`,
        [studentId],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(SyncService).retryBaseMs = 10;
    t.app.get(SyncService).pageLimit = 2;
    [admin, mentor, rektor] = await Promise.all(
      ['admin@ostersund.demo', 'mentor@storsjo.demo', 'rektor@storsjo.demo'].map((u) => bearer(t.http, u)),
    );
    server = new FakeSs12000Server();
    await server.start();

    // Registered by hand with a phone for the guardian that SS 12000 knows without one.
    const hand = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send({
        personnummer: pnr(3),
        firstName: 'Greta',
        lastName: 'Hand',
        schoolId: STORSJO,
        grade: 5,
        className: '5A',
        guardians: [{ name: 'Gun Hand', relation: 'vårdnadshavare', phone: '070-5550003' }],
      })
      .expect(201);
    handRegistered = hand.body.id;

    server.organisations.push(
      ss.schoolUnit(UNIT_STORSJO, 'Storsjöskolan', '99999999'),
      // Not mapped by id: found by Parkskolan's skolenhetskod.
      ss.schoolUnit(UNIT_PARK, 'Parkskolan', PARK_CODE),
    );
    server.persons.push(
      ss.person(PERSON(1), {
        givenName: 'Anna',
        familyName: 'Kontakt',
        civicNo: pnr(1),
        schoolUnit: UNIT_STORSJO,
        schoolYear: 5,
        responsibles: [{ id: GUARDIAN(1), name: 'Anders Kontakt' }],
      }),
      ss.person(PERSON(2), {
        givenName: 'Bertil',
        familyName: 'Park',
        civicNo: pnr(2),
        schoolUnit: UNIT_PARK,
        schoolYear: 4,
        responsibles: [{ id: GUARDIAN(2), name: 'Birgitta Park' }],
      }),
      ss.person(PERSON(3), {
        givenName: 'Greta',
        familyName: 'Hand',
        civicNo: pnr(3),
        schoolUnit: UNIT_STORSJO,
        schoolYear: 5,
        responsibles: [{ id: GUARDIAN(3), name: 'Gun Hand' }],
      }),
      ss.guardian(GUARDIAN(1), {
        givenName: 'Anders',
        familyName: 'Kontakt',
        homePhone: '063-123456',
        mobile: '070-1110001',
        email: 'anders@exempel.se',
      }),
      ss.guardian(GUARDIAN(2), { givenName: 'Birgitta', familyName: 'Park', homePhone: '063-222222' }),
      // SS 12000 has no contact details for her: the phone typed in by hand stays.
      ss.guardian(GUARDIAN(3), { givenName: 'Gun', familyName: 'Hand' }),
    );
  });
  afterAll(async () => {
    await t.app.get(SourcesService).settle();
    await server.stop();
    await t.close();
  });

  it('a source may map no school by id: schools are matched by skolenhetskod', async () => {
    const res = await t.http
      .post(`${API}/ss12000/sources`)
      .set('authorization', admin)
      .send({
        name: 'Skoldata med kod',
        baseUrl: server.url,
        auth: { type: 'none' },
        schools: [{ organisationId: UNIT_STORSJO, agencyId: STORSJO }],
        syncFrom: '2026-11-01',
      })
      .expect(201);
    sourceId = res.body.id;
    const run = await runNow();
    expect(run).toMatchObject({ status: 'succeeded', failure: null, errors: [] });

    // Only the school not mapped by id is looked up, by its code.
    const lookups = server.requests.filter((r) => r.path === '/organisations');
    expect(lookups).toHaveLength(1);
    expect(lookups[0].query.getAll('schoolUnitCode')).toEqual([PARK_CODE]);
    // Parkskolan's unit was read as Parkskolan: its pupil is there.
    expect(
      server.requests.some((r) => r.path === '/persons' && r.query.get('relationship.organisation') === UNIT_PARK),
    ).toBe(true);
    expect((await pupil(2)).school_id).toBe(PARK);
    expect((await pupil(1)).school_id).toBe(STORSJO);
  });

  it('guardians get their phone (mobile first) and e-mail from their own SS 12000 Person', async () => {
    expect(
      server.requests.some(
        (r) =>
          r.path === '/persons' &&
          r.query.get('relationship.entity.type') === 'responsibleFor.enrolment' &&
          r.query.get('relationship.organisation') === UNIT_STORSJO,
      ),
    ).toBe(true);
    expect(await guardians((await pupil(1)).id)).toEqual([
      { name: 'Anders Kontakt', phone: '070-1110001', email: 'anders@exempel.se', external_id: GUARDIAN(1) },
    ]);
    expect(await guardians((await pupil(2)).id)).toEqual([
      { name: 'Birgitta Park', phone: '063-222222', email: null, external_id: GUARDIAN(2) },
    ]);
    // The source has none for Gun Hand: the hand-entered phone is kept.
    expect((await pupil(3)).id).toBe(handRegistered);
    expect(await guardians(handRegistered)).toEqual([
      { name: 'Gun Hand', phone: '070-5550003', email: null, external_id: GUARDIAN(3) },
    ]);
    // The contact change is in the pupil's history as the sync's.
    const history = await t.db.query(
      `SELECT new_value, source, sync_source_id FROM student_change WHERE student_id = $1 AND field = 'guardians'`,
      [(await pupil(1)).id],
    );
    expect(history.rows.at(-1)).toMatchObject({ source: 'sync', sync_source_id: sourceId });
    expect(history.rows.at(-1).new_value[0]).toMatchObject({ phone: '070-1110001' });
  });

  it('a hand-added e-mail survives the next runs when the source has none; a changed phone comes through', async () => {
    const current = await t.http.get(`${API}/students/${handRegistered}`).set('authorization', rektor).expect(200);
    const g = current.body.guardians[0];
    await t.http
      .patch(`${API}/students/${handRegistered}`)
      .set('authorization', rektor)
      .set('if-match', current.headers.etag)
      .send({ guardians: [{ id: g.id, name: g.name, relation: g.relation, email: 'gun@exempel.se' }] })
      .expect(200);

    const changesBefore = (await t.db.query(`SELECT count(*)::int AS n FROM student_change`)).rows[0].n;
    const quiet = await runNow();
    expect(quiet.status).toBe('succeeded');
    // Nothing changed at the source: nothing written.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM student_change`)).rows[0].n).toBe(changesBefore);

    // The guardian and the pupil change at the source; still nothing about contact details for Gun.
    const gun = server.persons.find((p) => p.id === GUARDIAN(3))!;
    server.touch(gun);
    const anders = server.persons.find((p) => p.id === GUARDIAN(1))!;
    anders.phoneNumbers = [{ value: '070-1110009', type: 'Hem', mobile: true }];
    server.touch(anders);
    const greta = server.persons.find((p) => p.id === PERSON(3))!;
    server.touch(greta);
    const run = await runNow();
    expect(run.status).toBe('succeeded');
    expect(await guardians(handRegistered)).toEqual([
      { name: 'Gun Hand', phone: '070-5550003', email: 'gun@exempel.se', external_id: GUARDIAN(3) },
    ]);
    expect(await guardians((await pupil(1)).id)).toEqual([
      expect.objectContaining({ phone: '070-1110009', email: 'anders@exempel.se' }),
    ]);
  });

  it('another organisation’s admin and staff cannot read the source', async () => {
    const regionAdmin = await bearer(t.http, 'admin@regionjh.demo');
    await t.http.get(`${API}/ss12000/sources/${sourceId}`).set('authorization', regionAdmin).expect(404);
    await t.http.get(`${API}/ss12000/sources/${sourceId}`).set('authorization', mentor).expect(403);
  });
});
