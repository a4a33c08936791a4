import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { createUserWithPassword } from './support/users';

/** Demo pupil 128: a case in follow-up with consent for BUP, invitation, meeting, an agreed plan and a review. */
const PUPIL = demoId('pupil:128');
const CASE = demoId('case:128');
const PARK = demoId('agency:park');

/** The most recent weekday before today (Swedish date). */
function lastWeekday(): string {
  let date = addDays(swedishDate(new Date()), -1);
  while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, -1);
  return date;
}

describe('register extract (GDPR art. 15): GET /students/:id/register-extract', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of [
      'rektor@storsjo.demo',
      'mentor@storsjo.demo',
      'elevhalsa@storsjo.demo',
      'bup@regionjh.demo',
      'soc@ostersund.demo',
      'admin@ostersund.demo',
      'auditor@ostersund.demo',
    ])
      token[user] = await bearer(t.http, user);

    // Touch the pupil from every module, so that every section has something.
    const as = (user: string) => ({ authorization: token[user] });
    const date = lastWeekday();
    await t.http
      .post(`${API}/students/${PUPIL}/attendance`)
      .set(as('mentor@storsjo.demo'))
      .send({ date, startTime: '15:05', offeredMinutes: 40, validAbsenceMinutes: 0, invalidAbsenceMinutes: 40 })
      .expect(201);
    await t.http
      .post(`${API}/students/${PUPIL}/guardian-notices`)
      .set(as('mentor@storsjo.demo'))
      .send({ date, method: 'sms', informedAt: `${date}T15:50:00+01:00` })
      .expect(201);
    // A pupil with an open case cannot be flagged again (409): an earlier, dismissed flag, as the seed writes them.
    const given = givenFor(t.db);
    const flag = await given.flag(PUPIL, {
      createdBy: demoId('user:mentor@storsjo.demo'),
      text: 'Registerutdrag-test: frånvaro sista lektionen.',
      status: 'dismissed',
      triagedBy: demoId('user:elevhalsa@storsjo.demo'),
      dismissReason: 'Sjuk',
    });
    await given.flagNote(flag, 'Registerutdrag-test: ringt hem.', demoId('user:mentor@storsjo.demo'));
    await t.http
      .post(`${API}/students/${PUPIL}/absence-investigations`)
      .set(as('rektor@storsjo.demo'))
      .send({ startedOn: date })
      .expect(201);
    const read = await t.http.get(`${API}/students/${PUPIL}`).set(as('rektor@storsjo.demo')).expect(200);
    await t.http
      .patch(`${API}/students/${PUPIL}`)
      .set(as('rektor@storsjo.demo'))
      .set('if-match', read.headers.etag)
      .send({ className: 'EXTRAKT' })
      .expect(200);
    // Every module under the case: an intervention course with a follow-up, a mapping contribution,
    // a recorded follow-up (the demo may leave some out; the extract must show each).
    const mst = await given.intervention(demoId('org:ostersund'), { name: 'Extrakt-MST', targetGroup: 'Unga 12–17' });
    const course = await given.course(CASE, mst, {
      startedOn: addDays(swedishDate(), -400),
      ended: { on: addDays(swedishDate(), -300), reason: 'completed' },
    });
    await given.courseFollowUp(course, { months: 6, schoolOrWork20h: true });
    await given.contribution(CASE, {
      section: 'school',
      agency: demoId('agency:storsjo'),
      author: demoId('user:elevhalsa@storsjo.demo'),
      text: 'Extrakt-kartläggning',
    });
    await given.followUp(CASE, {
      months: 6,
      dueOn: swedishDate(),
      recordedAt: new Date().toISOString(),
      note: 'Extrakt-uppföljning',
    });
    // An outside agency with consent reads the case: it must show among the recipients.
    await t.http.get(`${API}/cases/${CASE}`).set(as('bup@regionjh.demo')).expect(200);
  });
  afterAll(() => t.close());

  it('gives the principal every section, and who has read or changed the data', async () => {
    const res = await t.http
      .get(`${API}/students/${PUPIL}/register-extract?lessons=true`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    const x = res.body;
    const { rows: pupilRows } = await t.db.query(`SELECT personnummer FROM student WHERE id = $1`, [PUPIL]);
    expect(x.pupil).toMatchObject({
      id: PUPIL,
      personnummer: pupilRows[0].personnummer,
      className: 'EXTRAKT',
      schoolName: 'Storsjöskolan',
      organisationName: 'Östersunds kommun',
    });
    expect(x.pupil.guardians.length).toBeGreaterThan(0);
    // Rectification: the earlier value is kept, with who changed it.
    expect(x.pupil.changes).toEqual([
      expect.objectContaining({ field: 'className', newValue: 'EXTRAKT', changedBy: 'Rolf Rektor', source: 'user' }),
    ]);
    expect(x.pupil.changes[0].oldValue).not.toBe('EXTRAKT');

    expect(x.attendance.perWeek.weeks.length).toBeGreaterThan(1);
    expect(x.attendance.lessons).toContainEqual(
      expect.objectContaining({ startTime: '15:05', offeredMinutes: 40, invalidAbsenceMinutes: 40 }),
    );
    const { rows: lessonCount } = await t.db.query(
      `SELECT count(*)::int AS n FROM attendance_lesson WHERE student_id = $1`,
      [PUPIL],
    );
    expect(x.attendance.lessons).toHaveLength(lessonCount[0].n);

    expect(x.flags).toContainEqual(
      expect.objectContaining({ text: 'Registerutdrag-test: frånvaro sista lektionen.', createdBy: 'Maja Mentor' }),
    );
    expect(x.investigations).toContainEqual(expect.objectContaining({ recordedBy: 'Rolf Rektor' }));
    expect(x.guardianNotices).toContainEqual(expect.objectContaining({ method: 'sms', recordedBy: 'Maja Mentor' }));

    expect(x.cases).toHaveLength(1);
    const c = x.cases[0];
    expect(c).toMatchObject({ id: CASE, status: 'follow_up', coordinator: 'Eva Kurator' });
    expect(c.timeline.length).toBeGreaterThan(0);
    expect(c.consents).toContainEqual(expect.objectContaining({ agency: 'BUP Östersund' }));
    expect(c.invitations).toContainEqual(expect.objectContaining({ agency: 'BUP Östersund', status: 'accepted' }));
    expect(c.meetings.length).toBeGreaterThan(0);
    expect(c.plan).toMatchObject({ caseId: CASE });
    const { rows: versions } = await t.db.query(
      `SELECT count(*)::int AS n FROM plan_version v JOIN case_plan p ON p.id = v.plan_id WHERE p.case_id = $1`,
      [CASE],
    );
    expect(versions[0].n).toBeGreaterThan(0);
    expect(c.planVersions).toHaveLength(versions[0].n);
    expect(c.planVersions[0].plan.caseId).toBe(CASE);
    expect(c.reviews.length).toBeGreaterThan(0);
    for (const [table, key] of [
      ['mapping_contribution', 'mapping'],
      ['case_follow_up', 'followUps'],
      ['intervention_course', 'interventionCourses'],
    ]) {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [CASE]);
      expect([key, c[key].length]).toEqual([key, rows[0].n]);
    }

    // Art. 15(1)(c): the recipients, the region's BUP among them.
    expect(x.accessedBy).toContainEqual(
      expect.objectContaining({
        user: 'Bo Behandlare',
        agency: 'BUP Östersund',
        organisation: 'Region Jämtland Härjedalen',
        subjectType: 'case',
      }),
    );
    expect(x.accessedBy).toContainEqual(
      expect.objectContaining({ user: 'Maja Mentor', agency: 'Storsjöskolan', subjectType: 'student' }),
    );
    for (const entry of x.accessedBy) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
  });

  it('shows a pupil touched by every module in every section', async () => {
    const res = await t.http
      .get(`${API}/students/${PUPIL}/register-extract?lessons=true`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    const x = res.body;
    const sections: Record<string, unknown[]> = {
      guardians: x.pupil.guardians,
      changes: x.pupil.changes,
      weeks: x.attendance.perWeek.weeks,
      lessons: x.attendance.lessons,
      flags: x.flags,
      flagNotes: x.flags.flatMap((f: { notes: unknown[] }) => f.notes),
      investigations: x.investigations,
      guardianNotices: x.guardianNotices,
      cases: x.cases,
      accessedBy: x.accessedBy,
    };
    const c = x.cases[0];
    for (const key of [
      'timeline',
      'consents',
      'invitations',
      'meetings',
      'mapping',
      'planVersions',
      'reviews',
      'followUps',
      'interventionCourses',
    ])
      sections[key] = c[key];
    sections.planAgreements = c.plan.agreements;
    sections.courseFollowUps = c.interventionCourses.flatMap((k: { followUps: unknown[] }) => k.followUps);
    const empty = Object.entries(sections)
      .filter(([, rows]) => !Array.isArray(rows) || rows.length === 0)
      .map(([key]) => key);
    expect(empty).toEqual([]);
    expect(c.interventionCourses).toContainEqual(
      expect.objectContaining({
        intervention: 'Extrakt-MST',
        startedBy: 'Eva Kurator',
        endReason: 'completed',
        followUps: [expect.objectContaining({ months: 6, schoolOrWork20h: true, recordedBy: 'Eva Kurator' })],
      }),
    );
    expect(x.attendance.lessonsShown).toMatchObject({ truncated: false, total: x.attendance.lessons.length });
    expect(x.accessedByShown).toMatchObject({ truncated: false, total: x.accessedBy.length });
  });

  it('bounds the long sections: the newest lessons and access-log rows, with how many there are', async () => {
    // A pupil with years of lessons and a long access history.
    // Both bulk histories stay set-based SQL: thousands of rows in one statement each.
    await t.db.query(
      `INSERT INTO attendance_lesson (student_id, lesson_date, start_time, offered_minutes, attended_minutes,
                                      valid_absence_minutes, invalid_absence_minutes, source)
       SELECT $1, d::date, t::time, 40, 40, 0, 0, 'manual'
         FROM generate_series(current_date - 900, current_date - 200, interval '1 day') d,
              unnest(ARRAY['08:00', '09:00', '10:00']) t
       ON CONFLICT DO NOTHING`,
      [PUPIL],
    );
    await t.db.query(
      `INSERT INTO access_log (at, user_id, agency_id, organisation_id, action, subject_type, subject_ids, outcome)
       SELECT now() - interval '3 years' + n * interval '1 minute', u.id, u.agency_id, a.organisation_id,
              'student.read', 'student', ARRAY[$1::text], 'allowed'
         FROM generate_series(1, 2100) n, app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.username = 'mentor@storsjo.demo'`,
      [PUPIL],
    );
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM attendance_lesson WHERE student_id = $1`, [
      PUPIL,
    ]);
    const res = await t.http
      .get(`${API}/students/${PUPIL}/register-extract?lessons=true`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    const x = res.body;
    expect(x.attendance.lessons).toHaveLength(2000);
    expect(x.attendance.lessonsShown).toMatchObject({ total: rows[0].n, shown: 2000, limit: 2000, truncated: true });
    // The newest are shown, oldest first.
    const dates = x.attendance.lessons.map((l: { date: string }) => l.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates).toContain(lastWeekday());
    expect(x.accessedBy).toHaveLength(2000);
    expect(x.accessedByShown).toMatchObject({ shown: 2000, truncated: true });
    expect(x.accessedByShown.total).toBeGreaterThan(2100);
    // The newest access (this very request's check is in the same transaction: the one before it).
    expect(x.accessedBy[x.accessedBy.length - 1].at > x.accessedBy[0].at).toBe(true);

    // A period asks for the rest.
    const from = addDays(swedishDate(new Date()), -900);
    const to = addDays(swedishDate(new Date()), -801);
    const older = await t.http
      .get(`${API}/students/${PUPIL}/register-extract?lessons=true&lessonsFrom=${from}&lessonsTo=${to}`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    expect(older.body.attendance.lessonsShown).toMatchObject({ total: 300, truncated: false, from, to });
    expect(older.body.attendance.lessons).toHaveLength(300);
    const html = await t.http
      .get(`${API}/students/${PUPIL}/register-extract.html?lessons=true`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    expect(html.text).toContain(`Utdraget visar de senaste 2000 av ${rows[0].n} lektioner`);
    const bad = await t.http
      .get(`${API}/students/${PUPIL}/register-extract?accessFrom=2026-02-30`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(400);
    expect(bad.body.errors[0].field).toBe('accessFrom');
  });

  it('logs the extract as student.register_extract', async () => {
    const before = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'student.register_extract' AND $1 = ANY(subject_ids)
          AND outcome = 'allowed' AND user_id = $2`,
      [PUPIL, demoId('user:rektor@storsjo.demo')],
    );
    await t.http
      .get(`${API}/students/${PUPIL}/register-extract`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    const after = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'student.register_extract' AND $1 = ANY(subject_ids)
          AND outcome = 'allowed' AND user_id = $2`,
      [PUPIL, demoId('user:rektor@storsjo.demo')],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  });

  it('lists lessons only on request, and refuses a bad flag', async () => {
    const res = await t.http
      .get(`${API}/students/${PUPIL}/register-extract`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(200);
    expect(res.body.attendance.lessons).toBeNull();
    expect(res.body.attendance.perWeek.weeks.length).toBeGreaterThan(0);
    const bad = await t.http
      .get(`${API}/students/${PUPIL}/register-extract?lessons=maybe`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(400);
    expect(bad.body.errors[0].field).toBe('lessons');
  });

  it('prints the extract in Swedish, with contact details left out under protected identity', async () => {
    const rektor = token['rektor@storsjo.demo'];
    const page = await t.http
      .get(`${API}/students/${PUPIL}/register-extract.html`)
      .set('authorization', rektor)
      .expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<h1>Registerutdrag</h1>');
    expect(page.text).toContain('EXTRAKT');
    expect(page.text).toContain('Bo Behandlare');
    expect(page.text).toContain('Vem har läst eller ändrat uppgifterna');

    const created = await t.http
      .post(`${API}/students`)
      .set('authorization', rektor)
      .send({
        personnummer: `20120520777${luhnCheckDigit('120520777')}`,
        firstName: 'Skyddad',
        lastName: 'Elev',
        schoolId: demoId('agency:storsjo'),
        grade: 7,
        className: '7B',
        protectedIdentity: true,
        guardians: [{ name: 'Vera Elev', relation: 'mor', phone: '070-5556677', email: 'vera@exempel.se' }],
      })
      .expect(201);
    const json = await t.http
      .get(`${API}/students/${created.body.id}/register-extract`)
      .set('authorization', rektor)
      .expect(200);
    // The principal sees the contact details on screen …
    expect(json.body.pupil.guardians[0]).toMatchObject({ phone: '070-5556677', email: 'vera@exempel.se' });
    // … but the print leaves them out.
    const printed = await t.http
      .get(`${API}/students/${created.body.id}/register-extract.html`)
      .set('authorization', rektor)
      .expect(200);
    expect(printed.text).toContain('Vera Elev');
    expect(printed.text).not.toContain('070-5556677');
    expect(printed.text).not.toContain('vera@exempel.se');
    expect(printed.text).toContain('skyddade personuppgifter');
    await t.http
      .get(`${API}/students/${created.body.id}/register-extract.html`)
      .set('authorization', token['mentor@storsjo.demo'])
      .expect(403);
  });

  it('refuses everyone but the principal of the pupil’s school', async () => {
    for (const user of [
      'mentor@storsjo.demo',
      'elevhalsa@storsjo.demo',
      'bup@regionjh.demo',
      'soc@ostersund.demo',
      'admin@ostersund.demo',
      'auditor@ostersund.demo',
    ]) {
      const res = await t.http
        .get(`${API}/students/${PUPIL}/register-extract`)
        .set('authorization', token[user])
        .expect(403);
      expect(JSON.stringify(res.body)).not.toContain('Registerutdrag-test');
    }
    // A principal of another school does not learn that the pupil exists; the refusal is logged.
    await createUserWithPassword(
      t.http,
      token['admin@ostersund.demo'],
      { username: 'rektor@park.demo', displayName: 'Pia Rektor', agencyId: PARK, roles: ['principal'] },
      'Rektor-Park-2026!',
    );
    const parkRektor = await bearer(t.http, 'rektor@park.demo', 'Rektor-Park-2026!');
    const other = await t.http
      .get(`${API}/students/${PUPIL}/register-extract`)
      .set('authorization', parkRektor)
      .expect(404);
    expect(JSON.stringify(other.body)).not.toContain('Storsjö');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log l JOIN app_user u ON u.id = l.user_id
        WHERE u.username = 'rektor@park.demo' AND l.action = 'student.register_extract' AND l.outcome = 'denied'
          AND $1 = ANY(l.subject_ids)`,
      [PUPIL],
    );
    expect(rows[0].n).toBe(1);
    // Nor does a principal of another organisation.
    await givenFor(t.db).principalOfKrokom();
    const krokom = await bearer(t.http, 'rektor@krokom.test');
    for (const path of ['register-extract', 'register-extract.html']) {
      const res = await t.http.get(`${API}/students/${PUPIL}/${path}`).set('authorization', krokom).expect(404);
      expect(res.text).not.toContain('Storsjö');
    }
    // An unknown pupil reads the same.
    await t.http
      .get(`${API}/students/${demoId('pupil:nobody')}/register-extract`)
      .set('authorization', token['rektor@storsjo.demo'])
      .expect(404);
  });
});
