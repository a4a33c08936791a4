import { API } from '../support/test-app';
import { AccessGroup, only } from '../support/access-table';

/**
 * Bulk attendance imports: the school's mentors and principal import for their own pupils only.
 * Elevhälsa has no import permission (403). A Parkskolan mentor may import, but a Storsjö pupil
 * is unknown to them: the import is rejected (422), exactly as for a pupil who does not exist.
 */
interface Ctx {
  storsjoImport: string;
}

/** One SS 12000 calendar event with Storsjö's demo pupil 0's attendance (externalId demo-0), as application/json. */
const META = { created: '2025-09-15T06:00:00Z', modified: '2025-09-15T08:00:00Z' };
const BODY = {
  data: [
    {
      id: 'access-table-event-1',
      meta: META,
      activity: { id: 'access-table-activity' },
      startTime: '2025-09-15T06:10:00Z',
      endTime: '2025-09-15T07:10:00Z',
      _embedded: {
        attendance: [
          {
            id: 'access-table-attendance-1',
            meta: META,
            calendarEvent: { id: 'access-table-event-1' },
            student: { id: 'demo-0' },
            isReported: true,
            attendanceMinutes: 45,
            validAbsenceMinutes: 15,
            invalidAbsenceMinutes: 0,
            absenceReason: 'Tandläkare',
          },
        ],
      },
    },
  ],
};

const IMPORTERS = ['mentor@storsjo.demo', 'rektor@storsjo.demo'];

export const attendanceImportAccess: AccessGroup<Ctx> = {
  name: 'attendance imports',
  async setup(t, tokens) {
    const created = await t.http
      .post(`${API}/attendance/imports`)
      .set('authorization', tokens.get('mentor@storsjo.demo')!)
      .send(BODY)
      .expect(201);
    return { storsjoImport: created.body.id as string };
  },
  rows: [
    {
      route: 'POST /attendance/imports',
      request: () => ({ path: '/attendance/imports', body: BODY }),
      expect: only(IMPORTERS, 201, 403, { 'mentor@park.demo': 422 }),
    },
    {
      route: 'GET /attendance/imports',
      request: () => ({ path: '/attendance/imports' }),
      expect: only([...IMPORTERS, 'mentor@park.demo'], 200),
    },
    {
      route: 'GET /attendance/imports/:id',
      request: (c) => ({ path: `/attendance/imports/${c.storsjoImport}` }),
      expect: only(IMPORTERS, 200, 403, { 'mentor@park.demo': 404 }),
    },
  ],
  permissions: [
    'POST /attendance/imports → attendance.import',
    'GET /attendance/imports → attendance.import',
    'GET /attendance/imports/:id → attendance.import',
  ],
};
