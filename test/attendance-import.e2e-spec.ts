import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const HEADER =
  'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason';
const IMPORTS = `${API}/attendance/imports`;

/** A valid personnummer that belongs to no demo pupil. */
const nine = '100101999';
const UNKNOWN_PNR = `20${nine}${luhnCheckDigit(nine)}`;

describe('attendance imports (CSV and SS 12000)', () => {
  let t: TestApp;
  let mentor: string;
  let parkMentor: string;
  const pnr = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    mentor = await bearer(t.http, 'mentor@storsjo.demo');
    parkMentor = await bearer(t.http, 'mentor@park.demo');
    const { rows } = await t.db.query(`SELECT id, personnummer FROM student`);
    const byId = new Map(rows.map((r: { id: string; personnummer: string }) => [r.id, r.personnummer]));
    for (let n = 0; n < 300; n++) pnr.set(n, byId.get(demoId(`pupil:${n}`))!);
  });
  afterAll(() => t.close());

  const post = (body: string | Buffer | object, contentType: string, query = '', token = mentor) =>
    t.http.post(`${IMPORTS}${query}`).set('authorization', token).set('content-type', contentType).send(body);

  const lessonsOn = async (date: string) =>
    (
      await t.db.query(
        `SELECT s.external_id AS pupil, to_char(start_time, 'HH24:MI') AS start, offered_minutes, attended_minutes,
                valid_absence_minutes, invalid_absence_minutes, reason, source, a.external_id, a.updated_at
           FROM attendance_lesson a JOIN student s ON s.id = a.student_id
          WHERE lesson_date = $1 ORDER BY s.external_id, start_time`,
        [date],
      )
    ).rows;
  const lessonCount = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM attendance_lesson`)).rows[0].n as number;

  describe('CSV', () => {
    it('imports a comma-separated file, deriving attended minutes, and reports it', async () => {
      const csv = [
        HEADER,
        `c-1,${pnr.get(1)},2026-01-12,07:00,60,0,20,Kom sent`,
        `c-2,${pnr.get(2)},2026-01-12,07:00,60,60,0,"Sjuk, feber"`,
        `,${pnr.get(3)},2026-01-12,07:00,50,0,0,`,
      ].join('\n');
      const res = await post(csv, 'text/csv').expect(201);
      expect(res.body).toMatchObject({
        format: 'csv',
        mode: 'all_or_nothing',
        status: 'completed',
        rowsTotal: 3,
        rowsImported: 3,
        rowsRejected: 0,
        errors: [],
      });
      expect(res.body.finishedAt).toEqual(expect.any(String));
      expect(await lessonsOn('2026-01-12')).toMatchObject([
        {
          pupil: 'demo-1',
          start: '07:00',
          offered_minutes: 60,
          attended_minutes: 40,
          invalid_absence_minutes: 20,
          reason: 'Kom sent',
          source: 'csv',
          external_id: 'c-1',
        },
        { pupil: 'demo-2', attended_minutes: 0, valid_absence_minutes: 60, reason: 'Sjuk, feber' },
        { pupil: 'demo-3', attended_minutes: 50, reason: null, external_id: null },
      ]);
      const report = await t.http.get(`${IMPORTS}/${res.body.id}`).set('authorization', mentor).expect(200);
      expect(report.body).toEqual(res.body);
    });

    it('imports a semicolon-separated file with CRLF, a BOM, quoted fields and short personnummer forms', async () => {
      const short = (n: number) => `${pnr.get(n)!.slice(2, 8)}-${pnr.get(n)!.slice(8)}`;
      const csv =
        `\uFEFF${HEADER.replace(/,/g, ';')}\r\n` +
        `s-1;${short(4)};2026-01-13;07:00;60;10;0;"Tandläkare; akut"\r\n` +
        `s-2;${short(5)};2026-01-13;07:00;60;0;0;"Sa ""hej"""\r\n`;
      const res = await post(csv, 'text/csv; charset=utf-8').expect(201);
      expect(res.body).toMatchObject({ rowsTotal: 2, rowsImported: 2 });
      expect(await lessonsOn('2026-01-13')).toMatchObject([
        { pupil: 'demo-4', reason: 'Tandläkare; akut', valid_absence_minutes: 10 },
        { pupil: 'demo-5', reason: 'Sa "hej"' },
      ]);
    });

    it('detects a Windows-1252 file and stores å, ä, ö (and the Windows-only characters) correctly', async () => {
      const text = `${HEADER}\nw-1,${pnr.get(6)},2026-01-14,07:00,60,0,60,Ogiltig frånvaro – skolkade ÅÄÖ\n`;
      const bytes = Buffer.from(text.replace('–', '\u0096'), 'latin1');
      expect(bytes.includes(0xe5)).toBe(true);
      await post(bytes, 'text/csv').expect(201);
      expect((await lessonsOn('2026-01-14'))[0].reason).toBe('Ogiltig frånvaro – skolkade ÅÄÖ');
    });

    it('keeps the per-day figures equal to the lessons when a file of new lessons adds to a day that had some', async () => {
      const day = async () => {
        const { rows } = await t.db.query(
          `SELECT d.lessons, d.offered_minutes, d.valid_absence_minutes, d.invalid_absence_minutes,
                  (SELECT row(count(*)::smallint, sum(offered_minutes)::int, sum(valid_absence_minutes)::int,
                              sum(invalid_absence_minutes)::int)::text
                     FROM attendance_lesson a WHERE a.student_id = d.student_id AND a.lesson_date = d.day
                      AND a.reported) AS from_lessons
             FROM attendance_day d JOIN student s ON s.id = d.student_id
            WHERE s.personnummer = $1 AND d.day = '2026-02-03'`,
          [pnr.get(5)],
        );
        return rows[0];
      };
      await post([HEADER, `d-1,${pnr.get(5)},2026-02-03,06:00,40,40,0,Sjuk`].join('\n'), 'text/csv').expect(201);
      const morning = await day();
      // The second file's lessons are all new (the fast path): its sums are added to the day's row.
      await post(
        [HEADER, `d-2,${pnr.get(5)},2026-02-03,06:45,30,0,10,`, `d-3,${pnr.get(5)},2026-02-03,07:20,20,0,0,`].join(
          '\n',
        ),
        'text/csv',
      ).expect(201);
      const after = await day();
      expect(after.lessons).toBe(morning.lessons + 2);
      expect(after.offered_minutes).toBe(morning.offered_minutes + 50);
      expect(after.valid_absence_minutes).toBe(morning.valid_absence_minutes);
      expect(after.invalid_absence_minutes).toBe(morning.invalid_absence_minutes + 10);
      expect(after.from_lessons).toBe(
        `(${after.lessons},${after.offered_minutes},${after.valid_absence_minutes},${after.invalid_absence_minutes})`,
      );
    });

    it('changes nothing when the same file comes again', async () => {
      const csv = [
        HEADER,
        `i-1,${pnr.get(7)},2026-01-15,07:00,60,0,20,`,
        `i-2,${pnr.get(8)},2026-01-15,07:00,60,0,0,`,
      ].join('\n');
      await post(csv, 'text/csv').expect(201);
      const before = await lessonsOn('2026-01-15');
      const count = await lessonCount();
      const again = await post(csv, 'text/csv').expect(201);
      expect(again.body).toMatchObject({ status: 'completed', rowsImported: 2 });
      expect(await lessonsOn('2026-01-15')).toEqual(before);
      expect(await lessonCount()).toBe(count);
      // A corrected row updates the lesson in place.
      await post(csv.replace(',60,0,20,', ',60,0,30,'), 'text/csv').expect(201);
      const after = await lessonsOn('2026-01-15');
      expect(after).toHaveLength(2);
      expect(after[0]).toMatchObject({ invalid_absence_minutes: 30, attended_minutes: 30 });
      expect(after[0].updated_at.getTime()).toBeGreaterThan(before[0].updated_at.getTime());
      expect(after[1].updated_at).toEqual(before[1].updated_at);
    });

    const mixed = () =>
      [
        HEADER,
        `m-1,${pnr.get(10)},2026-01-16,07:00,60,0,20,ok`, // 2: fine
        `m-2,${pnr.get(11)!.slice(0, 11)}0,2026-01-16,07:00,60,0,0,`, // 3: bad check digit (unless it was 0)
        `m-3,${pnr.get(12)},2099-01-16,07:00,60,0,0,`, // 4: future
        `m-4,${pnr.get(13)},2026-01-16,07:00,60,40,30,`, // 5: absent > offered
        `m-5,${UNKNOWN_PNR},2026-01-16,07:00,60,0,0,`, // 6: nobody
        `m-6,${pnr.get(200)},2026-01-16,07:00,60,0,0,`, // 7: Parkskolan's pupil
        `m-7,${pnr.get(14)},2026-01-16,07:00,60,0,0,ok`, // 8: fine
        `m-8,${pnr.get(14)},2026-01-16,07:00,60,0,10,dup`, // 9: same lesson as line 8
      ].join('\n');

    it('rejects the whole file by default, with a report and nothing written', async () => {
      if (pnr.get(11)!.endsWith('0')) throw new Error('pick another pupil for the bad check digit');
      const count = await lessonCount();
      const res = await post(mixed(), 'text/csv').expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 422, importId: expect.any(String), rowsTotal: 8, rowsRejected: 6 });
      expect(res.body.errors).toEqual([
        { line: 3, field: 'personnummer', code: 'invalid-personnummer', reason: 'the check digit is wrong' },
        { line: 4, field: 'date', code: 'in-future', reason: 'is in the future' },
        {
          line: 5,
          field: 'invalid_absence_minutes',
          code: 'minutes-exceed-offered',
          reason: 'absent minutes exceed offered minutes',
        },
        {
          line: 6,
          field: 'personnummer',
          code: 'unknown-pupil',
          reason: 'no pupil with this personnummer at your school',
        },
        {
          line: 7,
          field: 'personnummer',
          code: 'unknown-pupil',
          reason: 'no pupil with this personnummer at your school',
        },
        {
          line: 9,
          field: 'row',
          code: 'duplicate-lesson',
          reason: 'the same lesson (pupil, date, start time) as line 8',
        },
      ]);
      expect(await lessonCount()).toBe(count);
      expect(await lessonsOn('2026-01-16')).toEqual([]);

      const report = await t.http.get(`${IMPORTS}/${res.body.importId}`).set('authorization', mentor).expect(200);
      expect(report.body).toMatchObject({ status: 'rejected', rowsTotal: 8, rowsImported: 0, rowsRejected: 6 });
      expect(report.body.errors).toEqual(res.body.errors);
      const { rows } = await t.db.query(`SELECT errors::text AS e FROM attendance_import WHERE id = $1`, [
        res.body.importId,
      ]);
      for (const n of [10, 11, 12, 13, 14, 200]) expect(rows[0].e).not.toContain(pnr.get(n)!.slice(0, 8));
      expect(JSON.stringify(res.body)).not.toContain(UNKNOWN_PNR);
    });

    it('with ?mode=partial writes the valid rows and reports the rest', async () => {
      const res = await post(mixed(), 'text/csv', '?mode=partial').expect(201);
      expect(res.body).toMatchObject({
        mode: 'partial',
        status: 'completed',
        rowsTotal: 8,
        rowsImported: 2,
        rowsRejected: 6,
      });
      expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 9]);
      expect(await lessonsOn('2026-01-16')).toMatchObject([
        { pupil: 'demo-10', reason: 'ok' },
        { pupil: 'demo-14', reason: 'ok', invalid_absence_minutes: 0 },
      ]);
    });

    it('answers 400 naming the header for a wrong header or delimiter, and for a bad mode; 415 for other types', async () => {
      const tabbed = `${HEADER.replace(/,/g, '\t')}\nx\t${pnr.get(1)}\t2026-01-12\t07:00\t60\t0\t0\t\n`;
      const res = await post(tabbed, 'text/csv').expect(400);
      expect(res.body.detail).toContain(HEADER);
      expect(res.body.errors).toEqual([
        { field: 'header', code: expect.any(String), message: expect.stringContaining(HEADER) },
      ]);
      await post(`personnummer,date\n${pnr.get(1)},2026-01-12\n`, 'text/csv').expect(400);
      const mode = await post(`${HEADER}\n`, 'text/csv', '?mode=sometimes').expect(400);
      expect(mode.body.errors[0].field).toBe('mode');
      const xml = await post('<data/>', 'application/xml').expect(415);
      expect(xml.body.type).toBe('/problems/unsupported-media-type');
      await post('{"data": []}', 'application/json; charset=utf-16').expect(415);
    });

    it('rejects a file that switches from UTF-8 to another encoding half-way', async () => {
      const rows = Array.from(
        { length: 700 },
        (_, i) =>
          `e-${i},${pnr.get(i % 180)},2026-01-19,07:${String(Math.floor(i / 180) * 10).padStart(2, '0')},60,0,0,${'x'.repeat(100)}\n`,
      );
      const start = `${HEADER}\n${rows.join('')}`;
      const body = Buffer.concat([
        Buffer.from(start),
        Buffer.from(`e-2,${pnr.get(16)},2026-01-19,08:00,60,0,0,fr\xe5nvaro\n`, 'latin1'),
      ]);
      const res = await post(body, 'text/csv').expect(422);
      expect(res.body.errors.at(-1)).toMatchObject({ field: 'encoding', reason: expect.stringContaining('UTF-8') });
      expect(await lessonsOn('2026-01-19')).toEqual([]);
    });

    it("reports another school's pupil exactly like an unknown one, to that school too", async () => {
      const csv = `${HEADER}\np-1,${pnr.get(1)},2026-01-20,07:00,60,0,0,\n`;
      const res = await post(csv, 'text/csv', '', parkMentor).expect(422);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          field: 'personnummer',
          code: 'unknown-pupil',
          reason: 'no pupil with this personnummer at your school',
        },
      ]);
      // … and the Storsjö import is invisible to Parkskolan.
      await t.http.get(`${IMPORTS}/${res.body.importId}`).set('authorization', mentor).expect(404);
    });
  });

  describe('SS 12000 JSON', () => {
    const META = { created: '2026-01-21T07:00:00+01:00', modified: '2026-01-21T07:00:00+01:00' };
    /** A /calendarEvents?expand=attendance element: a one-hour lesson with one pupil's attendance. */
    const record = (id: string, pupil: number, start: string, minutes: Record<string, unknown> = {}) => ({
      id: `event-${id}`,
      meta: META,
      activity: { id: 'activity-1' },
      startTime: `${start}:00+01:00`,
      endTime: `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}${start.slice(13)}:00+01:00`,
      _embedded: {
        attendance: [
          {
            id,
            meta: META,
            calendarEvent: { id: `event-${id}` },
            student: { id: `demo-${pupil}` },
            isReported: true,
            attendanceMinutes: 60,
            validAbsenceMinutes: 0,
            invalidAbsenceMinutes: 0,
            ...minutes,
          },
        ],
      },
    });

    it("imports attendance objects matched by the pupil's externalId, and updates them by the same ids", async () => {
      const body = {
        data: [
          record('ss-1', 20, '2026-01-21T07:00', {
            attendanceMinutes: 30,
            invalidAbsenceMinutes: 30,
            absenceReason: 'Försov sig',
          }),
          record('ss-2', 21, '2026-01-21T07:00'),
        ],
      };
      const res = await post(JSON.stringify(body, null, 2), 'application/json').expect(201);
      expect(res.body).toMatchObject({ format: 'ss12000', status: 'completed', rowsTotal: 2, rowsImported: 2 });
      expect(await lessonsOn('2026-01-21')).toMatchObject([
        {
          pupil: 'demo-20',
          start: '07:00',
          offered_minutes: 60,
          attended_minutes: 30,
          invalid_absence_minutes: 30,
          reason: 'Försov sig',
          source: 'ss12000',
          external_id: 'ss-1',
        },
        { pupil: 'demo-21', attended_minutes: 60, external_id: 'ss-2' },
      ]);
      const count = await lessonCount();
      Object.assign(body.data[0]._embedded.attendance[0], { attendanceMinutes: 60, invalidAbsenceMinutes: 0 });
      await post(body, 'application/json').expect(201);
      expect(await lessonCount()).toBe(count);
      expect((await lessonsOn('2026-01-21'))[0]).toMatchObject({ attended_minutes: 60, invalid_absence_minutes: 0 });
    });

    it('reports rows by the line their object starts on', async () => {
      const body = JSON.stringify(
        { data: [record('ss-3', 22, '2026-01-22T07:00'), record('ss-4', 250, '2026-01-22T07:00')] },
        null,
        2,
      );
      const res = await post(body, 'application/json', '?mode=partial').expect(201);
      const line = body.split('\n').findIndex((l) => l.includes('"event-ss-4"'));
      expect(res.body.errors).toEqual([
        {
          line,
          field: '_embedded.attendance[0].student.id',
          code: 'unknown-pupil',
          reason: 'no pupil with this id at your school',
        },
      ]);
      expect(res.body).toMatchObject({ rowsImported: 1, rowsRejected: 1 });
    });

    it('rejects a truncated file and writes nothing, even in partial mode', async () => {
      const body = JSON.stringify({
        data: [record('ss-5', 23, '2026-01-23T07:00'), record('ss-6', 24, '2026-01-23T07:00')],
      });
      for (const query of ['', '?mode=partial']) {
        const res = await post(body.slice(0, body.length - 30), 'application/json', query).expect(422);
        expect(res.body.errors.at(-1)).toMatchObject({ field: 'file', reason: expect.stringContaining('truncated') });
        const report = await t.http.get(`${IMPORTS}/${res.body.importId}`).set('authorization', mentor).expect(200);
        expect(report.body.status).toBe('rejected');
      }
      expect(await lessonsOn('2026-01-23')).toEqual([]);
    });

    it('refuses a body that is not {"data": [...]}', async () => {
      const res = await post('[1, 2]', 'application/json').expect(422);
      expect(res.body.errors[0]).toMatchObject({ line: 1, field: 'file' });
    });
  });

  it('updates the per-day aggregate the absence figures read', async () => {
    const pupil = demoId('pupil:30');
    const csv = [
      HEADER,
      `a-1,${pnr.get(30)},2026-01-26,07:00,60,0,45,`,
      `a-2,${pnr.get(30)},2026-01-26,08:00,40,10,0,`,
    ].join('\n');
    await post(csv, 'text/csv').expect(201);
    const res = await t.http
      .get(`${API}/students/${pupil}/absence?from=2026-01-26&to=2026-01-26`)
      .set('authorization', mentor)
      .expect(200);
    expect(res.body).toMatchObject({ offeredMinutes: 100, validAbsenceMinutes: 10, invalidAbsenceMinutes: 45 });
  });

  it('logs the import in the access log', async () => {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE action = 'attendance.import' AND subject_type = 'attendance_import'`,
    );
    expect(rows[0].n).toBeGreaterThan(5);
  });

  describe('interrupted imports leave nothing behind', () => {
    let port: number;
    beforeAll(async () => {
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    /** Rows for Storsjö's pupils on many (past) days: about `rows` × 60 bytes. */
    function* bigCsv(rows: number): Generator<string> {
      yield `${HEADER}\n`;
      let batch = '';
      for (let i = 0; i < rows; i++) {
        const k = Math.floor(i / 180);
        const slot = k % 40;
        const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(k / 40))).toISOString().slice(0, 10);
        const time = `${String(6 + Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`;
        batch += `b-${i},${pnr.get(i % 180)},${day},${time},45,0,5,\n`;
        if (batch.length > 64 * 1024) {
          yield batch;
          batch = '';
        }
      }
      yield batch;
    }

    /** Streams a big CSV; `midway` runs once a few MB are sent (the upload is then still going). */
    function upload(midway: (req: ReturnType<typeof httpRequest>) => Promise<void>) {
      return new Promise<{ status?: number; body: string; error?: Error }>((resolve) => {
        const req = httpRequest({
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: IMPORTS,
          headers: { authorization: mentor, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode, body }));
          res.on('error', (error) => resolve({ status: res.statusCode, body, error }));
        });
        req.on('error', (error) => resolve({ body: '', error }));
        (async () => {
          let sent = 0;
          let triggered = false;
          for (const chunk of bigCsv(400_000)) {
            if (req.destroyed) return;
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
            sent += chunk.length;
            if (!triggered && sent > 3_000_000) {
              triggered = true;
              await midway(req);
            }
          }
          req.end();
        })().catch(() => undefined);
      });
    }

    async function latestImport() {
      const { rows } = await t.db.query(
        `SELECT status, rows_imported FROM attendance_import ORDER BY started_at DESC LIMIT 1`,
      );
      return rows[0];
    }

    async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
      const until = Date.now() + ms;
      for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > until) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it('a terminated database connection mid-COPY: rolled back, status failed, the app still serves', async () => {
      const count = await lessonCount();
      const result = await upload(async () => {
        const pid = await waitFor(async () => {
          const { rows } = await t.db.query(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY attendance_import_staging%'`,
          );
          return rows[0]?.pid as number | undefined;
        });
        await t.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
      });
      if (result.status !== undefined) expect(result.status).toBe(503);
      await waitFor(async () => ((await latestImport()).status === 'failed' ? true : undefined));
      expect(await lessonCount()).toBe(count);
      await t.http.get(`${API}/auth/me`).set('authorization', mentor).expect(200);
      await post(`${HEADER}\nz-1,${pnr.get(40)},2026-01-27,07:00,60,0,0,\n`, 'text/csv').expect(201);
    });

    it('a server that died mid-import: its import reads failed once its database session is gone', async () => {
      // Two imports left `running` by a dead server: one whose session is gone (a pid with another
      // start time), one whose session still runs (this test's own connection, as the app's role:
      // PostgreSQL shows a session's start time only to its own role).
      const client = new Client({ connectionString: t.appUrl });
      await client.connect();
      try {
        const [own] = (
          await client.query(
            `SELECT pid, backend_start::text AS started FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
          )
        ).rows;
        // Raw on purpose: a running import owned by this very connection's backend (pid, start) is the subject.
        const insert = (pid: number, started: string) =>
          client.query(
            `INSERT INTO attendance_import (organisation_id, school_id, created_by, format, mode, status, backend_pid, backend_started_at)
             SELECT organisation_id, id, $1, 'csv', 'all_or_nothing', 'running', $2, $3::timestamptz FROM agency WHERE id = $4
             RETURNING id`,
            [demoId('user:mentor@storsjo.demo'), pid, started, demoId('agency:storsjo')],
          );
        const gone = (await insert(own.pid, '2020-01-01T00:00:00Z')).rows[0].id;
        const alive = (await insert(own.pid, own.started)).rows[0].id;
        const read = async (id: string) =>
          (await t.http.get(`${IMPORTS}/${id}`).set('authorization', mentor).expect(200)).body;
        expect(await read(gone)).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
        expect(await read(alive)).toMatchObject({ status: 'running', finishedAt: null });
        // Another school's staff still may not know the import exists.
        await t.http.get(`${IMPORTS}/${gone}`).set('authorization', parkMentor).expect(404);
      } finally {
        await client.end();
      }
    });

    it('a client that disconnects mid-upload: rolled back, status failed', async () => {
      const count = await lessonCount();
      const result = await upload(async (req) => {
        await new Promise((r) => setTimeout(r, 100));
        req.destroy();
      });
      expect(result.status).toBeUndefined();
      await waitFor(async () => ((await latestImport()).status === 'failed' ? true : undefined));
      expect(await lessonCount()).toBe(count);
      await t.http.get(`${API}/auth/me`).set('authorization', mentor).expect(200);
    });
  });
});
