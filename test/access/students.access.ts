import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { AccessGroup, CALLERS, CallerName, only } from '../support/access-table';

/** Pupils, their attendance and absence figures. Rule 1: a school's staff see its own pupils only. */
interface Ctx {
  storsjoPupil: string;
  storsjoPupilNumber: string;
  storsjoPupilClass: string;
  storsjoPupilProtected: boolean;
}

const STORSJO_SCHOOL = ['mentor@storsjo.demo', 'rektor@storsjo.demo', 'elevhalsa@storsjo.demo'];
const PARK_SCHOOL = ['mentor@park.demo', 'elevhalsa@park.demo'];
/** Storsjö's staff may; Parkskolan's staff get 404 (not their pupil); everyone else lacks the permission. */
const storsjoOnly = (ok: number) =>
  only(STORSJO_SCHOOL, ok, 403, Object.fromEntries(PARK_SCHOOL.map((caller) => [caller, 404])));

/** A valid, distinct personnummer per caller (born 2013-04-0N). */
function numberFor(caller: CallerName): string {
  const nine = `130401${String(900 + CALLERS.indexOf(caller)).padStart(3, '0')}`;
  return `2013-04-01`.replace(/-/g, '') + nine.slice(6) + luhnCheckDigit(nine);
}

export const studentsAccess: AccessGroup<Ctx> = {
  name: 'students',
  async setup(t) {
    const storsjoPupil = demoId('pupil:0');
    const { rows } = await t.db.query(
      `SELECT personnummer, class_name, protected_identity FROM student WHERE id = $1`,
      [storsjoPupil],
    );
    return {
      storsjoPupil,
      storsjoPupilNumber: rows[0].personnummer,
      storsjoPupilClass: rows[0].class_name,
      storsjoPupilProtected: rows[0].protected_identity,
    };
  },
  rows: [
    {
      route: 'POST /students',
      request: (_, caller) => ({
        path: '/students',
        body: {
          personnummer: numberFor(caller),
          firstName: 'Test',
          lastName: 'Elev',
          schoolId: demoId('agency:storsjo'),
          grade: 7,
          className: '7A',
          guardians: [{ name: 'Vera Elev', relation: 'vårdnadshavare' }],
        },
      }),
      expect: storsjoOnly(201),
    },
    {
      route: 'GET /students',
      request: () => ({ path: '/students' }),
      expect: only([...STORSJO_SCHOOL, ...PARK_SCHOOL], 200),
    },
    {
      route: 'POST /students/lookup',
      request: (c) => ({ path: '/students/lookup', body: { personnummer: c.storsjoPupilNumber } }),
      expect: storsjoOnly(200),
    },
    { route: 'GET /students/:id', request: (c) => ({ path: `/students/${c.storsjoPupil}` }), expect: storsjoOnly(200) },
    {
      // The pupil's own class again: a change that writes nothing, so every caller meets version 1.
      route: 'PATCH /students/:id',
      request: (c) => ({
        path: `/students/${c.storsjoPupil}`,
        body: { className: c.storsjoPupilClass },
        headers: { 'if-match': '"1"' },
      }),
      expect: storsjoOnly(200),
    },
    {
      route: 'PATCH /students/:id',
      request: (c) => ({
        path: `/students/${c.storsjoPupil}`,
        body: { protectedIdentity: c.storsjoPupilProtected },
        headers: { 'if-match': '"1"' },
      }),
      // Guardians, protected identity and externalId: the school's principal and elevhälsa only.
      expect: only(['rektor@storsjo.demo', 'elevhalsa@storsjo.demo'], 200, 403, {
        'mentor@park.demo': 404,
        'elevhalsa@park.demo': 404,
      }),
    },
    {
      route: 'GET /students/:id/changes',
      request: (c) => ({ path: `/students/${c.storsjoPupil}/changes` }),
      expect: storsjoOnly(200),
    },
    {
      route: 'POST /students/:id/attendance',
      request: (c) => ({
        path: `/students/${c.storsjoPupil}/attendance`,
        body: {
          date: '2026-01-12',
          startTime: '08:10',
          offeredMinutes: 60,
          validAbsenceMinutes: 0,
          invalidAbsenceMinutes: 0,
        },
      }),
      expect: storsjoOnly(201),
    },
    {
      route: 'GET /students/:id/attendance',
      request: (c) => ({ path: `/students/${c.storsjoPupil}/attendance` }),
      expect: storsjoOnly(200),
    },
    {
      route: 'GET /students/:id/absence',
      request: (c) => ({ path: `/students/${c.storsjoPupil}/absence` }),
      expect: storsjoOnly(200),
    },
    {
      route: 'GET /schools/:id/classes/:className/absence',
      request: () => ({ path: `/schools/${demoId('agency:storsjo')}/classes/7A/absence` }),
      expect: storsjoOnly(200),
    },
  ],
  permissions: [
    'POST /students → student.create',
    'GET /students → student.read',
    'POST /students/lookup → student.read',
    'GET /students/:id → student.read',
    'PATCH /students/:id → student.update',
    'GET /students/:id/changes → student.read',
    'POST /students/:id/attendance → attendance.write',
    'GET /students/:id/attendance → student.read',
    'GET /students/:id/absence → student.read',
    'GET /schools/:id/classes/:className/absence → student.read',
  ],
};
