import { readdirSync } from 'node:fs';
import { readFixture, SS12000_FIXTURES, ss12000Problems, ss12000Spec } from './support/ss12000-spec';

/** Each fixture page and the response schema of the SS 12000 endpoint it stands for. */
const PAGES: Record<string, string> = {
  'calendar-events-expanded.json': 'CalendarEvents',
  'calendar-events-moved.json': 'CalendarEvents',
  'attendances.json': 'Attendances',
};

describe('SS 12000 fixtures conform to the official v2.1.0 specification', () => {
  it('is the published spec, version 2.1.0', () => {
    expect(ss12000Spec().info.version).toBe('2.1.0');
  });

  it('names every fixture page with its schema', () => {
    const files = readdirSync(SS12000_FIXTURES).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(PAGES).sort());
  });

  it.each(Object.entries(PAGES))('%s is a valid %s page', (file, schema) => {
    expect(ss12000Problems(schema, readFixture(file))).toEqual([]);
  });

  it('catches what the standard does not allow', () => {
    const page = readFixture('attendances.json') as { data: Record<string, unknown>[] };
    const [first] = page.data;
    const broken = {
      data: [
        { ...first, isReported: 'yes' },
        { ...first, calendarEvent: { startTime: '2026-02-09T08:10:00+01:00' } },
        { ...first, attendanceMinute: 5 },
        { ...first, id: 'not-a-uuid' },
      ],
    };
    expect(ss12000Problems('Attendances', broken)).toEqual([
      '/data/0/isReported must be boolean',
      "/data/1/calendarEvent must have required property 'id'",
      '/data/3/id must match format "uuid"',
      '/data/1/calendarEvent/startTime is not in the schema',
      '/data/2/attendanceMinute is not in the schema',
    ]);
  });
});
