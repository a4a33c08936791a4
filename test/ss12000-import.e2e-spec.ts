import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { readFixture } from './support/ss12000-spec';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const IMPORTS = `${API}/attendance/imports`;
/** The SS 12000 person ids of the fixture pages (test/fixtures/ss12000/README.md). */
const PERSON = (n: number) => `5b0f3c36-1c1e-4c7a-9b1a-00000000000${n}`;
const EVENT = (n: number) => `c41e7d0a-3f52-4b8e-8d6e-00000000000${n}`;

interface Lesson {
  pupil: string;
  date: string;
  start: string;
  offered_minutes: number;
  attended_minutes: number;
  valid_absence_minutes: number;
  invalid_absence_minutes: number;
  reported: boolean;
  reason: string | null;
  external_id: string;
  updated_at: Date;
}

/**
 * The file import speaks SS 12000 v2.1.0: real `/calendarEvents?expand=attendance` and
 * `/attendances` pages (validated against the official spec in ss12000-fixtures.e2e-spec.ts).
 */
describe('attendance import of SS 12000 v2.1.0 pages', () => {
  let t: TestApp;
  let mentor: string;
  const pupil = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    mentor = await bearer(t.http, 'mentor@storsjo.demo');
    for (let n = 1; n <= 4; n++) {
      const nine = `140201${800 + n}`;
      const res = await t.http
        .post(`${API}/students`)
        .set('authorization', mentor)
        .send({
          personnummer: `20${nine}${luhnCheckDigit(nine)}`,
          firstName: 'Test',
          lastName: `Elev ${n}`,
          schoolId: demoId('agency:storsjo'),
          grade: 8,
          className: '8S',
          externalId: PERSON(n),
          guardians: [],
        })
        .expect(201);
      pupil.set(res.body.id, `P${n}`);
    }
  });
  afterAll(() => t.close());

  const post = (fixture: string | object, query = '') =>
    t.http
      .post(`${IMPORTS}${query}`)
      .set('authorization', mentor)
      .set('content-type', 'application/json')
      .send(typeof fixture === 'string' ? JSON.stringify(readFixture(fixture)) : fixture);

  const lessons = async (): Promise<Lesson[]> =>
    (
      await t.db.query(
        `SELECT student_id, to_char(lesson_date, 'YYYY-MM-DD') AS date, to_char(start_time, 'HH24:MI') AS start,
                offered_minutes, attended_minutes, valid_absence_minutes, invalid_absence_minutes, reported, reason,
                external_id, updated_at
           FROM attendance_lesson WHERE student_id = ANY($1) ORDER BY lesson_date, start_time, external_id`,
        [[...pupil.keys()]],
      )
    ).rows.map(({ student_id, ...lesson }) => ({ pupil: pupil.get(student_id)!, ...lesson }));

  const figures = async (n: number, day: string) => {
    const id = [...pupil].find(([, name]) => name === `P${n}`)![0];
    const res = await t.http
      .get(`${API}/students/${id}/absence?from=${day}&to=${day}`)
      .set('authorization', mentor)
      .expect(200);
    return res.body;
  };

  it('imports a /calendarEvents?expand=attendance page: times from the event, attendance per pupil', async () => {
    const res = await post('calendar-events-expanded.json').expect(201);
    expect(res.body).toMatchObject({ format: 'ss12000', status: 'completed', rowsRejected: 0, errors: [] });
    const A = (n: number) => `a77d2b90-9c1f-4e3a-b5d4-0000000000${String(n).padStart(2, '0')}`;
    const day = '2026-02-09';
    expect(await lessons()).toEqual([
      // teachingLengthStudent (50) is the offered time, not end − start (60).
      expect.objectContaining({ pupil: 'P1', date: day, start: '08:10', offered_minutes: 50, attended_minutes: 50 }),
      expect.objectContaining({
        pupil: 'P2',
        start: '08:10',
        offered_minutes: 50,
        attended_minutes: 30,
        invalid_absence_minutes: 20,
        reason: 'Försov sig',
        external_id: A(2),
      }),
      // otherAttendanceMinutes (elevråd) count as present.
      expect.objectContaining({ pupil: 'P3', start: '08:10', attended_minutes: 50, invalid_absence_minutes: 0 }),
      // isReported=false: kept, but neither present nor absent.
      expect.objectContaining({ pupil: 'P4', start: '08:10', reported: false, attended_minutes: 0 }),
      // No teachingLengthStudent: end − start; attendanceMinutes absent.
      expect.objectContaining({
        pupil: 'P1',
        start: '09:20',
        offered_minutes: 40,
        attended_minutes: 0,
        valid_absence_minutes: 40,
        reason: 'Tandläkare',
      }),
      expect.objectContaining({ pupil: 'P2', start: '09:20', offered_minutes: 40, attended_minutes: 40 }),
      // The cancelled 10:15 lesson is not there; at 13:00 P1 has an exception of 30 minutes and
      // P2 does not take part.
      expect.objectContaining({ pupil: 'P1', start: '13:00', offered_minutes: 30, attended_minutes: 30 }),
      expect.objectContaining({ pupil: 'P3', start: '13:00', offered_minutes: 60, invalid_absence_minutes: 15 }),
    ]);
    // The unreported lesson is left out of the figures until it is reported.
    expect(await figures(4, day)).toMatchObject({ offeredMinutes: 0, absentMinutes: 0 });
    expect(await figures(2, day)).toMatchObject({ offeredMinutes: 90, invalidAbsenceMinutes: 20 });
  });

  it('imports an /attendances page for lessons it knows, by calendar event', async () => {
    const res = await post('attendances.json').expect(201);
    expect(res.body).toMatchObject({ rowsTotal: 2, rowsImported: 2, rowsRejected: 0 });
    const morning = (await lessons()).filter((l) => l.start === '08:10');
    expect(morning.find((l) => l.pupil === 'P4')).toMatchObject({ reported: true, invalid_absence_minutes: 50 });
    expect(morning.find((l) => l.pupil === 'P2')).toMatchObject({
      valid_absence_minutes: 20,
      invalid_absence_minutes: 0,
      reason: 'Läkarbesök',
    });
    expect(await figures(4, '2026-02-09')).toMatchObject({ offeredMinutes: 50, invalidAbsenceMinutes: 50 });
  });

  it('writes nothing when the same pages come again', async () => {
    const before = await lessons();
    const days = await t.db.query(`SELECT * FROM attendance_day WHERE student_id = ANY($1) ORDER BY 1, 2`, [
      [...pupil.keys()],
    ]);
    for (const page of ['calendar-events-expanded.json', 'attendances.json']) {
      // The expanded page still holds the older attendance: import the newer one after it.
      await post(page).expect(201);
    }
    await post('attendances.json').expect(201);
    const after = await lessons();
    expect(after).toHaveLength(before.length);
    // Every lesson the /attendances page did not touch keeps its updated_at.
    const key = (l: Lesson) => `${l.pupil} ${l.date} ${l.start}`;
    const untouched = before.filter((l) => !(l.start === '08:10' && (l.pupil === 'P2' || l.pupil === 'P4')));
    for (const lesson of untouched) expect(after.find((l) => key(l) === key(lesson))).toEqual(lesson);
    const again = await lessons();
    await post('attendances.json').expect(201);
    expect(await lessons()).toEqual(again);
    expect(
      (await t.db.query(`SELECT * FROM attendance_day WHERE student_id = ANY($1) ORDER BY 1, 2`, [[...pupil.keys()]]))
        .rows,
    ).toEqual(days.rows);
  });

  it('moves a lesson whose event moved (never counted twice) and removes a cancelled one', async () => {
    const res = await post('calendar-events-moved.json').expect(201);
    expect(res.body).toMatchObject({ rowsRejected: 0 });
    const all = await lessons();
    expect(all.filter((l) => l.date === '2026-02-09').map((l) => `${l.pupil} ${l.start}`)).toEqual([
      'P1 13:00',
      'P3 13:00',
    ]);
    expect(all.filter((l) => l.date === '2026-02-10').map((l) => `${l.pupil} ${l.start}`)).toEqual([
      'P1 13:00',
      'P2 13:00',
      'P3 13:00',
      'P4 13:00',
    ]);
    // The per-day aggregate follows for both days.
    expect(await figures(4, '2026-02-09')).toMatchObject({ offeredMinutes: 0 });
    expect(await figures(4, '2026-02-10')).toMatchObject({ offeredMinutes: 50, invalidAbsenceMinutes: 50 });
    expect(await figures(1, '2026-02-09')).toMatchObject({ offeredMinutes: 30 });
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM attendance_day WHERE student_id = ANY($1)`, [
      [...pupil.keys()].filter((id) => pupil.get(id) === 'P4'),
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('rejects an attendance of a calendar event it does not know, naming the field', async () => {
    const page = readFixture('attendances.json') as { data: { calendarEvent: { id: string } }[] };
    page.data[0].calendarEvent.id = EVENT(9);
    const res = await post(page).expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'calendarEvent.id', reason: expect.stringContaining('unknown calendar event') }),
    ]);
  });

  it('rejects an attendance for a cancelled lesson', async () => {
    const page = readFixture('attendances.json') as { data: { calendarEvent: { id: string } }[] };
    page.data[0].calendarEvent.id = EVENT(3);
    const res = await post(page).expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'calendarEvent.id', reason: 'the calendar event is cancelled' }),
    ]);
  });
});
