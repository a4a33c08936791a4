import { demoId } from '@app/demo';
import { Clock, CLOCK } from '@app/notifications';
import { luhnCheckDigit } from '@app/students';
import { API, bearer, createTestApp, TestApp } from './support/test-app';
import { Given, givenFor } from './support/given';

/**
 * Absence signals end to end: each rule proven to fire and not to fire on its boundary, on
 * pupils whose attendance the test writes itself (lessons and the per-day aggregate), for the
 * reference day Friday 2026-11-20. The 4-week window is then Sat 24 okt – Fri 20 nov: 20
 * school days Mon 26 okt – Fri 20 nov, 300 offered minutes a day (6 000 in all).
 */
const STORSJO = demoId('agency:storsjo');
const R = '2026-11-20';

interface Day {
  day: string;
  valid?: number;
  invalid?: number;
  /** Minutes scheduled that day (default 300); 0: no lessons that day. */
  offered?: number;
}

/** The 20 school days of the window. */
function schoolDays(): string[] {
  const days: string[] = [];
  for (let d = new Date('2026-10-26T00:00:00Z'); d <= new Date(`${R}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe('absence signals, flags, investigations and guardian notices', () => {
  let t: TestApp;
  let given: Given;
  let mentor: string;
  let rektor: string;
  let elevhalsa: string;
  let parkMentor: string;
  let parkElevhalsa: string;
  let serial = 100;
  const pupils: Record<string, string> = {};

  /**
   * A new pupil at Storsjöskolan with attendance on every school day of the window, absence as given;
   * a day outside the window in `absence` is a school day too, `offered: 0` a day without lessons.
   */
  async function pupil(name: string, absence: Day[]): Promise<string> {
    const nine = `140501${serial++}`;
    const res = await t.http
      .post(`${API}/students`)
      .set('authorization', rektor)
      .send({
        personnummer: `20140501${serial - 1}${luhnCheckDigit(nine)}`,
        firstName: name,
        lastName: 'Signalsson',
        schoolId: STORSJO,
        grade: 6,
        className: '6S',
        guardians: [{ name: 'Vårdnadshavare', relation: 'vårdnadshavare', phone: '070-1234567' }],
      })
      .expect(201);
    const id = res.body.id as string;
    const days = [...new Set([...schoolDays(), ...absence.map((a) => a.day)])];
    for (const day of days) {
      const a = absence.find((x) => x.day === day) ?? { day };
      const offered = a.offered ?? 300;
      if (!offered) continue;
      const valid = a.valid ?? 0;
      const invalid = a.invalid ?? 0;
      await given.lessons(id, [
        { date: day, start: '08:20', offered, attended: offered - valid - invalid, valid, invalid },
      ]);
    }
    pupils[name] = id;
    return id;
  }

  const watchlist = async (query = `date=${R}&limit=500`, token = mentor) =>
    (await t.http.get(`${API}/schools/${STORSJO}/watchlist?${query}`).set('authorization', token).expect(200)).body;
  const itemOf = (body: { items: { studentId: string }[] }, name: string) =>
    body.items.find((i) => i.studentId === pupils[name]) as
      | { rulesHit: { rule: string; explanation: string; figures: Record<string, unknown> }[]; [k: string]: unknown }
      | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    given = givenFor(t.db);
    [mentor, rektor, elevhalsa, parkMentor, parkElevhalsa] = await Promise.all(
      [
        'mentor@storsjo.demo',
        'rektor@storsjo.demo',
        'elevhalsa@storsjo.demo',
        'mentor@park.demo',
        'elevhalsa@park.demo',
      ].map((u) => bearer(t.http, u)),
    );
    // absence_share: exactly 10 % (600 of 6 000 minutes), and 9.9 % (594).
    await pupil('Tio', [
      { day: '2026-10-27', valid: 300 },
      { day: '2026-11-05', invalid: 300 },
    ]);
    await pupil('Niokommanio', [
      { day: '2026-10-27', valid: 300 },
      { day: '2026-11-05', invalid: 294 },
    ]);
    // invalid_streak: Thu, Fri, Mon are 3 consecutive school days across a weekend; with valid absence on Monday only 2.
    await pupil('Svit', [
      { day: '2026-11-12', invalid: 60 },
      { day: '2026-11-13', invalid: 60 },
      { day: '2026-11-16', invalid: 60 },
    ]);
    await pupil('Kortsvit', [
      { day: '2026-11-12', invalid: 60 },
      { day: '2026-11-13', invalid: 60 },
      { day: '2026-11-16', valid: 60 },
    ]);
    // weekday_pattern: half of three Mondays (50 % of the day) vs 149 of 300 minutes.
    await pupil('Mandag', [
      { day: '2026-10-26', valid: 150 },
      { day: '2026-11-02', valid: 150 },
      { day: '2026-11-16', valid: 150 },
    ]);
    await pupil('Nastanmandag', [
      { day: '2026-10-26', valid: 149 },
      { day: '2026-11-02', valid: 149 },
      { day: '2026-11-16', valid: 149 },
    ]);
    // rising_trend: weeks 45, 46, 47 at 4 % → 9 % → 15 % (60, 135, 225 of 1 500); and 4 → 9 → 9.
    await pupil('Stigande', [
      { day: '2026-11-03', valid: 60 },
      { day: '2026-11-10', valid: 135 },
      { day: '2026-11-17', valid: 112 },
      { day: '2026-11-18', valid: 113 },
    ]);
    await pupil('Platt', [
      { day: '2026-11-03', valid: 60 },
      { day: '2026-11-10', valid: 135 },
      { day: '2026-11-17', valid: 135 },
    ]);
    // invalid_streak at the window's edge (it starts Sat 24 okt): Wed–Fri before it, and Thu, Fri + Mon 26 okt.
    await pupil('Fornsvit', [
      { day: '2026-10-19' },
      { day: '2026-10-20' },
      { day: '2026-10-21', invalid: 300 },
      { day: '2026-10-22', invalid: 300 },
      { day: '2026-10-23', invalid: 300 },
    ]);
    await pupil('Kantsvit', [
      { day: '2026-10-19' },
      { day: '2026-10-20' },
      { day: '2026-10-21' },
      { day: '2026-10-22', invalid: 300 },
      { day: '2026-10-23', invalid: 300 },
      { day: '2026-10-26', invalid: 300 },
    ]);
    // weekday_pattern: all four Fridays (the most a default window holds), and Saturday lessons missed
    // too (one hour, half of it), which are no weekday of the rule.
    await pupil('Fredag', [
      ...['2026-10-30', '2026-11-06', '2026-11-13', '2026-11-20'].map((day) => ({ day, valid: 150 })),
      ...['2026-10-24', '2026-10-31', '2026-11-07', '2026-11-14'].map((day) => ({ day, offered: 60, valid: 30 })),
    ]);
    // rising_trend across a week without lessons (höstlov, week 46): weeks 44, 45, 47 at 2 % → 4 % → 9 %.
    await pupil('Lovvecka', [
      { day: '2026-10-27', valid: 30 },
      { day: '2026-11-03', valid: 60 },
      ...['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'].map((day) => ({ day, offered: 0 })),
      { day: '2026-11-17', valid: 135 },
    ]);
    // Long absence: two weeks away (50 %).
    await pupil(
      'Borta',
      [
        '2026-11-09',
        '2026-11-10',
        '2026-11-11',
        '2026-11-12',
        '2026-11-13',
        '2026-11-16',
        '2026-11-17',
        '2026-11-18',
        '2026-11-19',
        '2026-11-20',
      ].map((day) => ({ day, valid: 300 })),
    );
  });
  afterAll(() => t.close());

  describe('watch list', () => {
    it('fires each rule on its boundary and not below, explained in Swedish', async () => {
      const body = await watchlist();
      expect(itemOf(body, 'Tio')).toMatchObject({
        absencePercent: 10,
        invalidAbsencePercent: 5,
        firstName: 'Tio',
        className: '6S',
        grade: 6,
        personnummerMasked: '20140501-****',
        openFlag: false,
        investigationStarted: false,
        rulesHit: [
          {
            rule: 'absence_share',
            explanation: '10 % frånvaro senaste 4 veckorna, varav 5 % ogiltig',
            figures: expect.objectContaining({ offeredMinutes: 6000, absentMinutes: 600, thresholdPercent: 10 }),
          },
        ],
      });
      expect(itemOf(body, 'Niokommanio')).toBeUndefined();

      expect(itemOf(body, 'Svit')!.rulesHit).toEqual([
        {
          rule: 'invalid_streak',
          explanation: 'Ogiltig frånvaro 3 skoldagar i rad (12–16 nov)',
          figures: { days: 3, from: '2026-11-12', to: '2026-11-16', thresholdDays: 3 },
        },
      ]);
      expect(itemOf(body, 'Kortsvit')).toBeUndefined();

      expect(itemOf(body, 'Mandag')!.rulesHit).toEqual([
        expect.objectContaining({
          rule: 'weekday_pattern',
          explanation: 'Frånvarande på måndagar 3 av de senaste 4 veckorna',
        }),
      ]);
      expect(itemOf(body, 'Nastanmandag')).toBeUndefined();

      expect(itemOf(body, 'Stigande')!.rulesHit).toEqual([
        expect.objectContaining({
          rule: 'rising_trend',
          explanation: 'Ökande frånvaro 3 veckor i rad: 4 % → 9 % → 15 %',
        }),
      ]);
      expect(itemOf(body, 'Platt')).toBeUndefined();
    });

    it('counts a streak that ends within the window, from its first day, and not one that ends before it', async () => {
      const body = await watchlist();
      expect(itemOf(body, 'Fornsvit')).toBeUndefined();
      expect(itemOf(body, 'Kantsvit')!.rulesHit).toEqual([
        {
          rule: 'invalid_streak',
          explanation: 'Ogiltig frånvaro 3 skoldagar i rad (22–26 okt)',
          figures: { days: 3, from: '2026-10-22', to: '2026-10-26', thresholdDays: 3 },
        },
      ]);
    });

    it('counts each weekday up to every week of the window, and no weekend day', async () => {
      const fredag = itemOf(await watchlist(), 'Fredag')!;
      expect(fredag.rulesHit.find((h) => h.rule === 'weekday_pattern')).toEqual({
        rule: 'weekday_pattern',
        explanation: 'Frånvarande på fredagar 4 av de senaste 4 veckorna',
        figures: {
          weekdays: [{ weekday: 'friday', weeksHit: 4 }],
          ofWeeks: 4,
          thresholdWeeks: 3,
          minAbsentShareOfDay: 50,
        },
      });
    });

    it('skips a week without lessons in the trend', async () => {
      const lovvecka = itemOf(await watchlist(), 'Lovvecka')!;
      expect(lovvecka.rulesHit).toEqual([
        {
          rule: 'rising_trend',
          explanation: 'Ökande frånvaro 3 veckor i rad: 2 % → 4 % → 9 %',
          figures: {
            weeks: [
              { week: '2026-W44', weekStart: '2026-10-26', absencePercent: 2 },
              { week: '2026-W45', weekStart: '2026-11-02', absencePercent: 4 },
              { week: '2026-W47', weekStart: '2026-11-16', absencePercent: 9 },
            ],
            minPercent: 5,
          },
        },
      ]);
    });

    it('counts only complete weeks for the trend: on Thursday the current week is not yet in', async () => {
      const body = await watchlist('date=2026-11-19&limit=500');
      expect(itemOf(body, 'Stigande')!.rulesHit.map((h) => h.explanation)).toContain(
        'Ökande frånvaro 3 veckor i rad: 0 % → 4 % → 9 %',
      );
      expect(itemOf(body, 'Platt')!.rulesHit.map((h) => h.rule)).toEqual(['rising_trend']);
    });

    it('lists the demo pupils the rules catch, with Swedish explanations', async () => {
      const body = await watchlist('limit=500');
      expect(body.items.length).toBeGreaterThan(0);
      const rules = new Set<string>();
      for (const item of body.items) {
        expect(item.rulesHit.length).toBeGreaterThan(0);
        for (const hit of item.rulesHit) {
          rules.add(hit.rule);
          expect(hit.explanation).toMatch(/frånvaro|Frånvarande|Ökande/);
        }
      }
      expect(rules.size).toBeGreaterThanOrEqual(3);
      // Parkskolan's pupils never appear on Storsjöskolan's list.
      const { rows } = await t.db.query(`SELECT id FROM student WHERE school_id <> $1`, [STORSJO]);
      const others = new Set(rows.map((r: { id: string }) => r.id));
      expect(body.items.filter((i: { studentId: string }) => others.has(i.studentId))).toEqual([]);
    });

    it('sorts and paginates with an opaque cursor', async () => {
      const all = (await watchlist(`date=${R}&limit=500&sort=name`)).items.map(
        (i: { lastName: string; firstName: string; studentId: string }) => i,
      );
      const names = all.map((i: { lastName: string; firstName: string }) => `${i.lastName} ${i.firstName}`);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { studentId: string }[]; nextCursor: string | null } = await watchlist(
          `date=${R}&limit=7&sort=name${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(7);
        walked.push(...page.items.map((i) => i.studentId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all.map((i: { studentId: string }) => i.studentId));

      const byAbsence = (await watchlist(`date=${R}&limit=500&sort=absence`)).items.map(
        (i: { absencePercent: number }) => i.absencePercent,
      );
      expect(byAbsence).toEqual([...byAbsence].sort((a, b) => b - a));
      const byRules = (await watchlist(`date=${R}&limit=500&sort=rules`)).items.map(
        (i: { rulesHit: unknown[] }) => i.rulesHit.length,
      );
      expect(byRules).toEqual([...byRules].sort((a, b) => b - a));
    });

    it('refuses bad input and other schools', async () => {
      const bad = await t.http
        .get(`${API}/schools/${STORSJO}/watchlist?date=2026-02-30`)
        .set('authorization', mentor)
        .expect(400);
      expect(bad.body.errors).toEqual([
        { field: 'date', code: expect.any(String), message: 'date must be a real date' },
      ]);
      await t.http.get(`${API}/schools/${STORSJO}/watchlist?date=2099-01-01`).set('authorization', mentor).expect(400);
      await t.http.get(`${API}/schools/${STORSJO}/watchlist?sort=shoe`).set('authorization', mentor).expect(400);
      await t.http.get(`${API}/schools/${STORSJO}/watchlist?cursor=xyz`).set('authorization', mentor).expect(400);
      await t.http.get(`${API}/schools/${STORSJO}/watchlist`).set('authorization', parkMentor).expect(404);
      await t.http
        .get(`${API}/schools/${demoId('agency:park')}/watchlist`)
        .set('authorization', mentor)
        .expect(404);
    });

    it('logs the read with the pupils returned', async () => {
      await watchlist();
      const { rows } = await t.db.query(
        `SELECT subject_ids FROM access_log WHERE action = 'watchlist.read' AND subject_type = 'student' ORDER BY id DESC LIMIT 1`,
      );
      expect(rows[0].subject_ids).toEqual(expect.arrayContaining([pupils.Tio, pupils.Svit]));
    });
  });

  describe('absence rules', () => {
    it('shows the defaults, and which rules are defaults', async () => {
      const res = await t.http.get(`${API}/absence-rules`).set('authorization', mentor).expect(200);
      const share = res.body.items.find((r: { kind: string }) => r.kind === 'absence_share');
      expect(share).toMatchObject({
        enabled: true,
        params: { percent: 10, weeks: 4 },
        isDefault: true,
        bounds: { percent: { min: 1, max: 50 } },
      });
      expect(res.body.items.map((r: { kind: string }) => r.kind)).toEqual([
        'absence_share',
        'invalid_streak',
        'weekday_pattern',
        'rising_trend',
      ]);
    });

    it('refuses values outside the bounds with the field named', async () => {
      const res = await t.http
        .put(`${API}/absence-rules/absence_share`)
        .set('authorization', rektor)
        .send({ enabled: true, params: { percent: 51 } })
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'params.percent', code: expect.any(String), message: 'percent must be between 1 and 50' },
      ]);
      const unknown = await t.http
        .put(`${API}/absence-rules/weekday_pattern`)
        .set('authorization', rektor)
        .send({ enabled: true, params: { weeksHit: 5, ofWeeks: 4, colour: 3 } })
        .expect(400);
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['params.colour']);
      await t.http
        .put(`${API}/absence-rules/weekday_pattern`)
        .set('authorization', rektor)
        .send({ enabled: true, params: { weeksHit: 5, ofWeeks: 4 } })
        .expect(400);
      await t.http
        .put(`${API}/absence-rules/nonsense`)
        .set('authorization', rektor)
        .send({ enabled: true })
        .expect(404);
      await t.http
        .put(`${API}/absence-rules/absence_share`)
        .set('authorization', rektor)
        .send({ params: { percent: 12 } })
        .expect(400);
      await t.http
        .put(`${API}/absence-rules/absence_share`)
        .set('authorization', mentor)
        .send({ enabled: true, params: { percent: 12 } })
        .expect(403);
    });

    it('changes the watch list when the principal edits a rule, and logs the change', async () => {
      const raised = await t.http
        .put(`${API}/absence-rules/absence_share`)
        .set('authorization', rektor)
        .send({ enabled: true, params: { percent: 11 } })
        .expect(200);
      expect(raised.body).toMatchObject({ params: { percent: 11, weeks: 4 }, isDefault: false });
      await t.http
        .put(`${API}/absence-rules/weekday_pattern`)
        .set('authorization', rektor)
        .send({ enabled: false })
        .expect(200);
      let body = await watchlist();
      expect(itemOf(body, 'Tio')).toBeUndefined();
      expect(itemOf(body, 'Mandag')).toBeUndefined();
      expect(itemOf(body, 'Svit')).toBeDefined();

      await t.http
        .put(`${API}/absence-rules/absence_share`)
        .set('authorization', rektor)
        .send({ enabled: true, params: { percent: 10, weeks: 4 } })
        .expect(200);
      await t.http
        .put(`${API}/absence-rules/weekday_pattern`)
        .set('authorization', rektor)
        .send({ enabled: true, params: {} })
        .expect(200);
      body = await watchlist();
      expect(itemOf(body, 'Tio')).toBeDefined();
      expect(itemOf(body, 'Mandag')).toBeDefined();
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM access_log WHERE action = 'absenceRule.update' AND outcome = 'allowed'`,
      );
      expect(rows[0].n).toBe(4);
    });
  });

  describe('flags to elevhälsa', () => {
    let flagId: string;
    // A flag's snapshot covers the 28 days up to today: today is the reference day here.
    beforeAll(() => jest.spyOn(t.app.get<Clock>(CLOCK), 'now').mockReturnValue(new Date(`${R}T10:00:00Z`)));
    afterAll(() => jest.restoreAllMocks());

    it('stores a snapshot of the absence figures when a mentor flags a pupil', async () => {
      await t.http
        .post(`${API}/students/${pupils.Tio}/flags`)
        .set('authorization', mentor)
        .send({ text: '  ' })
        .expect(400);
      await t.http
        .post(`${API}/students/${pupils.Tio}/flags`)
        .set('authorization', mentor)
        .send({ text: 'x'.repeat(4001) })
        .expect(400);
      const res = await t.http
        .post(`${API}/students/${pupils.Tio}/flags`)
        .set('authorization', mentor)
        .send({ text: 'Borta ofta, har ringt hem.' })
        .expect(201);
      flagId = res.body.id;
      expect(res.body).toMatchObject({
        studentId: pupils.Tio,
        schoolId: STORSJO,
        status: 'new',
        text: 'Borta ofta, har ringt hem.',
        personnummerMasked: '20140501-****',
        createdBy: { displayName: expect.any(String) },
        triagedAt: null,
      });
      // The last 28 days up to today: the pupil's 600 absent minutes, of which 300 invalid.
      expect(res.body.snapshot.figures).toMatchObject({ absentMinutes: 600, invalidAbsenceMinutes: 300 });
      expect(res.body.snapshot.figures).toMatchObject({ from: '2026-10-24', to: R });
      expect(res.body.snapshot.takenAt).toBe(`${R}T10:00:00.000Z`);
      expect(res.body.snapshot.figures.weeks.length).toBeGreaterThan(0);
      expect(res.body.snapshot.rulesHit.map((h: { rule: string }) => h.rule)).toContain('absence_share');
      const { rows } = await t.db.query(`SELECT snapshot FROM absence_flag WHERE id = $1`, [flagId]);
      expect(rows[0].snapshot.figures.absentMinutes).toBe(600);
      // Parkskolan's staff do not reach Storsjö's pupils.
      await t.http
        .post(`${API}/students/${pupils.Tio}/flags`)
        .set('authorization', parkMentor)
        .send({ text: 'x' })
        .expect(404);
    });

    it("shows the flag in elevhälsa's and the principal's inbox, and on the watch list", async () => {
      for (const token of [elevhalsa, rektor]) {
        const inbox = await t.http.get(`${API}/flags?status=new`).set('authorization', token).expect(200);
        expect(inbox.body.items[0]).toMatchObject({ id: flagId, firstName: 'Tio', status: 'new' });
      }
      expect(itemOf(await watchlist(), 'Tio')).toMatchObject({ openFlag: true });
      await t.http.get(`${API}/flags?status=new`).set('authorization', mentor).expect(403);
      await t.http.get(`${API}/flags?status=bogus`).set('authorization', elevhalsa).expect(400);
      const park = await t.http.get(`${API}/flags`).set('authorization', parkElevhalsa).expect(200);
      expect(park.body.items.map((f: { id: string }) => f.id)).not.toContain(flagId);
      await t.http.get(`${API}/flags/${flagId}`).set('authorization', parkElevhalsa).expect(404);
      // Staff of the school read a flag (to add to it); Parkskolan's do not know it.
      await t.http.get(`${API}/flags/${flagId}`).set('authorization', mentor).expect(200);
      await t.http.get(`${API}/flags/${flagId}`).set('authorization', parkMentor).expect(404);
      const one = await t.http.get(`${API}/flags/${flagId}`).set('authorization', elevhalsa).expect(200);
      expect(one.body.snapshot.figures.absentMinutes).toBe(600);
    });

    it('dismisses with a reason once; a second triage is a 409', async () => {
      await t.http.post(`${API}/flags/${flagId}/dismiss`).set('authorization', elevhalsa).send({}).expect(400);
      const res = await t.http
        .post(`${API}/flags/${flagId}/dismiss`)
        .set('authorization', elevhalsa)
        .send({ reason: 'Planerad ledighet, giltig.' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'dismissed',
        dismissReason: 'Planerad ledighet, giltig.',
        triagedBy: { displayName: expect.any(String) },
      });
      await t.http
        .post(`${API}/flags/${flagId}/dismiss`)
        .set('authorization', rektor)
        .send({ reason: 'igen' })
        .expect(409);
      await t.http.post(`${API}/flags/${flagId}/accept`).set('authorization', rektor).expect(409);
      const inbox = await t.http.get(`${API}/flags?status=new`).set('authorization', elevhalsa).expect(200);
      expect(inbox.body.items.map((f: { id: string }) => f.id)).not.toContain(flagId);
      const dismissed = await t.http.get(`${API}/flags?status=dismissed`).set('authorization', elevhalsa).expect(200);
      expect(dismissed.body.items.map((f: { id: string }) => f.id)).toContain(flagId);
    });

    it('accepts once, and of two concurrent triages exactly one wins', async () => {
      const make = async () =>
        (
          await t.http
            .post(`${API}/students/${pupils.Svit}/flags`)
            .set('authorization', mentor)
            .send({ text: 'Skolkar.' })
            .expect(201)
        ).body.id as string;
      const accepted = await make();
      // A principal names the coordinator; accepting opens the case with the flag as its start.
      await t.http.post(`${API}/flags/${accepted}/accept`).set('authorization', rektor).expect(422);
      const res = await t.http
        .post(`${API}/flags/${accepted}/accept`)
        .set('authorization', rektor)
        .send({ coordinatorId: demoId('user:elevhalsa@storsjo.demo') })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'open', flagId: accepted, pupil: { id: pupils.Svit } });
      const flag = await t.http.get(`${API}/flags/${accepted}`).set('authorization', rektor).expect(200);
      expect(flag.body.status).toBe('accepted');
      const lead = await t.http.get(`${API}/cases/${res.body.id}/lead-times`).set('authorization', rektor).expect(200);
      expect(lead.body.flaggedAt).toEqual(expect.any(String));
      await t.http
        .post(`${API}/flags/${accepted}/dismiss`)
        .set('authorization', elevhalsa)
        .send({ reason: 'x' })
        .expect(409);

      // The pupil now has an open case: a new flag about them is a 409 naming the case.
      const refused = await t.http
        .post(`${API}/students/${pupils.Svit}/flags`)
        .set('authorization', mentor)
        .send({ text: 'Skolkar.' })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'case-open',
        existing: { type: 'case', id: res.body.id, reference: res.body.reference },
      });
      // A flag from before the case (older data): accepting it is a 409 and leaves it new.
      // Raw on purpose: a second new flag beside an open case is a row the app refuses to write.
      const { rows: older } = await t.db.query(
        `INSERT INTO absence_flag (student_id, school_id, created_by, text, snapshot)
         SELECT student_id, school_id, created_by, 'Äldre.', snapshot FROM absence_flag WHERE id = $1 RETURNING id`,
        [accepted],
      );
      const second = older[0].id as string;
      await t.http.post(`${API}/flags/${second}/accept`).set('authorization', elevhalsa).expect(409);
      const still = await t.http.get(`${API}/flags/${second}`).set('authorization', elevhalsa).expect(200);
      expect(still.body.status).toBe('new');
      await t.http
        .post(`${API}/flags/${second}/dismiss`)
        .set('authorization', elevhalsa)
        .send({ reason: 'Samma oro som ärendet.' })
        .expect(200);

      await t.db.query(
        `UPDATE support_case SET status = 'closed', closed_at = now(), outcome = 'other' WHERE flag_id = $1`,
        [accepted],
      );
      // With the case closed, a new worry is a new flag.
      const raced = await make();
      const statuses = await Promise.all([
        t.http.post(`${API}/flags/${raced}/accept`).set('authorization', elevhalsa),
        t.http.post(`${API}/flags/${raced}/dismiss`).set('authorization', elevhalsa).send({ reason: 'x' }),
      ]).then((rs) => rs.map((r) => r.status).sort());
      // Dismiss wins (200) or accept wins (201): never both.
      expect([
        [200, 409],
        [201, 409],
      ]).toContainEqual(statuses);
    });

    it('pages the inbox newest first', async () => {
      // One flag per worry: three pupils, one flag each.
      for (const [i, name] of ['Mandag', 'Nastanmandag', 'Stigande'].entries()) {
        await t.http
          .post(`${API}/students/${pupils[name]}/flags`)
          .set('authorization', mentor)
          .send({ text: `Obs ${i}` })
          .expect(201);
      }
      const all = await t.http.get(`${API}/flags?limit=500`).set('authorization', elevhalsa).expect(200);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get(`${API}/flags?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set('authorization', elevhalsa)
          .expect(200);
        walked.push(...page.body.items.map((f) => f.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all.body.items.map((f: { id: string }) => f.id));
      const times = all.body.items.map((f: { createdAt: string }) => f.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(all.body.items[0].text).toBe('Obs 2');
    });
  });

  describe('absence investigations', () => {
    const overview = async (token = rektor) =>
      (
        await t.http
          .get(`${API}/schools/${STORSJO}/investigation-overview?date=${R}&limit=500`)
          .set('authorization', token)
          .expect(200)
      ).body.items as { studentId: string; absencePercent: number; lastInvestigationStartedOn: string | null }[];

    it('lists pupils with long absence until an investigation is recorded', async () => {
      let items = await overview(elevhalsa);
      expect(items.find((i) => i.studentId === pupils.Borta)).toMatchObject({ absencePercent: 50 });
      // 10 % over 8 weeks is the line; 9.9 % is not on it; a rising 7 % neither.
      expect(items.find((i) => i.studentId === pupils.Tio)).toBeDefined();
      expect(items.find((i) => i.studentId === pupils.Niokommanio)).toBeUndefined();
      expect(items.find((i) => i.studentId === pupils.Stigande)).toBeUndefined();

      const res = await t.http
        .post(`${API}/students/${pupils.Borta}/absence-investigations`)
        .set('authorization', rektor)
        .send({ startedOn: '2026-11-18' })
        .expect(201);
      expect(res.body).toMatchObject({ studentId: pupils.Borta, startedOn: '2026-11-18', huvudmanInformedOn: null });
      items = await overview();
      expect(items.find((i) => i.studentId === pupils.Borta)).toBeUndefined();
      expect(itemOf(await watchlist(), 'Borta')).toMatchObject({ investigationStarted: true });

      // An investigation more than 12 months old no longer counts.
      await t.http
        .post(`${API}/students/${pupils.Tio}/absence-investigations`)
        .set('authorization', rektor)
        .send({ startedOn: '2025-10-01', huvudmanInformedOn: '2025-10-03' })
        .expect(201);
      items = await overview();
      expect(items.find((i) => i.studentId === pupils.Tio)).toMatchObject({ lastInvestigationStartedOn: '2025-10-01' });
    });

    it('records when the huvudman was informed, and lists the investigations', async () => {
      const list = await t.http
        .get(`${API}/students/${pupils.Borta}/absence-investigations`)
        .set('authorization', elevhalsa)
        .expect(200);
      expect(list.body.items).toHaveLength(1);
      const id = list.body.items[0].id;
      await t.http
        .patch(`${API}/absence-investigations/${id}`)
        .set('authorization', rektor)
        .send({ huvudmanInformedOn: '2026-11-17' })
        .expect(400);
      const res = await t.http
        .patch(`${API}/absence-investigations/${id}`)
        .set('authorization', rektor)
        .send({ huvudmanInformedOn: '2026-11-19' })
        .expect(200);
      expect(res.body.huvudmanInformedOn).toBe('2026-11-19');
      await t.http
        .patch(`${API}/absence-investigations/${id}`)
        .set('authorization', elevhalsa)
        .send({ huvudmanInformedOn: '2026-11-19' })
        .expect(403);
    });

    it('refuses future dates, informed before started, and callers without the right', async () => {
      const future = await t.http
        .post(`${API}/students/${pupils.Svit}/absence-investigations`)
        .set('authorization', rektor)
        .send({ startedOn: '2099-01-01' })
        .expect(400);
      expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['startedOn']);
      const before = await t.http
        .post(`${API}/students/${pupils.Svit}/absence-investigations`)
        .set('authorization', rektor)
        .send({ startedOn: '2026-11-10', huvudmanInformedOn: '2026-11-09' })
        .expect(400);
      expect(before.body.errors.map((e: { field: string }) => e.field)).toEqual(['huvudmanInformedOn']);
      await t.http
        .post(`${API}/students/${pupils.Svit}/absence-investigations`)
        .set('authorization', elevhalsa)
        .send({ startedOn: '2026-11-10' })
        .expect(403);
      await t.http
        .get(`${API}/students/${pupils.Svit}/absence-investigations`)
        .set('authorization', parkElevhalsa)
        .expect(404);
      await t.http
        .get(`${API}/schools/${STORSJO}/investigation-overview`)
        .set('authorization', parkElevhalsa)
        .expect(404);
      await t.http.get(`${API}/schools/${STORSJO}/investigation-overview`).set('authorization', mentor).expect(403);
    });
  });

  describe('same-day guardian notices', () => {
    const notices = async (query: string, token = mentor) =>
      (await t.http.get(`${API}/schools/${STORSJO}/guardian-notices?${query}`).set('authorization', token).expect(200))
        .body.items as { studentId: string; informed: unknown; invalidAbsenceMinutes: number }[];

    it('shows pupils with invalid absence whose guardians are not yet told, until it is recorded', async () => {
      let pending = await notices('date=2026-11-12&pending=true');
      expect(pending.find((i) => i.studentId === pupils.Svit)).toMatchObject({
        invalidAbsenceMinutes: 60,
        informed: null,
      });
      expect(pending.find((i) => i.studentId === pupils.Kortsvit)).toBeDefined();
      // Valid absence only: not on the list.
      expect((await notices('date=2026-11-16')).find((i) => i.studentId === pupils.Kortsvit)).toBeUndefined();
      expect(JSON.stringify(pending)).not.toContain('070-1234567');

      const res = await t.http
        .post(`${API}/students/${pupils.Svit}/guardian-notices`)
        .set('authorization', mentor)
        .send({ date: '2026-11-12', method: 'phone', informedAt: '2026-11-12T09:30:00+01:00' })
        .expect(201);
      expect(res.body).toMatchObject({
        studentId: pupils.Svit,
        date: '2026-11-12',
        method: 'phone',
        informedAt: '2026-11-12T08:30:00.000Z',
        recordedBy: { displayName: expect.any(String) },
      });

      pending = await notices('date=2026-11-12&pending=true');
      expect(pending.find((i) => i.studentId === pupils.Svit)).toBeUndefined();
      const all = await notices('date=2026-11-12&className=6S');
      expect(all.find((i) => i.studentId === pupils.Svit)).toMatchObject({
        informed: { method: 'phone', informedAt: '2026-11-12T08:30:00.000Z', recordedBy: { id: expect.any(String) } },
      });
    });

    it('refuses a second notice (409), a day without invalid absence (422) and bad dates (400)', async () => {
      const send = (body: object, token = mentor, who = pupils.Svit) =>
        t.http.post(`${API}/students/${who}/guardian-notices`).set('authorization', token).send(body);
      await send({ date: '2026-11-12', method: 'sms', informedAt: '2026-11-12T11:00:00+01:00' }).expect(409);
      const none = await send({ date: '2026-11-10', method: 'sms', informedAt: '2026-11-10T11:00:00+01:00' }).expect(
        422,
      );
      expect(none.body.errors).toEqual([
        { field: 'date', code: expect.any(String), message: 'no invalid absence on this day' },
      ]);
      await send({ date: '2026-11-14', method: 'sms', informedAt: '2026-11-14T11:00:00+01:00' }).expect(422);
      await send({ date: '2099-11-13', method: 'sms', informedAt: '2026-11-13T11:00:00+01:00' }).expect(400);
      const future = await send({ date: '2026-11-13', method: 'sms', informedAt: '2099-11-13T11:00:00+01:00' }).expect(
        400,
      );
      expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['informedAt']);
      await send({ date: '2026-11-13', method: 'sms', informedAt: '2026-11-12T11:00:00+01:00' }).expect(400);
      await send({ date: '2026-11-13', method: 'pigeon', informedAt: '2026-11-13T11:00:00+01:00' }).expect(400);
      await send({ date: '2026-11-13', method: 'sms', informedAt: '2026-11-13T11:00:00+01:00' }, parkMentor).expect(
        404,
      );
      await t.http.get(`${API}/schools/${STORSJO}/guardian-notices`).set('authorization', parkMentor).expect(404);
      await send({ date: '2026-11-13', method: 'sms', informedAt: '2026-11-13T11:00:00+01:00' }).expect(201);
    });
  });
});
