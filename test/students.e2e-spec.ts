import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/** A valid personnummer for a made-up pupil: born 2012-03-15 (or +60 on the day for samordningsnummer). */
function personnummer(serial: number, coordination = false): string {
  const nine = `1203${coordination ? 75 : 15}${String(serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');

describe('students: the pupil register', () => {
  let t: TestApp;
  let mentor: string;
  let rektor: string;
  let parkMentor: string;
  let soc: string;

  const newPupil = (overrides: Record<string, unknown> = {}) => ({
    personnummer: personnummer(101),
    firstName: 'Elsa',
    lastName: 'Lind',
    schoolId: STORSJO,
    grade: 7,
    className: '7B',
    externalId: 'ext-elsa',
    protectedIdentity: true,
    guardians: [{ name: 'Anna Lind', relation: 'vårdnadshavare', phone: '070-1740611', email: 'anna@exempel.se' }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    [mentor, rektor, parkMentor, soc] = await Promise.all(
      ['mentor@storsjo.demo', 'rektor@storsjo.demo', 'mentor@park.demo', 'soc@ostersund.demo'].map((u) =>
        bearer(t.http, u),
      ),
    );
  });
  afterAll(() => t.close());

  it('registers a pupil from any accepted personnummer form and stores the canonical 12 digits', async () => {
    const short = personnummer(101).slice(2); // YYMMDDNNNN
    const res = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send(newPupil({ personnummer: `${short.slice(0, 6)}-${short.slice(6)}` }))
      .expect(201);
    expect(res.body).toMatchObject({
      firstName: 'Elsa',
      personnummerMasked: '20120315-****',
      schoolId: STORSJO,
      className: '7B',
      protectedIdentity: true,
      coordinationNumber: false,
    });
    expect(JSON.stringify(res.body)).not.toContain(personnummer(101).slice(8));
    const { rows } = await t.db.query(`SELECT personnummer FROM student WHERE id = $1`, [res.body.id]);
    expect(rows[0].personnummer).toBe(personnummer(101));
  });

  it('accepts a samordningsnummer (day + 60)', async () => {
    const res = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send(newPupil({ personnummer: personnummer(102, true), externalId: 'ext-samord', guardians: [] }))
      .expect(201);
    expect(res.body.coordinationNumber).toBe(true);
  });

  it.each([
    ['bad check digit', `${personnummer(103).slice(0, 11)}${(Number(personnummer(103)[11]) + 1) % 10}`],
    ['impossible date', '201302301234'],
    ['wrong length', '2012031512'],
    ['letters', '20120315-ABCD'],
  ])('refuses an invalid personnummer (%s) with a field error and writes nothing', async (_, value) => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM student`);
    const res = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send(newPupil({ personnummer: value, externalId: undefined }))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'personnummer' })]);
    expect(JSON.stringify(res.body)).not.toContain(value);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM student`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a duplicate in the same organisation with 409 and no guardian rows half-written', async () => {
    const guardiansBefore = await t.db.query(`SELECT count(*)::int AS n FROM guardian`);
    const res = await t.http
      .post(`${API}/students`)
      .set('authorization', rektor)
      .send(newPupil({ externalId: 'other-ext' }))
      .expect(409);
    expect(res.body.errors).toEqual([
      { field: 'personnummer', code: expect.any(String), message: 'already registered' },
    ]);
    const guardiansAfter = await t.db.query(`SELECT count(*)::int AS n FROM guardian`);
    expect(guardiansAfter.rows[0].n).toBe(guardiansBefore.rows[0].n);
  });

  it('refuses bad guardians, unknown fields and another school', async () => {
    const bad = await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send(newPupil({ personnummer: personnummer(104), guardians: [{ name: '', relation: 'x', email: 'nope' }] }))
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['guardians.0.name', 'guardians.0.email']),
    );
    await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send({ ...newPupil({ personnummer: personnummer(104) }), secret: 1 })
      .expect(400);
    // A Storsjö mentor cannot register pupils at Parkskolan.
    await t.http
      .post(`${API}/students`)
      .set('authorization', mentor)
      .send(newPupil({ personnummer: personnummer(104), schoolId: PARK, externalId: 'p-104' }))
      .expect(404);
  });

  it('lists only the caller’s school, masked, paginated by cursor', async () => {
    const first = await t.http.get(`${API}/students?limit=100`).set('authorization', mentor).expect(200);
    expect(first.body.items).toHaveLength(100);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http
      .get(`${API}/students?limit=500&cursor=${first.body.nextCursor}`)
      .set('authorization', mentor)
      .expect(200);
    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((s: { id: string }) => s.id)).size).toBe(all.length);
    expect(all.every((s: { schoolId: string }) => s.schoolId === STORSJO)).toBe(true);
    expect(all.every((s: { personnummerMasked: string }) => /^\d{8}-\*{4}$/.test(s.personnummerMasked))).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/"personnummer"/);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM student WHERE school_id = $1`, [STORSJO]);
    expect(all).toHaveLength(rows[0].n);

    const park = await t.http.get(`${API}/students?limit=500`).set('authorization', parkMentor).expect(200);
    expect(park.body.items.some((s: { schoolId: string }) => s.schoolId === STORSJO)).toBe(false);
    // Asking for another school's pupils by filter gives nothing, not an error that confirms them.
    const filtered = await t.http
      .get(`${API}/students?schoolId=${STORSJO}`)
      .set('authorization', parkMentor)
      .expect(200);
    expect(filtered.body.items).toEqual([]);
    await t.http.get(`${API}/students?cursor=garbage`).set('authorization', mentor).expect(400);
  });

  it('hides guardians’ contact details under protected identity, except from elevhälsa and the principal', async () => {
    const { rows } = await t.db.query(`SELECT id FROM student WHERE external_id = 'ext-elsa'`);
    const id = rows[0].id;
    const asMentor = await t.http.get(`${API}/students/${id}`).set('authorization', mentor).expect(200);
    expect(asMentor.body.guardians).toEqual([
      expect.objectContaining({ name: 'Anna Lind', phone: null, email: null, contactHidden: true }),
    ]);
    const asRektor = await t.http.get(`${API}/students/${id}`).set('authorization', rektor).expect(200);
    expect(asRektor.body.guardians[0]).toMatchObject({ phone: '070-1740611', email: 'anna@exempel.se' });
    const elevhalsa = await bearer(t.http, 'elevhalsa@storsjo.demo');
    const asElevhalsa = await t.http.get(`${API}/students/${id}`).set('authorization', elevhalsa).expect(200);
    expect(asElevhalsa.body.guardians[0].contactHidden).toBe(false);
  });

  it('looks a pupil up by personnummer in the body; another school’s pupil reads as unknown', async () => {
    const found = await t.http
      .post(`${API}/students/lookup`)
      .set('authorization', mentor)
      .send({ personnummer: `${personnummer(101).slice(0, 8)}-${personnummer(101).slice(8)}` })
      .expect(200);
    expect(found.body.firstName).toBe('Elsa');
    const hidden = await t.http
      .post(`${API}/students/lookup`)
      .set('authorization', parkMentor)
      .send({ personnummer: personnummer(101) })
      .expect(404);
    const unknown = await t.http
      .post(`${API}/students/lookup`)
      .set('authorization', parkMentor)
      .send({ personnummer: personnummer(999) })
      .expect(404);
    expect(hidden.body.detail).toBe(unknown.body.detail);
    await t.http
      .post(`${API}/students/lookup`)
      .set('authorization', soc)
      .send({ personnummer: personnummer(101) })
      .expect(403);
    // Every look-up is in the access log, the denied ones too, and no number is logged.
    const log = await t.db.query(`SELECT outcome, subject_ids FROM access_log WHERE action = 'student.lookup'`);
    expect(log.rows.map((r) => r.outcome).sort()).toEqual(['allowed', 'denied', 'denied']);
    expect(JSON.stringify(log.rows)).not.toContain(personnummer(101));
  });

  it('refuses another school’s pupil’s number or externalId in words that name no school, and logs the attempt on that pupil', async () => {
    const storsjoPupil = (
      await t.http
        .post(`${API}/students`)
        .set('authorization', mentor)
        .send(newPupil({ personnummer: personnummer(120), externalId: 'ext-cross-school', guardians: [] }))
        .expect(201)
    ).body.id as string;
    const attempt = (as: string, overrides: Record<string, unknown>) =>
      t.http
        .post(`${API}/students`)
        .set('authorization', as)
        .send(newPupil({ schoolId: as === parkMentor ? PARK : STORSJO, guardians: [], ...overrides }))
        .expect(409);
    const byNumber = await attempt(parkMentor, { personnummer: personnummer(120), externalId: 'ext-park-new' });
    const byExternalId = await attempt(parkMentor, { personnummer: personnummer(121), externalId: 'ext-cross-school' });
    const ownSchool = await attempt(mentor, { personnummer: personnummer(120), externalId: 'ext-storsjo-new' });
    expect(byNumber.body.errors).toEqual([
      { field: 'personnummer', code: expect.any(String), message: 'already registered' },
    ]);
    expect(byExternalId.body.errors).toEqual([
      { field: 'externalId', code: expect.any(String), message: 'already registered' },
    ]);
    // The same words whether the pupil is at the caller's school or another; no school or organisation named.
    expect(byNumber.body.detail).toBe(ownSchool.body.detail);
    expect(byExternalId.body.detail).toBe(ownSchool.body.detail);
    expect(byNumber.body.detail).not.toMatch(/organisation|school|Storsjö/i);
    const log = await t.db.query(
      `SELECT user_id, outcome FROM access_log
        WHERE action = 'student.create' AND subject_type = 'student' AND subject_ids = ARRAY[$1]::text[]`,
      [storsjoPupil],
    );
    expect(log.rows.filter((r) => r.user_id === demoId('user:mentor@park.demo'))).toEqual([
      { user_id: demoId('user:mentor@park.demo'), outcome: 'denied' },
      { user_id: demoId('user:mentor@park.demo'), outcome: 'denied' },
    ]);
  });

  it('records a lesson, corrects it by its key, and refuses impossible minutes and future dates', async () => {
    const pupil = demoId('pupil:1');
    const lesson = { date: '2026-01-13', startTime: '09:00', offeredMinutes: 60, validAbsenceMinutes: 0 };
    const created = await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', mentor)
      .send({ ...lesson, invalidAbsenceMinutes: 60, reason: 'Ogiltig frånvaro' })
      .expect(201);
    expect(created.body).toMatchObject({ attendanceMinutes: 0, invalidAbsenceMinutes: 60, source: 'manual' });
    await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', mentor)
      .send({ ...lesson, invalidAbsenceMinutes: 20 })
      .expect(201);
    const { rows } = await t.db.query(
      `SELECT l.invalid_absence_minutes, d.invalid_absence_minutes AS day_invalid, d.lessons
         FROM attendance_lesson l JOIN attendance_day d ON d.student_id = l.student_id AND d.day = l.lesson_date
        WHERE l.student_id = $1 AND l.lesson_date = '2026-01-13'`,
      [pupil],
    );
    expect(rows).toEqual([{ invalid_absence_minutes: 20, day_invalid: 20, lessons: 1 }]);

    const tooMuch = await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', mentor)
      .send({ ...lesson, validAbsenceMinutes: 40, invalidAbsenceMinutes: 40 })
      .expect(400);
    expect(tooMuch.body.errors[0].field).toBe('invalidAbsenceMinutes');
    const future = await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', mentor)
      .send({ ...lesson, date: '2099-01-01', invalidAbsenceMinutes: 0 })
      .expect(400);
    expect(future.body.errors).toEqual([{ field: 'date', code: expect.any(String), message: 'is in the future' }]);
    await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', mentor)
      .send({ ...lesson, startTime: '25:00', invalidAbsenceMinutes: 0 })
      .expect(400);
    await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', parkMentor)
      .send({ ...lesson, invalidAbsenceMinutes: 0 })
      .expect(404);
  });

  it('sums absence per pupil and per class from the lessons, per ISO week', async () => {
    const pupil = demoId('pupil:4');
    const from = '2025-09-01';
    const to = '2025-09-12';
    // Two weeks before the demo's term: only these lessons count.
    const lessons = [
      ['2025-09-01', 60, 0, 0],
      ['2025-09-02', 60, 30, 0],
      ['2025-09-09', 60, 0, 60],
      ['2025-09-10', 40, 10, 10],
    ] as const;
    for (const [date, offered, valid, invalid] of lessons) {
      await t.http
        .post(`${API}/students/${pupil}/attendance`)
        .set('authorization', rektor)
        .send({
          date,
          startTime: '08:00',
          offeredMinutes: offered,
          validAbsenceMinutes: valid,
          invalidAbsenceMinutes: invalid,
        })
        .expect(201);
    }
    const res = await t.http
      .get(`${API}/students/${pupil}/absence?from=${from}&to=${to}`)
      .set('authorization', mentor)
      .expect(200);
    expect(res.body).toMatchObject({
      offeredMinutes: 220,
      absentMinutes: 110,
      validAbsenceMinutes: 40,
      invalidAbsenceMinutes: 70,
      absencePercent: 50,
      validAbsencePercent: 18.2,
      invalidAbsencePercent: 31.8,
      pupils: 1,
    });
    expect(res.body.weeks).toEqual([
      expect.objectContaining({ week: '2025-W36', weekStart: '2025-09-01', offeredMinutes: 120, absencePercent: 25 }),
      expect.objectContaining({ week: '2025-W37', weekStart: '2025-09-08', offeredMinutes: 100, absencePercent: 80 }),
    ]);

    const { rows } = await t.db.query(`SELECT class_name FROM student WHERE id = $1`, [pupil]);
    const cls = await t.http
      .get(`${API}/schools/${STORSJO}/classes/${encodeURIComponent(rows[0].class_name)}/absence?from=${from}&to=${to}`)
      .set('authorization', mentor)
      .expect(200);
    expect(cls.body.offeredMinutes).toBe(220);
    expect(cls.body.pupils).toBeGreaterThan(1);

    await t.http
      .get(`${API}/students/${pupil}/absence?from=2025-09-12&to=2025-09-01`)
      .set('authorization', mentor)
      .expect(400);
    await t.http.get(`${API}/students/${pupil}/absence?from=2025-02-30`).set('authorization', mentor).expect(400);
    await t.http.get(`${API}/students/${pupil}/absence`).set('authorization', parkMentor).expect(404);
    await t.http.get(`${API}/schools/${STORSJO}/classes/7A/absence`).set('authorization', parkMentor).expect(404);
  });

  it('logs a refused change even though its transaction is rolled back', async () => {
    const pupil = demoId('pupil:2');
    await t.http
      .post(`${API}/students/${pupil}/attendance`)
      .set('authorization', parkMentor)
      .send({
        date: '2026-01-14',
        startTime: '08:00',
        offeredMinutes: 60,
        validAbsenceMinutes: 0,
        invalidAbsenceMinutes: 0,
      })
      .expect(404);
    const { rows } = await t.db.query(
      `SELECT outcome FROM access_log WHERE action = 'attendance.write' AND $1 = ANY (subject_ids)`,
      [pupil],
    );
    expect(rows).toEqual([{ outcome: 'denied' }]);
    const regionAdmin = await bearer(t.http, 'admin@regionjh.demo');
    const mentorId = demoId('user:mentor@storsjo.demo');
    await t.http
      .patch(`${API}/users/${mentorId}`)
      .set('authorization', regionAdmin)
      .send({ displayName: 'X' })
      .expect(404);
    const updates = await t.db.query(
      `SELECT outcome FROM access_log WHERE action = 'user.update' AND $1 = ANY (subject_ids)`,
      [mentorId],
    );
    expect(updates.rows).toEqual([{ outcome: 'denied' }]);
  });

  it('lists a pupil’s lessons newest first with a cursor', async () => {
    const pupil = demoId('pupil:4');
    const page = await t.http
      .get(`${API}/students/${pupil}/attendance?from=2025-09-01&to=2025-09-12&limit=3`)
      .set('authorization', mentor)
      .expect(200);
    expect(page.body.items.map((l: { date: string }) => l.date)).toEqual(['2025-09-10', '2025-09-09', '2025-09-02']);
    const rest = await t.http
      .get(`${API}/students/${pupil}/attendance?from=2025-09-01&to=2025-09-12&cursor=${page.body.nextCursor}`)
      .set('authorization', mentor)
      .expect(200);
    expect(rest.body.items.map((l: { date: string }) => l.date)).toEqual(['2025-09-01']);
    expect(rest.body.nextCursor).toBeNull();
  });
});
