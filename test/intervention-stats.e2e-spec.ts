import { addDays, swedishDate, termOf } from '@app/calendar';
import { demoId } from '@app/demo';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const STORSJO = demoId('agency:storsjo');
const PARK = demoId('agency:park');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const PARK_ELEVHALSA = demoId('user:elevhalsa@park.demo');
const MST = demoId('intervention:mst');
const KOMET = demoId('intervention:komet');
const BUP = demoId('intervention:bup');

interface Course {
  school: 'storsjo' | 'park';
  intervention: string;
  reason: string;
  behaviours: string[];
  before: number | null;
  beforeEnd: number | null;
  six?: { newFor: string[]; work: boolean };
  eighteen?: { newFor: string[]; work: boolean };
}

/**
 * A seeded set of courses, all ended early in a term about two years back (so every 6- and
 * 18-month follow-up is due), whose right answers are worked out by hand below.
 *
 * MST, 20 courses at Storsjöskolan (k = 0…19, one pupil each), none at Parkskolan:
 * - ended: k < 10 completed, 10–14 placement, 15–19 lack of engagement → 10/5/5 of 20 (0.5, 0.25, 0.25);
 * - referred for school_absence k < 15 (15, 0.75), crime for even k (10, 0.5), drugs k < 5 (5, 0.25),
 *   nobody for aggression (0: suppressed);
 * - 6 months: recorded for k < 15 (15 of 20, 0.75); school or work k < 10 (10 of 15, 0.667); a new
 *   intervention for crime k < 5 (5 of 15, 0.333) and for school_absence k 5–9 (5 of 15, 0.333);
 * - 18 months: recorded for k < 10 (10 of 20, 0.5); school or work k < 5 (5 of 10, 0.5); new for
 *   school_absence k 5–9 (5 of 10, 0.5); for crime nobody (0: suppressed);
 * - attendance before the start 50 + k (median 59.5), before the end 70 + k (median 79.5).
 * Parkskolan's MST cells are 0 (suppressed); the organisation minus Storsjöskolan is 0, so the
 * organisation shows Storsjöskolan's figures.
 *
 * Komet (the differencing attack): 6 courses at Storsjöskolan, 3 at Parkskolan. Showing the
 * organisation's 9 beside Storsjöskolan's 6 would give Parkskolan's 3: the organisation's is hidden.
 *
 * BUP behandling (the complement attack): 10 courses at Storsjöskolan, all completed. "10 of 10
 * completed" tells each pupil's outcome: the completed count and share are hidden, the 10 ended shown.
 */
function seededCourses(): Course[] {
  const courses: Course[] = [];
  for (let k = 0; k < 20; k++) {
    const behaviours = [
      ...(k < 15 ? ['school_absence'] : []),
      ...(k % 2 === 0 ? ['crime'] : []),
      ...(k < 5 ? ['drugs'] : []),
    ];
    courses.push({
      school: 'storsjo',
      intervention: MST,
      reason: k < 10 ? 'completed' : k < 15 ? 'placement' : 'lack_of_engagement',
      behaviours: behaviours.length ? behaviours : ['other'],
      before: 50 + k,
      beforeEnd: 70 + k,
      six:
        k < 15
          ? { newFor: [...(k < 5 ? ['crime'] : []), ...(k >= 5 && k < 10 ? ['school_absence'] : [])], work: k < 10 }
          : undefined,
      eighteen: k < 10 ? { newFor: k >= 5 ? ['school_absence'] : [], work: k < 5 } : undefined,
    });
  }
  for (let k = 0; k < 9; k++) {
    courses.push({
      school: k < 6 ? 'storsjo' : 'park',
      intervention: KOMET,
      reason: 'completed',
      behaviours: ['conflicts_at_home'],
      before: 60,
      beforeEnd: 70,
    });
  }
  for (let k = 0; k < 10; k++) {
    courses.push({
      school: 'storsjo',
      intervention: BUP,
      reason: 'completed',
      behaviours: ['school_absence'],
      before: 40,
      beforeEnd: 80,
    });
  }
  return courses;
}

