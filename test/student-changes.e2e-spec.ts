import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');

/** A made-up pupil's personnummer: born 2012-05-20. */
function personnummer(serial: number): string {
  const nine = `120520${String(serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

describe('students: PATCH /students/:id with change history and If-Match', () => {
  let t: TestApp;
  let mentor: string;
  let rektor: string;
  let elevhalsa: string;
  let parkMentor: string;
  let pupil: string;
  let guardianId: string;

  const patch = (token: string, body: object, ifMatch?: string) => {
    let req = t.http.patch(`${API}/students/${pupil}`).set('authorization', token);
    if (ifMatch !== undefined) req = req.set('if-match', ifMatch);
    return req.send(body);
  };

  beforeAll(async () => {
    t = await createTestApp();
    [mentor, rektor, elevhalsa, parkMentor] = await Promise.all(
      ['mentor@storsjo.demo', 'rektor@storsjo.demo', 'elevhalsa@storsjo.demo', 'mentor@park.demo'].map((u) =>
        bearer(t.http, u),
      ),
    );
    const created = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send({
        personnummer: personnummer(1),
        firstName: 'Maja',
        lastName: 'Berg',
        schoolId: STORSJO,
        grade: 7,
        className: '7A',
        protectedIdentity: true,
        guardians: [{ name: 'Eva Berg', relation: 'vårdnadshavare', phone: '070-1112233', email: 'eva@exempel.se' }],
      })
      .expect(201);
    pupil = created.body.id;
    guardianId = created.body.guardians[0].id;
  });
  afterAll(() => t.close());

  it('GET gives the version as ETag; a mentor changes class and grade with it, and the history keeps both values', async () => {
    const read = await t.http.get(`${API}/students/${pupil}`).set('authorization', mentor).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body.version).toBe(1);

    const res = await patch(mentor, { className: '8A', grade: 8 }, read.headers.etag).expect(200);
    expect(res.body).toMatchObject({ className: '8A', grade: 8, version: 2 });
    expect(res.headers.etag).toBe('"2"');

    const changes = await t.http.get(`${API}/students/${pupil}/changes`).set('authorization', mentor).expect(200);
    const byField = Object.fromEntries(changes.body.items.map((c: { field: string }) => [c.field, c]));
    expect(byField.className).toMatchObject({ oldValue: '7A', newValue: '8A', source: 'user', version: 2 });
    expect(byField.grade).toMatchObject({ oldValue: 7, newValue: 8, source: 'user' });
    expect(byField.className.changedBy).toMatchObject({ id: demoId('user:mentor@storsjo.demo') });
    expect(typeof byField.className.changedAt).toBe('string');
    const log = await t.db.query(
      `SELECT outcome, detail FROM access_log WHERE action = 'student.update' AND subject_ids = ARRAY[$1]::text[] AND outcome = 'allowed'`,
      [pupil],
    );
    expect(log.rows.some((r) => JSON.stringify(r.detail?.fields) === JSON.stringify(['className', 'grade']))).toBe(
      true,
    );
  });

  it('a stale If-Match is 412 with the current ETag; none is 428; nothing changes', async () => {
    const stale = await patch(mentor, { className: '9C' }, '"1"').expect(412);
    expect(stale.body).toMatchObject({ status: 412, currentVersion: 2 });
    expect(stale.headers.etag).toBe('"2"');
    await patch(mentor, { className: '9C' }).expect(428);
    const { rows } = await t.db.query(`SELECT class_name, version FROM student WHERE id = $1`, [pupil]);
    expect(rows[0]).toEqual({ class_name: '8A', version: 2 });
  });

  it('the same values again write nothing: no version, no history row', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM student_change WHERE student_id = $1`, [pupil]);
    const res = await patch(mentor, { className: '8A', grade: 8 }, '"2"').expect(200);
    expect(res.body.version).toBe(2);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM student_change WHERE student_id = $1`, [pupil]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('a mentor may not change guardians, protected identity or externalId (403, logged, nothing changed)', async () => {
    for (const body of [{ protectedIdentity: false }, { externalId: 'x-1' }, { guardians: [] }]) {
      const res = await patch(mentor, body, '"2"').expect(403);
      expect(res.body.detail).toMatch(/principal and elevhälsa/);
    }
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'student.update' AND outcome = 'denied' AND subject_ids = ARRAY[$1]::text[]`,
      [pupil],
    );
    expect(rows[0].n).toBe(3);
    const state = await t.db.query(`SELECT protected_identity, external_id, version FROM student WHERE id = $1`, [
      pupil,
    ]);
    expect(state.rows[0]).toEqual({ protected_identity: true, external_id: null, version: 2 });
  });

  it('another school is 404 and an outside agency 403, both before anything is written', async () => {
    await patch(parkMentor, { className: '1A' }, '"2"').expect(404);
    const soc = await bearer(t.http, 'soc@ostersund.demo');
    await patch(soc, { className: '1A' }, '"2"').expect(403);
    await t.http.get(`${API}/students/${pupil}/changes`).set('authorization', parkMentor).expect(404);
    await t.http.get(`${API}/students/${pupil}/changes`).set('authorization', soc).expect(403);
    const { rows } = await t.db.query(`SELECT class_name FROM student WHERE id = $1`, [pupil]);
    expect(rows[0].class_name).toBe('8A');
  });

  it('elevhälsa changes a guardian without contact details: they are kept; a new guardian is added', async () => {
    const res = await patch(
      elevhalsa,
      {
        guardians: [
          { id: guardianId, name: 'Eva Berg-Lund', relation: 'vårdnadshavare' },
          { name: 'Per Lund', relation: 'vårdnadshavare', phone: '070-9998877' },
        ],
      },
      '"2"',
    ).expect(200);
    expect(res.body.version).toBe(3);
    expect(res.body.guardians).toEqual([
      expect.objectContaining({ id: guardianId, name: 'Eva Berg-Lund', phone: '070-1112233', email: 'eva@exempel.se' }),
      expect.objectContaining({ name: 'Per Lund', phone: '070-9998877', email: null }),
    ]);
    const change = await t.db.query(
      `SELECT old_value, new_value, changed_by FROM student_change WHERE student_id = $1 AND field = 'guardians'`,
      [pupil],
    );
    expect(change.rows[0].old_value).toEqual([
      { name: 'Eva Berg', relation: 'vårdnadshavare', phone: '070-1112233', email: 'eva@exempel.se' },
    ]);
    expect(change.rows[0].new_value).toHaveLength(2);
    expect(change.rows[0].changed_by).toBe(demoId('user:elevhalsa@storsjo.demo'));
  });

  it('under protected identity a mentor reads the history with guardians’ contacts hidden; elevhälsa sees them', async () => {
    const asMentor = await t.http.get(`${API}/students/${pupil}/changes`).set('authorization', mentor).expect(200);
    const guardians = asMentor.body.items.find((c: { field: string }) => c.field === 'guardians');
    expect(JSON.stringify(guardians)).not.toContain('070-');
    expect(guardians.newValue[0]).toMatchObject({ name: 'Eva Berg-Lund', phone: null, contactHidden: true });
    const asElevhalsa = await t.http
      .get(`${API}/students/${pupil}/changes`)
      .set('authorization', elevhalsa)
      .expect(200);
    expect(JSON.stringify(asElevhalsa.body.items)).toContain('070-1112233');
  });

  it('an unknown guardian id is 422 on its field; an externalId of another pupil is 409', async () => {
    const unknown = await patch(
      rektor,
      { guardians: [{ id: '00000000-0000-4000-8000-000000000000', name: 'X', relation: 'y' }] },
      '"3"',
    ).expect(422);
    expect(unknown.body.errors).toEqual([{ field: 'guardians.0.id', message: 'unknown guardian' }]);
    await t.db.query(`UPDATE student SET external_id = 'taken-1' WHERE id = $1`, [demoId('pupil:3')]);
    const taken = await patch(rektor, { externalId: 'taken-1' }, '"3"').expect(409);
    expect(taken.body.errors).toEqual([{ field: 'externalId', message: 'already registered' }]);
    await patch(rektor, { protectedIdentity: false, externalId: 'own-1' }, '"3"').expect(200);
  });

  it('invalid input is 400 with field errors; className null is refused', async () => {
    const res = await patch(mentor, { className: null, grade: 14, extra: 1 }, '"4"').expect(400);
    const fields = [...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort();
    expect(fields).toEqual(['className', 'extra', 'grade']);
  });

  it('student_change is append-only for the app’s own role', async () => {
    const { Pool } = await import('pg');
    const app = new Pool({ connectionString: t.appUrl, max: 1 });
    try {
      await expect(app.query(`UPDATE student_change SET field = 'x' WHERE student_id = $1`, [pupil])).rejects.toThrow(
        /permission denied|append-only/,
      );
      await expect(app.query(`DELETE FROM student_change WHERE student_id = $1`, [pupil])).rejects.toThrow(
        /permission denied|append-only/,
      );
    } finally {
      await app.end();
    }
    await expect(t.db.query(`DELETE FROM student_change WHERE student_id = $1`, [pupil])).rejects.toThrow(
      /append-only/,
    );
  });
});
