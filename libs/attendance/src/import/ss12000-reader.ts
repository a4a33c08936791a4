import type { BodyReader } from './body-reader';
import type { PupilIndex, RowChecker, RowResult } from './import-rows';
import { DataArrayScanner } from './json-scanner';
import type { LessonRemoval } from './ss12000.repository';
import { attendanceRow, CalendarEventTimes, calendarEventRows, isCalendarEvent } from './ss12000.rules';
import { ImportEncoding, ImportTextDecoder } from './text-decoder';

/** /attendances elements wait for one look-up of their calendar events per this many. */
const ATTENDANCE_BATCH = 500;
const EVENT_CACHE_LIMIT = 50_000;

/**
 * What an SS 12000 file says besides its lessons, applied after the COPY: the calendar events
 * (the last description of each wins) and the lessons to remove (cancelled events, pupils who no
 * longer take part). About one event per 25 lessons, so memory stays small next to the file.
 */
export class Ss12000Changes {
  events = new Map<string, CalendarEventTimes>();
  removals: LessonRemoval[] = [];
}

/**
 * `{"data": [...]}` of SS 12000 objects: calendar events (`/calendarEvents?expand=attendance`)
 * and attendance records (`/attendances`), told apart element by element. Attendance records
 * are read in batches, each with one look-up of the calendar events it refers to.
 */
export async function readSs12000(
  reader: BodyReader,
  encoding: ImportEncoding | 'detect',
  eventsByIds: (ids: string[]) => Promise<Map<string, CalendarEventTimes>>,
  pupils: PupilIndex,
  checker: RowChecker,
  take: (result: RowResult) => Promise<void> | undefined,
  changes: Ss12000Changes,
): Promise<void> {
  const known = new Map<string, CalendarEventTimes | undefined>();
  let waiting: { line: number; value: unknown }[] = [];
  const eventOf = (value: unknown) => {
    const id = (value as { calendarEvent?: { id?: unknown } } | null)?.calendarEvent?.id;
    return typeof id === 'string' ? id.trim() : '';
  };
  const readWaiting = async () => {
    const ids = [...new Set(waiting.map((w) => eventOf(w.value)))].filter(
      (id) => id && !changes.events.has(id) && !known.has(id),
    );
    if (known.size + ids.length > EVENT_CACHE_LIMIT) known.clear();
    const found = await eventsByIds(ids);
    for (const id of ids) known.set(id, found.get(id));
    for (const { line, value } of waiting) {
      const id = eventOf(value);
      await take(attendanceRow(line, value, changes.events.get(id) ?? known.get(id), pupils, checker));
    }
    waiting = [];
  };
  const scanner = new DataArrayScanner();
  const decoder = new ImportTextDecoder(encoding, () => scanner.currentLine);
  const handle = async (text: string) => {
    for (const element of scanner.push(text)) {
      if ('error' in element) {
        await take({
          ok: false,
          errors: [{ line: element.line, field: 'row', code: 'invalid-json', reason: element.error }],
        });
      } else if (isCalendarEvent(element.value)) {
        const read = calendarEventRows(element.line, element.value, pupils, checker);
        if (read.event) {
          changes.events.set(read.event.id, read.event);
          if (read.event.cancelled) changes.removals.push({ event: read.event.id, student: null });
          for (const student of read.notTakingPart) changes.removals.push({ event: read.event.id, student });
        }
        for (const row of read.rows) await take(row);
      } else {
        waiting.push(element);
        if (waiting.length >= ATTENDANCE_BATCH) await readWaiting();
      }
    }
  };
  for (let chunk = await reader.next(); chunk; chunk = await reader.next()) await handle(decoder.decode(chunk));
  await handle(decoder.end());
  scanner.end();
  await readWaiting();
}
