import { demoId } from '@app/demo';
import { syncRuns } from '@app/http';
import { SourcesService, SyncService } from '@app/ss12000';
import { luhnCheckDigit } from '@app/students';
import { FakeSs12000Server, ss } from './support/ss12000-server';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');
/** SS 12000 school units (Organisation ids) of the fake server. */
const UNIT_STORSJO = '8f1a0c2e-0000-4000-8000-00000000a001';
const UNIT_PARK = '8f1a0c2e-0000-4000-8000-00000000a002';
const PERSON = (n: number) => `6c2d0000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const GUARDIAN = (n: number) => `6c2d0000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const EVENT = (n: number) => `7e3f0000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const ATT = (n: number) => `8a4b0000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

/** A valid personnummer, born 2013-06-<day>. */
function pnr(serial: number): string {
  const nine = `130612${String(500 + serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

describe('SS 12000 sync from a (local, spec-validated) SS 12000 server', () => {
  let t: TestApp;
  let admin: string;
  let regionAdmin: string;
  let mentor: string;
  let server: FakeSs12000Server;
  let sourceId: string;
  let handRegistered: string;

  const settle = () => t.app.get(SourcesService).settle();
  /** sync_runs_total by outcome, as the metrics endpoint would show it. */
  const syncRunCount = async (outcome: string) =>
    (await syncRuns.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
  const runNow = async () => {
    const res = await t.http.post(`${API}/ss12000/sources/${sourceId}/runs`).set('authorization', admin).expect(202);
    expect(res.body).toMatchObject({ id: expect.any(String), status: 'queued' });
    await settle();
    const run = await t.http
      .get(`${API}/ss12000/sources/${sourceId}/runs/${res.body.id}`)
      .set('authorization', admin)
      .expect(200);
    return run.body;
  };
  const pupilByExternal = async (n: number) =>
    (
      await t.db.query(
        `SELECT id, school_id, personnummer, temporary_number, first_name, class_name, grade, protected_identity,
                enrolled, updated_at, version FROM student WHERE external_id = $1`,
        [PERSON(n)],
      )
    ).rows[0];
  const lessons = async (n: number) =>
    (
      await t.db.query(
        `SELECT to_char(l.lesson_date, 'YYYY-MM-DD') AS date, to_char(l.start_time, 'HH24:MI') AS start, l.offered_minutes,
                l.attended_minutes, l.invalid_absence_minutes, l.valid_absence_minutes, l.reported, l.updated_at
           FROM attendance_lesson l JOIN student s ON s.id = l.student_id
          WHERE s.external_id = $1 ORDER BY l.lesson_date, l.start_time`,
        [PERSON(n)],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(SyncService).retryBaseMs = 10;
    t.app.get(SyncService).pageLimit = 2;
    [admin, regionAdmin, mentor] = await Promise.all(
      ['admin@ostersund.demo', 'admin@regionjh.demo', 'mentor@storsjo.demo'].map((u) => bearer(t.http, u)),
    );
    server = new FakeSs12000Server();
    await server.start();
    server.auth = { type: 'oauth2', clientId: 'narvaroteam', clientSecret: 'client-secret-xyz' };

    // A pupil registered by hand before the sync: matched by personnummer, linked, not duplicated.
    const hand = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send({
        personnummer: pnr(1),
        firstName: 'Alva',
        lastName: 'Hand',
        schoolId: STORSJO,
        grade: 6,
        className: '6X',
        guardians: [{ name: 'Hanna Hand', relation: 'vårdnadshavare', phone: '070-5550001' }],
      })
      .expect(201);
    handRegistered = hand.body.id;

    const unit = UNIT_STORSJO;
    server.persons.push(
      ss.person(PERSON(1), {
        givenName: 'Alva',
        familyName: 'Hand',
        civicNo: pnr(1),
        schoolUnit: unit,
        schoolYear: 7,
        responsibles: [{ id: GUARDIAN(1), name: 'Hanna Hand' }],
      }),
      ss.person(PERSON(2), {
        givenName: 'Bo',
        familyName: 'Synk',
        civicNo: pnr(2),
        schoolUnit: unit,
        schoolYear: 7,
        securityMarking: 'Skyddad folkbokföring',
        responsibles: [{ id: GUARDIAN(2), name: 'Berit Synk' }],
      }),
      ss.person(PERSON(3), { givenName: 'Cilla', familyName: 'Tillfällig', civicNo: '20130101TF01', schoolUnit: unit }),
      // Not a valid personnummer: in the run's errors by id, never by number; the rest goes on.
      ss.person(PERSON(4), { givenName: 'Dan', familyName: 'Fel', civicNo: '201306129999', schoolUnit: unit }),
      ss.person(PERSON(5), { givenName: 'Eva', familyName: 'Flytt', civicNo: pnr(5), schoolUnit: unit, schoolYear: 8 }),
    );
    server.groups.push(ss.klass('9b5c0000-0000-4000-8000-000000000001', unit, '7A', [PERSON(1), PERSON(2), PERSON(3)]));
    server.calendarEvents.push(
      ss.event(EVENT(1), '2026-11-16', '08:10', 50, UNIT_STORSJO),
      ss.event(EVENT(2), '2026-11-16', '10:00', 60, UNIT_STORSJO),
      ss.event(EVENT(3), '2026-11-17', '08:10', 50, UNIT_STORSJO),
    );
    server.attendances.push(
      ss.attendance(ATT(1), EVENT(1), PERSON(1), { attended: 50 }),
      ss.attendance(ATT(2), EVENT(1), PERSON(2), { attended: 30, invalid: 20, reason: 'Försov sig' }),
      ss.attendance(ATT(3), EVENT(2), PERSON(1), { reported: false }),
      ss.attendance(ATT(4), EVENT(2), PERSON(2), { attended: 0, invalid: 60 }),
      ss.attendance(ATT(5), EVENT(3), PERSON(1), { attended: 50 }),
      ss.attendance(ATT(6), EVENT(3), PERSON(5), { attended: 0, invalid: 50 }),
    );
  });
  afterAll(async () => {
    await settle();
    await server.stop();
    await t.close();
  });

  describe('sources', () => {
    it('an admin connects a source; the secret is stored encrypted and never returned', async () => {
      const res = await t.http
        .post(`${API}/ss12000/sources`)
        .set('authorization', admin)
        .send({
          name: 'Skoldata Östersund',
          baseUrl: `${server.url}/v2`,
          auth: {
            type: 'oauth2_client_credentials',
            tokenUrl: `${server.url}/token`,
            clientId: 'narvaroteam',
            clientSecret: 'client-secret-xyz',
          },
          schools: [
            { organisationId: UNIT_STORSJO, agencyId: STORSJO },
            { organisationId: UNIT_PARK, agencyId: PARK },
          ],
          syncFrom: '2026-11-01',
        })
        .expect(201);
      sourceId = res.body.id;
      expect(res.body.auth).toEqual({
        type: 'oauth2_client_credentials',
        tokenUrl: `${server.url}/token`,
        clientId: 'narvaroteam',
        secretStored: true,
      });
      expect(JSON.stringify(res.body)).not.toContain('client-secret-xyz');
      const { rows } = await t.db.query(`SELECT auth_secret FROM ss12000_source WHERE id = $1`, [sourceId]);
      expect(rows[0].auth_secret).toMatch(/^v1\./);
      expect(rows[0].auth_secret).not.toContain('client-secret');
      const list = await t.http.get(`${API}/ss12000/sources`).set('authorization', admin).expect(200);
      expect(JSON.stringify(list.body)).not.toContain('client-secret-xyz');
    });

    it('refuses other schools, a bad URL and non-admins; another organisation’s admin does not see it', async () => {
      const bad = await t.http
        .post(`${API}/ss12000/sources`)
        .set('authorization', admin)
        .send({
          name: 'x',
          baseUrl: 'http://10.0.0.5/v2',
          auth: { type: 'none' },
          schools: [{ organisationId: UNIT_STORSJO, agencyId: demoId('agency:bup') }],
        })
        .expect(422);
      expect(bad.body.errors).toEqual([
        { field: 'baseUrl', code: 'unsafe-url', message: expect.stringMatching(/https/) },
      ]);
      const otherSchool = await t.http
        .post(`${API}/ss12000/sources`)
        .set('authorization', admin)
        .send({
          name: 'x',
          baseUrl: `${server.url}/v2`,
          auth: { type: 'none' },
          schools: [{ organisationId: UNIT_STORSJO, agencyId: demoId('agency:bup') }],
        })
        .expect(422);
      expect(otherSchool.body.errors).toEqual([
        { field: 'schools.0.agencyId', code: 'not-own-school', message: 'not a school of your organisation' },
      ]);
      await t.http.get(`${API}/ss12000/sources/${sourceId}`).set('authorization', regionAdmin).expect(404);
      await t.http.post(`${API}/ss12000/sources/${sourceId}/runs`).set('authorization', regionAdmin).expect(404);
      await t.http.get(`${API}/ss12000/sources`).set('authorization', mentor).expect(403);
    });
  });

  describe('runs', () => {
    it('the first run pages through everything: pupils, classes, lessons; invalid objects in errors only', async () => {
      const succeededBefore = await syncRunCount('succeeded');
      const run = await runNow();
      expect(run).toMatchObject({ status: 'succeeded', failure: null });
      expect(await syncRunCount('succeeded')).toBe(succeededBefore + 1);
      expect(run.counts).toMatchObject({ persons: 5, groups: 1, calendarEvents: 3, attendances: 6 });
      // Paging: limit 2, so the 5 persons came in 3 pages, each after the first by its pageToken.
      const personPages = server.requests.filter(
        (r) =>
          r.path === '/persons' &&
          r.query.get('relationship.entity.type') === 'enrolment' &&
          r.query.get('relationship.organisation') === UNIT_STORSJO,
      );
      expect(personPages).toHaveLength(3);
      expect(personPages.slice(1).every((r) => r.query.get('pageToken'))).toBe(true);
      expect(personPages[0].query.get('limit')).toBe('2');

      expect(run.errors).toEqual([
        { entity: 'person', id: PERSON(4), field: 'civicNo.value', reason: expect.any(String) },
      ]);
      expect(JSON.stringify(run.errors)).not.toContain('201306129999');
      expect(JSON.stringify(run.errors)).not.toContain('Dan');

      // The hand-registered pupil is linked (same row), not duplicated.
      const alva = await pupilByExternal(1);
      expect(alva.id).toBe(handRegistered);
      expect(alva).toMatchObject({ class_name: '7A', grade: 7, enrolled: true });
      const { rows: same } = await t.db.query(`SELECT count(*)::int AS n FROM student WHERE personnummer = $1`, [
        pnr(1),
      ]);
      expect(same[0].n).toBe(1);
      // Her guardian matched by name keeps the phone only the register had.
      const g = await t.db.query(`SELECT name, phone, external_id FROM guardian WHERE student_id = $1`, [alva.id]);
      expect(g.rows).toEqual([{ name: 'Hanna Hand', phone: '070-5550001', external_id: GUARDIAN(1) }]);

      const bo = await pupilByExternal(2);
      expect(bo).toMatchObject({
        school_id: STORSJO,
        protected_identity: true,
        class_name: '7A',
        personnummer: pnr(2),
      });
      // A temporary number is kept, not rejected.
      const cilla = await pupilByExternal(3);
      expect(cilla).toMatchObject({ personnummer: null, temporary_number: '20130101TF01' });

      expect(await lessons(1)).toEqual([
        expect.objectContaining({ date: '2026-11-16', start: '08:10', attended_minutes: 50, reported: true }),
        // Not yet reported: neither present nor absent.
        expect.objectContaining({ date: '2026-11-16', start: '10:00', attended_minutes: 0, reported: false }),
        expect.objectContaining({ date: '2026-11-17', start: '08:10', attended_minutes: 50 }),
      ]);
      expect(await lessons(2)).toHaveLength(2);

      // The sync's writes are in the access log, as the source (no user).
      const log = await t.db.query(
        `SELECT user_id, agency_id, detail FROM access_log WHERE action = 'student.sync' AND $1 = ANY(subject_ids)`,
        [bo.id],
      );
      expect(log.rows[0]).toMatchObject({ user_id: null, agency_id: STORSJO, detail: { syncSourceId: sourceId } });
      // And the change history says the sync changed Alva's class and grade.
      const changes = await t.db.query(
        `SELECT field, old_value, new_value, source, sync_source_id FROM student_change WHERE student_id = $1 ORDER BY id`,
        [alva.id],
      );
      expect(changes.rows).toEqual(
        expect.arrayContaining([
          { field: 'grade', old_value: 6, new_value: 7, source: 'sync', sync_source_id: sourceId },
          { field: 'className', old_value: '6X', new_value: '7A', source: 'sync', sync_source_id: sourceId },
        ]),
      );
    });

    it('a second run with nothing changed writes nothing and asks only for changes', async () => {
      const before = await t.db.query(`SELECT max(updated_at) AS s FROM student`);
      const lessonsBefore = await t.db.query(`SELECT max(updated_at) AS l, count(*)::int AS n FROM attendance_lesson`);
      const changesBefore = await t.db.query(`SELECT count(*)::int AS n FROM student_change`);
      server.requests.length = 0;
      const run = await runNow();
      expect(run.status).toBe('succeeded');
      expect(run.counts).toMatchObject({ persons: 0, calendarEvents: 0, attendances: 0 });
      expect(server.requests.find((r) => r.path === '/persons')!.query.get('meta.modified.after')).toBeTruthy();
      expect(server.requests.some((r) => r.path === '/attendances')).toBe(true);
      expect(server.requests.some((r) => r.path === '/deletedEntities')).toBe(true);
      expect((await t.db.query(`SELECT max(updated_at) AS s FROM student`)).rows[0].s).toEqual(before.rows[0].s);
      expect(
        (await t.db.query(`SELECT max(updated_at) AS l, count(*)::int AS n FROM attendance_lesson`)).rows[0],
      ).toEqual(lessonsBefore.rows[0]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM student_change`)).rows[0]).toEqual(
        changesBefore.rows[0],
      );
    });

    it('deltas: a reported lesson, a moved lesson (never counted twice), a deleted event, a pupil changing school', async () => {
      const unreported = server.attendances.find((a) => a.id === ATT(3))!;
      Object.assign(unreported, {
        isReported: true,
        attendanceMinutes: 0,
        validAbsenceMinutes: 0,
        invalidAbsenceMinutes: 60,
      });
      server.touch(unreported);
      const moved = server.calendarEvents.find((e) => e.id === EVENT(3))!;
      Object.assign(moved, ss.event(EVENT(3), '2026-11-18', '13:00', 50, UNIT_STORSJO), { meta: moved.meta });
      server.touch(moved);
      server.delete('calendarEvents', EVENT(1));
      const eva = server.persons.find((p) => p.id === PERSON(5))!;
      (eva.enrolments as { enroledAt: { id: string } }[])[0].enroledAt.id = UNIT_PARK;
      server.touch(eva);

      const run = await runNow();
      expect(run).toMatchObject({ status: 'succeeded' });
      expect(run.counts.deleted).toBe(1);
      expect(await lessons(1)).toEqual([
        expect.objectContaining({ date: '2026-11-16', start: '10:00', invalid_absence_minutes: 60, reported: true }),
        expect.objectContaining({ date: '2026-11-18', start: '13:00', attended_minutes: 50 }),
      ]);
      const evaRow = await pupilByExternal(5);
      expect(evaRow.school_id).toBe(PARK);
      // Her lessons moved with her: they are hers (the pupil's row), not the school's.
      expect(await lessons(5)).toEqual([
        expect.objectContaining({ date: '2026-11-17', start: '08:10', invalid_absence_minutes: 50 }),
      ]);
      const history = await t.db.query(
        `SELECT old_value, new_value FROM student_change WHERE student_id = $1 AND field = 'schoolId'`,
        [evaRow.id],
      );
      expect(history.rows).toEqual([{ old_value: STORSJO, new_value: PARK }]);
    });

    it('429 with Retry-After is retried; a second run while one is running is 409', async () => {
      server.fail('/persons', { status: 429, retryAfter: '1' });
      const first = await t.http
        .post(`${API}/ss12000/sources/${sourceId}/runs`)
        .set('authorization', admin)
        .expect(202);
      const second = await t.http
        .post(`${API}/ss12000/sources/${sourceId}/runs`)
        .set('authorization', admin)
        .expect(409);
      expect(second.body.status).toBe(409);
      await settle();
      const run = await t.http
        .get(`${API}/ss12000/sources/${sourceId}/runs/${first.body.id}`)
        .set('authorization', admin)
        .expect(200);
      expect(run.body.status).toBe('succeeded');
    });

    it('a 500 that outlasts the retries fails the run with the reason; the next run resumes from the committed page', async () => {
      // Three new lessons (two pages at limit 2); the second page keeps failing.
      server.calendarEvents.push(
        ss.event(EVENT(10), '2026-11-23', '08:10', 40, UNIT_STORSJO),
        ss.event(EVENT(11), '2026-11-23', '09:00', 40, UNIT_STORSJO),
        ss.event(EVENT(12), '2026-11-24', '08:10', 40, UNIT_STORSJO),
      );
      for (const [i, e] of [10, 11, 12].entries()) {
        server.attendances.push(ss.attendance(ATT(20 + i), EVENT(e), PERSON(2), { attended: 40 }));
      }
      for (const item of [...server.calendarEvents, ...server.attendances]) {
        if ([EVENT(10), EVENT(11), EVENT(12), ATT(20), ATT(21), ATT(22)].includes(item.id)) server.touch(item);
      }
      // Parkskolan's listing (first by name) and Storsjö's first page pass, then six 500s (the first
      // try and five retries).
      server.failAfter('/calendarEvents', 2, ...Array.from({ length: 6 }, () => ({ status: 500 })));
      const failedBefore = await syncRunCount('failed');
      const failed = await runNow();
      expect(failed.status).toBe('failed');
      expect(await syncRunCount('failed')).toBe(failedBefore + 1);
      expect(failed.failure).toMatch(/\/calendarEvents: HTTP 500 after 6 attempts/);
      expect(await lessons(2)).toHaveLength(3); // the first page's two new lessons are in

      server.requests.length = 0;
      const resumed = await runNow();
      expect(resumed.status).toBe('succeeded');
      const first = server.requests.find(
        (r) => r.path === '/calendarEvents' && r.query.get('organisation') === UNIT_STORSJO,
      )!;
      expect(first.query.get('pageToken')).toBeTruthy();
      expect(await lessons(2)).toHaveLength(4);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM attendance_lesson l JOIN student s ON s.id = l.student_id WHERE s.external_id = $1`,
        [PERSON(2)],
      );
      expect(rows[0].n).toBe(4);
    });

    it('an OAuth token that expires mid-sync is renewed', async () => {
      const issued = server.tokensIssued;
      server.revokeTokensAfter = 1;
      const run = await runNow();
      expect(run.status).toBe('succeeded');
      expect(server.tokensIssued).toBeGreaterThan(issued);
      expect(server.requests.some((r) => !r.authorized)).toBe(true);
    });

    it('runs on a schedule: a source whose interval has passed since its last run gets one (once)', async () => {
      const sources = t.app.get(SourcesService);
      expect(await sources.startDueRuns()).toBe(0); // no schedule set
      await t.http
        .patch(`${API}/ss12000/sources/${sourceId}`)
        .set('authorization', admin)
        .send({ syncEveryMinutes: 60 })
        .expect(200);
      expect(await sources.startDueRuns()).toBe(0); // it ran a moment ago
      await t.db.query(
        `UPDATE ss12000_sync_run SET created_at = created_at - interval '2 hours' WHERE source_id = $1`,
        [sourceId],
      );
      expect(await sources.startDueRuns()).toBe(1);
      expect(await sources.startDueRuns()).toBe(0); // one queued or running: no second
      await settle();
      const { rows } = await t.db.query(
        `SELECT status, trigger FROM ss12000_sync_run WHERE source_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [sourceId],
      );
      expect(rows[0]).toEqual({ status: 'succeeded', trigger: 'schedule' });
    });

    it('the import’s OpenAPI text shows the SS 12000 v2.1.0 shapes, not the old JSON', async () => {
      const doc = await t.http.get('/api/docs-json').expect(200);
      const text = JSON.stringify(doc.body.paths['/api/v1/attendance/imports'].post);
      expect(text).toContain('calendarEvents?expand=attendance');
      expect(text).toContain('isReported');
      expect(text).not.toContain('calendarEvent.startTime');
    });

    it('lists runs newest first; a pupil’s protected identity and names never appear in a run', async () => {
      const res = await t.http.get(`${API}/ss12000/sources/${sourceId}/runs`).set('authorization', admin).expect(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(5);
      expect(res.body.items[0].status).toBe('succeeded');
      const text = JSON.stringify(res.body);
      for (const secret of [pnr(2), 'Bo', 'Synk', 'Berit']) expect(text).not.toContain(secret);
      const source = await t.http.get(`${API}/ss12000/sources/${sourceId}`).set('authorization', admin).expect(200);
      expect(source.body.lastRun.id).toBe(res.body.items[0].id);
    });
  });
});