describe('interventions: results per intervention and the board’s report', () => {
  let t: TestApp;
  let adminKommun: string;
  let adminRegion: string;
  let rektor: string;
  let parkElevhalsa: string;
  let soc: string;
  const today = swedishDate();
  const period = termOf(addDays(today, -730));
  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);

  beforeAll(async () => {
    t = await createTestApp();
    [adminKommun, adminRegion, rektor, parkElevhalsa, soc] = await Promise.all(
      [
        'admin@ostersund.demo',
        'admin@regionjh.demo',
        'rektor@storsjo.demo',
        'elevhalsa@park.demo',
        'soc@ostersund.demo',
      ].map((u) => bearer(t.http, u)),
    );
    const given = givenFor(t.db);
    for (const [n, c] of seededCourses().entries()) {
      const school = c.school === 'storsjo' ? STORSJO : PARK;
      const coordinator = c.school === 'storsjo' ? ELEVHALSA : PARK_ELEVHALSA;
      const endedOn = addDays(period.from, 1 + (n % 10));
      const caseId = await given.case(await given.pupil({ school }), {
        reference: `T-IV-STATS-${n}`,
        coordinator,
        status: 'closed',
        openedAt: addDays(endedOn, -200),
        closedAt: addDays(endedOn, 30),
        outcome: 'other',
        closeReason: null,
      });
      const course = await given.course(caseId, c.intervention, {
        startedOn: addDays(endedOn, -120),
        behaviours: c.behaviours,
        attendanceBeforeStart: c.before,
        by: coordinator,
        ended: { on: endedOn, reason: c.reason, attendanceBeforeEnd: c.beforeEnd },
      });
      for (const [months, f] of [
        [6, c.six],
        [18, c.eighteen],
      ] as const) {
        if (!f) continue;
        await given.courseFollowUp(course, {
          months,
          newInterventionFor: f.newFor,
          schoolOrWork20h: f.work,
          by: coordinator,
        });
      }
    }
  });
  afterAll(() => t.close());

  const mstOf = (body: { interventions: { intervention: { id: string } }[] }) =>
    body.interventions.find((i) => i.intervention.id === MST) as unknown as Record<string, never>;

  it('computes MST’s figures as worked out by hand, the same for the organisation and Storsjöskolan', async () => {
    const org = await get(adminKommun, `/stats/interventions?term=${period.term}`).expect(200);
    expect(org.body).toMatchObject({ term: period.term, from: period.from, to: period.to, schoolId: null });
    const school = await get(rektor, `/stats/interventions?term=${period.term}`).expect(200);
    expect(school.body.schoolId).toBe(STORSJO);
    const expected = {
      intervention: { id: MST, name: 'MST (multisystemisk terapi)', evidenceBased: true },
      coursesEnded: 20,
      endReasons: {
        completed: { count: 10, share: 0.5 },
        placement: { count: 5, share: 0.25 },
        lack_of_engagement: { count: 5, share: 0.25 },
      },
      followUps: {
        '6': { due: 20, followedUp: { count: 15, share: 0.75 }, schoolOrWork20h: { count: 10, share: 0.667 } },
        '18': { due: 20, followedUp: { count: 10, share: 0.5 }, schoolOrWork20h: { count: 5, share: 0.5 } },
      },
      behaviours: {
        school_absence: {
          atStart: { count: 15, share: 0.75 },
          newIntervention: { '6': { count: 5, share: 0.333 }, '18': { count: 5, share: 0.5 } },
        },
        crime: {
          atStart: { count: 10, share: 0.5 },
          newIntervention: { '6': { count: 5, share: 0.333 }, '18': { count: null, share: null } },
        },
        drugs: { atStart: { count: 5, share: 0.25 } },
        aggression: { atStart: { count: null, share: null } },
      },
      medianAttendanceBeforeStart: 59.5,
      medianAttendanceBeforeEnd: 79.5,
    };
    expect(mstOf(org.body)).toMatchObject(expected);
    expect(mstOf(school.body)).toMatchObject(expected);
    expect(org.body.suppressed).toEqual(
      expect.arrayContaining([`${MST}.behaviours.aggression.atStart`, `${MST}.behaviours.crime.newIntervention.18`]),
    );
    expect(org.body.suppressed).not.toContain(`${MST}.ended`);

    // Parkskolan has no MST course: zeros are small cells too.
    const park = await get(parkElevhalsa, `/stats/interventions?term=${period.term}`).expect(200);
    expect(mstOf(park.body)).toMatchObject({ coursesEnded: null, medianAttendanceBeforeStart: null });
    const parkByAdmin = await get(adminKommun, `/stats/interventions?term=${period.term}&schoolId=${PARK}`).expect(200);
    expect(mstOf(parkByAdmin.body).coursesEnded).toBeNull();
  });

  it('withstands the differencing attack: the organisation’s Komet figures are hidden beside Storsjöskolan’s', async () => {
    const komet = (body: { interventions: { intervention: { id: string } }[] }) =>
      body.interventions.find((i) => i.intervention.id === KOMET) as unknown as {
        coursesEnded: number | null;
        endReasons: Record<string, { count: number | null }>;
        medianAttendanceBeforeStart: number | null;
      };
    const org = await get(adminKommun, `/stats/interventions?term=${period.term}`).expect(200);
    const storsjo = await get(rektor, `/stats/interventions?term=${period.term}`).expect(200);
    const storsjoByAdmin = await get(adminKommun, `/stats/interventions?term=${period.term}&schoolId=${STORSJO}`);
    const park = await get(parkElevhalsa, `/stats/interventions?term=${period.term}`).expect(200);
    // Storsjöskolan's own 6 may show; then the organisation's 9 may not (9 − 6 = Parkskolan's 3).
    expect(komet(storsjo.body).coursesEnded).toBe(6);
    expect(komet(storsjoByAdmin.body).coursesEnded).toBe(6);
    expect(komet(org.body).coursesEnded).toBeNull();
    expect(komet(park.body).coursesEnded).toBeNull();
    expect(org.body.suppressed).toContain(`${KOMET}.ended`);
    expect(park.body.suppressed).toContain(`${KOMET}.ended`);
    // All completed: the completed count is hidden everywhere (its "no" side is 0).
    for (const view of [org, storsjo, park]) expect(komet(view.body).endReasons.completed.count).toBeNull();
    // Medians of fewer than 5 pupils (Parkskolan) or beside a hidden count (the organisation) are hidden.
    expect(komet(park.body).medianAttendanceBeforeStart).toBeNull();
    expect(komet(org.body).medianAttendanceBeforeStart).toBeNull();
    expect(komet(storsjo.body).medianAttendanceBeforeStart).toBe(60);
  });

  it('withstands the complement attack: “10 of 10 completed” is not shown', async () => {
    const org = await get(adminKommun, `/stats/interventions?term=${period.term}`).expect(200);
    const bup = org.body.interventions.find((i: { intervention: { id: string } }) => i.intervention.id === BUP);
    expect(bup.coursesEnded).toBe(10);
    expect(bup.endReasons.completed).toEqual({ count: null, share: null });
    // Nor can it be had from the other slices beside the total.
    expect(bup.endReasons.placement).toEqual({ count: null, share: null });
    expect(bup.endReasons.lack_of_engagement).toEqual({ count: null, share: null });
    expect(bup.medianAttendanceBeforeEnd).toBe(80);
  });

  it('defaults to the current term, refuses others’ schools and outside agencies', async () => {
    const current = await get(rektor, '/stats/interventions').expect(200);
    expect(current.body.term).toBe(termOf(today).term);
    expect(current.body.terms).toHaveLength(4);
    expect(mstOf(current.body).coursesEnded).toBeNull();
    await get(rektor, `/stats/interventions?schoolId=${PARK}`).expect(403);
    await get(rektor, '/stats/interventions?term=2099HT').expect(400);
    await get(rektor, '/stats/interventions?term=autumn').expect(400);
    await get(soc, '/stats/interventions').expect(403);
    // The region's admin: its own (empty) catalogue, nothing of the municipality's.
    const region = await get(adminRegion, `/stats/interventions?term=${period.term}`).expect(200);
    expect(region.body.interventions).toEqual([]);
    await get(adminRegion, `/stats/interventions/${MST}/report.html`).expect(404);
  });

  it('prints the board’s report in Swedish with charts, and the same figures as CSV', async () => {
    const html = await get(adminKommun, `/stats/interventions/${MST}/report.html?term=${period.term}`).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['cache-control']).toBe('no-store');
    expect(html.text).toContain('<html lang="sv">');
    expect(html.text).toContain('Resultat för MST (multisystemisk terapi)');
    expect(html.text).toContain('Östersunds kommun');
    expect(html.text).toContain('aria-label="Hur insatserna avslutades"');
    expect(html.text).toContain('Remitterat beteende vid start');
    expect(html.text).toContain('Ny insats efter 18 mån');
    expect(html.text).toContain('Fullföljd behandling: 10');
    expect(html.text).toContain('59,5 %');

    const komet = await get(rektor, `/stats/interventions/${KOMET}/report.html?term=${period.term}`).expect(200);
    expect(komet.text).toContain('Diagrammet visas inte');
    expect(komet.text).toContain('Storsjöskolan');

    const csv = await get(adminKommun, `/stats/interventions/${MST}/report.csv?term=${period.term}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('intervention,term,school_id,figure,count,share');
    expect(lines).toContain(`MST (multisystemisk terapi),${period.term},,courses_ended,20,`);
    expect(lines).toContain(`MST (multisystemisk terapi),${period.term},,end_reason.completed,10,0.5`);
    expect(lines).toContain(`MST (multisystemisk terapi),${period.term},,behaviour.aggression.at_start,,`);
    expect(lines).toContain(`MST (multisystemisk terapi),${period.term},,follow_up.6.school_or_work_20h,10,0.667`);
    await get(adminKommun, `/stats/interventions/${demoId('nothing')}/report.csv`).expect(404);
  });
});
