import { Pool } from 'pg';
import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { givenFor } from './support/given';
import { createUserWithPassword } from './support/users';

const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');
/** Demo pupil 128: a case in follow-up. */
const CASE_PUPIL = demoId('pupil:128');

/** A made-up pupil's personnummer: born 2013-03-11. */
function personnummer(serial: number): string {
  const nine = `130311${String(serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

/** The most recent weekday before today (Swedish date). */
function lastWeekday(): string {
  let date = addDays(swedishDate(new Date()), -1);
  while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, -1);
  return date;
}

describe('erasure on request (GDPR art. 17): DELETE /students/:id', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let serial = 0;

  const as = (user: string) => ({ authorization: token[user] });

  /** A pupil registered by mistake, with guardians, a correction and a lesson. */
  async function mistakenPupil(): Promise<string> {
    serial += 1;
    const created = await t.http
      .post(`${API}/students`)
      .set(as('mentor@storsjo.demo'))
      .send({
        personnummer: personnummer(serial),
        firstName: 'Fel',
        lastName: `Registrerad${serial}`,
        schoolId: STORSJO,
        grade: 6,
        className: '6B',
        guardians: [{ name: 'Vera Vårdnadshavare', relation: 'mamma', phone: '070-0000000' }],
      })
      .expect(201);
    const id = created.body.id as string;
    const read = await t.http.get(`${API}/students/${id}`).set(as('mentor@storsjo.demo')).expect(200);
    await t.http
      .patch(`${API}/students/${id}`)
      .set(as('mentor@storsjo.demo'))
      .set('if-match', read.headers.etag)
      .send({ className: '6C' })
      .expect(200);
    await t.http
      .post(`${API}/students/${id}/attendance`)
      .set(as('mentor@storsjo.demo'))
      .send({
        date: lastWeekday(),
        startTime: '09:00',
        offeredMinutes: 40,
        validAbsenceMinutes: 0,
        invalidAbsenceMinutes: 40,
      })
      .expect(201);
    return id;
  }

  /** Rows naming the pupil, per table: every table with a student_id column, and the pupil itself. */
  async function rowsAbout(id: string): Promise<Record<string, number>> {
    const { rows: tables } = await t.db.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN pg_class k ON k.relname = c.table_name AND NOT k.relispartition
        WHERE c.table_schema = 'public' AND c.column_name = 'student_id' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of [...tables, { table_name: 'student' }]) {
      const column = table_name === 'student' ? 'id' : 'student_id';
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM ${table_name} WHERE ${column} = $1`, [id]);
      counts[table_name] = rows[0].n;
    }
    return counts;
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of [
      'rektor@storsjo.demo',
      'mentor@storsjo.demo',
      'elevhalsa@storsjo.demo',
      'mentor@park.demo',
      'admin@ostersund.demo',
      'auditor@ostersund.demo',
      'bup@regionjh.demo',
    ])
      token[user] = await bearer(t.http, user);
    // A principal of another school of the same organisation…
    await createUserWithPassword(
      t.http,
      token['admin@ostersund.demo'],
      { username: 'rektor@park.demo', displayName: 'Pia Rektor', agencyId: PARK, roles: ['principal'] },
      'Rektor-Park-2026!',
    );
    token['rektor@park.demo'] = await bearer(t.http, 'rektor@park.demo', 'Rektor-Park-2026!');
    // …and of a school in another organisation (the demo password, copied).
    await givenFor(t.db).principalOfKrokom();
    token['rektor@krokom.test'] = await bearer(t.http, 'rektor@krokom.test');
  });
  afterAll(() => t.close());

  it('erases a pupil registered by mistake from every table, in one go; the access log keeps its rows', async () => {
    const pupil = await mistakenPupil();
    const before = await rowsAbout(pupil);
    expect(before).toMatchObject({
      student: 1,
      guardian: 1,
      student_change: 1,
      attendance_lesson: 1,
      attendance_day: 1,
    });

    await t.http.delete(`${API}/students/${pupil}`).set(as('rektor@storsjo.demo')).expect(204);

    const after = await rowsAbout(pupil);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['ss12000_lesson', 'absence_flag', 'support_case']));
    await t.http.get(`${API}/students/${pupil}`).set(as('rektor@storsjo.demo')).expect(404);
    await t.http.delete(`${API}/students/${pupil}`).set(as('rektor@storsjo.demo')).expect(404);

    // The access log keeps every row about the pupil (ids only), and the erasure is one of them.
    const { rows } = await t.db.query(
      `SELECT l.action, l.outcome FROM access_log l JOIN app_user u ON u.id = l.user_id
        WHERE $1 = ANY(l.subject_ids) ORDER BY l.id`,
      [pupil],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'student.create', outcome: 'allowed' },
        { action: 'student.erase', outcome: 'allowed' },
      ]),
    );
  });

  it('refuses everyone but the principal of the pupil’s school, and erases nothing', async () => {
    const pupil = await mistakenPupil();
    for (const [user, status] of [
      ['mentor@storsjo.demo', 403],
      ['elevhalsa@storsjo.demo', 403],
      ['mentor@park.demo', 403],
      ['admin@ostersund.demo', 403],
      ['auditor@ostersund.demo', 403],
      ['bup@regionjh.demo', 403],
      ['rektor@park.demo', 404],
      ['rektor@krokom.test', 404],
    ] as const) {
      const res = await t.http.delete(`${API}/students/${pupil}`).set(as(user));
      expect([user, res.status]).toEqual([user, status]);
    }
    await t.http.delete(`${API}/students/${pupil}`).expect(401);
    expect(await rowsAbout(pupil)).toMatchObject({ student: 1, guardian: 1, attendance_lesson: 1 });
    const { rows } = await t.db.query(
      `SELECT u.username FROM access_log l JOIN app_user u ON u.id = l.user_id
        WHERE l.action = 'student.erase' AND l.outcome = 'denied' AND $1 = ANY(l.subject_ids) ORDER BY u.username`,
      [pupil],
    );
    expect(rows.map((r) => r.username)).toEqual(['rektor@krokom.test', 'rektor@park.demo']);
  });

  it('answers 409 with the reasons the data is kept (art. 17(3)) when a flag or a case exists', async () => {
    const pupil = await mistakenPupil();
    await t.http
      .post(`${API}/students/${pupil}/flags`)
      .set(as('mentor@storsjo.demo'))
      .send({ text: 'Borta hela veckan.' })
      .expect(201);
    const res = await t.http.delete(`${API}/students/${pupil}`).set(as('rektor@storsjo.demo')).expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 409,
      code: 'erasure-refused',
      reasons: [{ code: 'kept-flag', message: expect.any(String) }],
    });
    expect(await rowsAbout(pupil)).toMatchObject({ student: 1, guardian: 1, absence_flag: 1, student_change: 1 });

    const kase = await t.http.delete(`${API}/students/${CASE_PUPIL}`).set(as('rektor@storsjo.demo')).expect(409);
    expect(kase.body.reasons.map((r: { code: string }) => r.code)).toContain('kept-case');
    const { rows } = await t.db.query(
      `SELECT detail FROM access_log WHERE action = 'student.erase_refused' AND $1 = ANY(subject_ids)`,
      [CASE_PUPIL],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].detail.reasons).toContain('kept-case');
  });

  it('keeps an investigation and a guardian notice (skollagen 7:19 a)', async () => {
    const pupil = await mistakenPupil();
    const date = lastWeekday();
    await t.http
      .post(`${API}/students/${pupil}/guardian-notices`)
      .set(as('mentor@storsjo.demo'))
      .send({ date, method: 'sms', informedAt: `${date}T15:50:00+01:00` })
      .expect(201);
    await t.http
      .post(`${API}/students/${pupil}/absence-investigations`)
      .set(as('rektor@storsjo.demo'))
      .send({ startedOn: date })
      .expect(201);
    const res = await t.http.delete(`${API}/students/${pupil}`).set(as('rektor@storsjo.demo')).expect(409);
    expect(res.body.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'kept-guardian-notice',
      'kept-investigation',
    ]);
  });

  it('the runtime role cannot go around the function, and the function itself refuses kept data', async () => {
    const pupil = await mistakenPupil();
    const app = new Pool({ connectionString: t.appUrl, max: 1 });
    try {
      const client = await app.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('narvaroteam.erasing_student', $1, true)`, [pupil]);
        await expect(client.query(`DELETE FROM student_change WHERE student_id = $1`, [pupil])).rejects.toThrow(
          /permission denied/,
        );
        await client.query('ROLLBACK');
        const { rows } = await client.query(`SELECT erase_student($1) AS kept`, [CASE_PUPIL]);
        expect(rows[0].kept).toContain('kept-case');
      } finally {
        client.release();
      }
    } finally {
      await app.end();
    }
    expect(await rowsAbout(pupil)).toMatchObject({ student: 1, student_change: 1 });
    expect(await rowsAbout(CASE_PUPIL)).toMatchObject({ student: 1, support_case: 1 });
    // Owned by the tables' owner, SECURITY DEFINER, executable by the runtime role and not by PUBLIC.
    const runtime = new Pool({ connectionString: t.appUrl, max: 1 });
    const { rows: me } = await runtime.query(`SELECT current_user AS role`);
    await runtime.end();
    const { rows: fn } = await t.db.query(
      `SELECT p.proowner = c.relowner AS owned_by_owner, p.prosecdef AS definer, p.proacl::text[] AS acl,
              has_function_privilege($1, p.oid, 'EXECUTE') AS runtime_may
         FROM pg_proc p, pg_class c WHERE p.proname = 'erase_student' AND c.oid = 'student'::regclass`,
      [me[0].role],
    );
    expect(fn).toEqual([expect.objectContaining({ owned_by_owner: true, definer: true, runtime_may: true })]);
    expect(fn[0].acl.some((entry: string) => entry.startsWith('=X'))).toBe(false);
  });

  it('a flag written at the same moment is either seen as a reason or fails: no orphans', async () => {
    // The flag's transaction commits first (it holds the pupil's row): the erasure waits, then sees it.
    const first = await mistakenPupil();
    const flagger = await t.db.connect();
    try {
      await flagger.query('BEGIN');
      // Raw on purpose: the flag's own open transaction, racing the erasure, is the subject.
      await flagger.query(
        `INSERT INTO absence_flag (student_id, school_id, created_by, text, snapshot)
         SELECT id, school_id, $2, 'Samtidigt', '{}' FROM student WHERE id = $1`,
        [first, demoId('user:mentor@storsjo.demo')],
      );
      const erasing = t.http
        .delete(`${API}/students/${first}`)
        .set(as('rektor@storsjo.demo'))
        .then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await flagger.query('COMMIT');
      const res = await erasing;
      expect(res.status).toBe(409);
      expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['kept-flag']);
    } finally {
      flagger.release();
    }

    // The erasure commits first (it holds the pupil's row): the flag waits, then fails; nothing is left.
    const second = await mistakenPupil();
    const eraser = new Pool({ connectionString: t.appUrl, max: 1 });
    try {
      const client = await eraser.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(`SELECT erase_student($1) AS kept`, [second]);
        expect(rows[0].kept).toEqual([]);
        const flagging = t.http
          .post(`${API}/students/${second}/flags`)
          .set(as('mentor@storsjo.demo'))
          .send({ text: 'Samtidigt' })
          .then((r) => r);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await client.query('COMMIT');
        const res = await flagging;
        expect(res.status).toBeGreaterThanOrEqual(400);
      } finally {
        client.release();
      }
    } finally {
      await eraser.end();
    }
    const after = await rowsAbout(second);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
  });
});
