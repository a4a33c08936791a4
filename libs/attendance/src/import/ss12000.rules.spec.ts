import { RowChecker } from './import-rows';
import {
  attendanceRow,
  CalendarEventTimes,
  calendarEventRows,
  isCalendarEvent,
  readCalendarEvent,
} from './ss12000.rules';

const pupils = new Map([
  ['person-1', 'pupil-1'],
  ['person-2', 'pupil-2'],
]);
const TODAY = new RowChecker('2026-02-20');
const META = { created: '2026-02-09T07:00:00+01:00', modified: '2026-02-09T07:00:00+01:00' };

const event = (more: Record<string, unknown> = {}) => ({
  id: 'event-1',
  meta: META,
  activity: { id: 'activity-1' },
  startTime: '2026-02-09T07:10:00Z',
  endTime: '2026-02-09T08:10:00Z',
  ...more,
});
const attendance = (more: Record<string, unknown> = {}) => ({
  id: 'att-1',
  meta: META,
  calendarEvent: { id: 'event-1' },
  student: { id: 'person-1' },
  isReported: true,
  ...more,
});
const known: CalendarEventTimes = {
  id: 'event-1',
  date: '2026-02-09',
  startTime: '08:10',
  offeredMinutes: 50,
  cancelled: false,
  exceptions: [],
};
const lessonOf = (result: ReturnType<typeof attendanceRow>) => (result.ok ? result.lesson : result.errors);

describe('readCalendarEvent', () => {
  it('takes the lesson in Swedish time, its length from teachingLengthStudent or end − start', () => {
    expect(readCalendarEvent(event()).event).toEqual({ ...known, offeredMinutes: 60 });
    expect(readCalendarEvent(event({ teachingLengthStudent: 50 })).event).toEqual(known);
  });

  it('works out per-pupil exceptions: not taking part, own times, own length', () => {
    const read = readCalendarEvent(
      event({
        studentExceptions: [
          { student: { id: 'person-1' }, participates: false },
          { student: { id: 'person-2' }, participates: true, startTime: '2026-02-09T07:40:00Z' },
          { student: { id: 'person-3' }, participates: true, teachingLength: 20 },
        ],
      }),
    );
    expect(read.event?.exceptions).toEqual([
      { student: 'person-1', participates: false },
      { student: 'person-2', participates: true, date: '2026-02-09', startTime: '08:40', offeredMinutes: 30 },
      { student: 'person-3', participates: true, offeredMinutes: 20 },
    ]);
  });

  it('names the members that are wrong', () => {
    const read = readCalendarEvent(
      event({ endTime: '2026-02-09T07:00:00Z', teachingLengthStudent: 0, cancelled: 'no', id: '' }),
    );
    expect(read.event).toBeNull();
    expect(read.problems.map((p) => p.field)).toEqual(['id', 'endTime', 'teachingLengthStudent', 'cancelled']);
  });

  it('tells events from attendance records', () => {
    expect(isCalendarEvent(event())).toBe(true);
    expect(isCalendarEvent(attendance())).toBe(false);
  });
});

describe('attendanceRow', () => {
  it('counts otherAttendanceMinutes as present', () => {
    expect(
      lessonOf(
        attendanceRow(3, attendance({ attendanceMinutes: 20, otherAttendanceMinutes: 30 }), known, pupils, TODAY),
      ),
    ).toMatchObject({
      line: 3,
      studentId: 'pupil-1',
      date: '2026-02-09',
      startTime: '08:10',
      offeredMinutes: 50,
      attendedMinutes: 50,
      reported: true,
      calendarEventId: 'event-1',
      externalId: 'att-1',
    });
  });

  it('without attendanceMinutes, the pupil was present for what is not absence', () => {
    expect(
      lessonOf(
        attendanceRow(1, attendance({ validAbsenceMinutes: 15, absenceReason: ' Tandläkare ' }), known, pupils, TODAY),
      ),
    ).toMatchObject({
      attendedMinutes: 35,
      validAbsenceMinutes: 15,
      reason: 'Tandläkare',
    });
  });

  it('isReported=false: a lesson without minutes; one in the future is not written', () => {
    expect(
      lessonOf(attendanceRow(1, attendance({ isReported: false, attendanceMinutes: 50 }), known, pupils, TODAY)),
    ).toMatchObject({
      reported: false,
      attendedMinutes: 0,
      validAbsenceMinutes: 0,
      invalidAbsenceMinutes: 0,
    });
    const later = { ...known, date: '2026-03-02' };
    expect(attendanceRow(1, attendance({ isReported: false }), later, pupils, TODAY)).toEqual({
      ok: true,
      lesson: null,
    });
    expect(lessonOf(attendanceRow(1, attendance(), later, pupils, TODAY))).toEqual([
      { line: 1, field: 'calendarEvent.id', code: expect.any(String), reason: 'is in the future' },
    ]);
  });

  it('refuses an unknown or cancelled event, a pupil not taking part, minutes that do not add up', () => {
    const reasons = (result: ReturnType<typeof attendanceRow>) =>
      result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.reason}`);
    expect(reasons(attendanceRow(1, attendance(), undefined, pupils, TODAY))).toEqual([
      'calendarEvent.id: unknown calendar event: import its /calendarEvents page first',
    ]);
    expect(reasons(attendanceRow(1, attendance(), { ...known, cancelled: true }, pupils, TODAY))).toEqual([
      'calendarEvent.id: the calendar event is cancelled',
    ]);
    const excepted = { ...known, exceptions: [{ student: 'person-1', participates: false }] };
    expect(reasons(attendanceRow(1, attendance(), excepted, pupils, TODAY))).toEqual([
      'student.id: the pupil does not take part in this calendar event (studentExceptions)',
    ]);
    expect(
      reasons(attendanceRow(1, attendance({ attendanceMinutes: 40, invalidAbsenceMinutes: 20 }), known, pupils, TODAY)),
    ).toEqual(['invalidAbsenceMinutes: attended and absent minutes together exceed the scheduled (offered) minutes']);
    expect(
      reasons(attendanceRow(1, attendance({ isReported: 'yes', student: { id: 'nobody' } }), known, pupils, TODAY)),
    ).toEqual(['student.id: no pupil with this id at your school', 'isReported: must be true or false']);
  });
});

describe('calendarEventRows', () => {
  it('one row per embedded record, named by its place; a cancelled event writes nothing', () => {
    const read = calendarEventRows(
      4,
      event({
        teachingLengthStudent: 50,
        studentExceptions: [{ student: { id: 'person-2' }, participates: false }],
        _embedded: { attendance: [attendance({ attendanceMinutes: 50 }), attendance({ attendanceMinutes: 'x' })] },
      }),
      pupils,
      TODAY,
    );
    expect(read.notTakingPart).toEqual(['pupil-2']);
    expect(read.rows).toEqual([
      { ok: true, lesson: expect.objectContaining({ attendedMinutes: 50, offeredMinutes: 50 }) },
      {
        ok: false,
        errors: [
          {
            line: 4,
            field: '_embedded.attendance[1].attendanceMinutes',
            code: expect.any(String),
            reason: 'must be whole minutes, 0–600',
          },
        ],
      },
    ]);
    const cancelled = calendarEventRows(
      4,
      event({ cancelled: true, _embedded: { attendance: [attendance()] } }),
      pupils,
      TODAY,
    );
    expect(cancelled.event?.cancelled).toBe(true);
    expect(cancelled.rows).toEqual([{ ok: true, lesson: null }]);
  });
});
