import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/**
 * One flag per worry: while a pupil's flag awaits triage, or the pupil has an open case, a new
 * flag is a 409 that names the flag (staff add to it) or the case; the one who flagged hears
 * how it ended.
 */
const STORSJO = demoId('agency:storsjo');

describe('flags: one per worry', () => {
  let t: TestApp;
  let mentor: string;
  let rektor: string;
  let elevhalsa: string;
  let parkMentor: string;
  let soc: string;
  let serial = 200;

  async function newPupil(): Promise<string> {
    const nine = `140601${serial++}`;
    const res = await t.http
      .post(`${API}/students`)
      .set('authorization', rektor)
      .send({
        personnummer: `20140601${serial - 1}${luhnCheckDigit(nine)}`,
        firstName: 'Oro',
        lastName: 'Enssson',
        schoolId: STORSJO,
        grade: 6,
        className: '6S',
        guardians: [],
      })
      .expect(201);
    return res.body.id as string;
  }

  const flag = (pupil: string, token = mentor, text = 'Borta ofta.') =>
    t.http.post(`${API}/students/${pupil}/flags`).set('authorization', token).send({ text });

  const inbox = async (token: string) =>
    (await t.http.get(`${API}/notifications?limit=100`).set('authorization', token).expect(200)).body.items as {
      kind: string;
      title: string;
      link: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    [mentor, rektor, elevhalsa, parkMentor, soc] = await Promise.all(
      [
        'mentor@storsjo.demo',
        'rektor@storsjo.demo',
        'elevhalsa@storsjo.demo',
        'mentor@park.demo',
        'soc@ostersund.demo',
      ].map((u) => bearer(t.http, u)),
    );
  });
  afterAll(() => t.close());

  it('refuses a second flag while the first awaits triage, naming the first', async () => {
    const pupil = await newPupil();
    const first = (await flag(pupil).expect(201)).body;
    const second = await flag(pupil, rektor, 'Jag har också sett det.').expect(409);
    expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(second.body).toMatchObject({
      status: 409,
      code: 'flag-exists',
      existing: { type: 'flag', id: first.id, reference: null, createdAt: first.createdAt },
    });
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM absence_flag WHERE student_id = $1`, [pupil]);
    expect(rows[0].n).toBe(1);
  });

  it('makes one flag of two sent at the same moment', async () => {
    const pupil = await newPupil();
    const statuses = (await Promise.all([flag(pupil), flag(pupil, rektor), flag(pupil, elevhalsa)])).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([201, 409, 409]);
  });

  it('lets staff of the school read the flag and add to it, until it is triaged', async () => {
    const pupil = await newPupil();
    const first = (await flag(pupil, rektor)).body;
    const seen = await t.http.get(`${API}/flags/${first.id}`).set('authorization', mentor).expect(200);
    expect(seen.body).toMatchObject({ id: first.id, notes: [] });

    await t.http.post(`${API}/flags/${first.id}/notes`).set('authorization', mentor).send({ text: ' ' }).expect(400);
    await t.http.post(`${API}/flags/${first.id}/notes`).set('authorization', mentor).send({}).expect(400);
    const added = await t.http
      .post(`${API}/flags/${first.id}/notes`)
      .set('authorization', mentor)
      .send({ text: 'Borta i dag igen, andra veckan i rad.' })
      .expect(201);
    expect(added.body.notes).toEqual([
      {
        id: expect.any(String),
        text: 'Borta i dag igen, andra veckan i rad.',
        createdBy: { id: demoId('user:mentor@storsjo.demo'), displayName: expect.any(String) },
        createdAt: expect.any(String),
      },
    ]);
    // Elevhälsa sees the note in the flag it triages.
    const triaged = await t.http.get(`${API}/flags/${first.id}`).set('authorization', elevhalsa).expect(200);
    expect(triaged.body.notes).toHaveLength(1);

    // Another school's staff do not know the flag; an outside agency may not read flags at all.
    await t.http.get(`${API}/flags/${first.id}`).set('authorization', parkMentor).expect(404);
    await t.http
      .post(`${API}/flags/${first.id}/notes`)
      .set('authorization', parkMentor)
      .send({ text: 'x' })
      .expect(404);
    await t.http.get(`${API}/flags/${first.id}`).set('authorization', soc).expect(403);
    await t.http.post(`${API}/flags/${first.id}/notes`).set('authorization', soc).send({ text: 'x' }).expect(403);
    const { rows: denied } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE $1 = ANY (subject_ids) AND outcome = 'denied'`,
      [first.id],
    );
    expect(denied[0].n).toBeGreaterThanOrEqual(2);

    await t.http
      .post(`${API}/flags/${first.id}/dismiss`)
      .set('authorization', elevhalsa)
      .send({ reason: 'Utrett: giltig frånvaro.' })
      .expect(200);
    const late = await t.http
      .post(`${API}/flags/${first.id}/notes`)
      .set('authorization', mentor)
      .send({ text: 'En sak till.' })
      .expect(409);
    expect(late.body.currentStatus).toBe('dismissed');
    // Once dismissed, a new worry is a new flag.
    await flag(pupil).expect(201);
  });

  it('tells the one who flagged when the flag is dismissed or accepted, and no one else', async () => {
    const dismissedPupil = await newPupil();
    const acceptedPupil = await newPupil();
    const dismissed = (await flag(dismissedPupil).expect(201)).body;
    const accepted = (await flag(acceptedPupil).expect(201)).body;
    await t.http
      .post(`${API}/flags/${dismissed.id}/dismiss`)
      .set('authorization', elevhalsa)
      .send({ reason: 'Planerad ledighet.' })
      .expect(200);
    const opened = await t.http.post(`${API}/flags/${accepted.id}/accept`).set('authorization', elevhalsa).expect(201);

    const mine = await inbox(mentor);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'flag.dismissed', link: `/anmalningar/${dismissed.id}` }),
        expect.objectContaining({ kind: 'flag.accepted', link: `/anmalningar/${accepted.id}` }),
      ]),
    );
    // Neutral titles: nothing about the pupil.
    for (const n of mine.filter((x) => x.kind.startsWith('flag.'))) expect(n.title).not.toMatch(/Oro|Enssson/);
    // The one who triaged knows; the principal did not flag these.
    const ours = [`/anmalningar/${dismissed.id}`, `/anmalningar/${accepted.id}`];
    for (const token of [elevhalsa, rektor]) {
      expect((await inbox(token)).filter((n) => ours.includes(n.link))).toEqual([]);
    }

    // The pupil now has an open case: a new flag names it (a mentor may know it exists, not read it).
    const again = await flag(acceptedPupil).expect(409);
    expect(again.body).toMatchObject({
      code: 'case-open',
      existing: { type: 'case', id: opened.body.id, reference: opened.body.reference },
    });
    expect(again.body.detail).toContain(opened.body.reference);
  });
});
