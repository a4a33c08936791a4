import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const TOKEN = 'metrics-token-for-tests-0123456789';
const IMPORT_HEADER =
  'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason';

/** A sample's value in Prometheus text (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics (Prometheus)', () => {
  describe('with METRICS_TOKEN set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ METRICS_TOKEN: TOKEN });
    });
    afterAll(() => t.close());

    it('refuses a caller without the token, or with a user access token', async () => {
      const none = await t.http.get('/metrics');
      expect(none.status).toBe(401);
      expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
      const user = await t.http.get('/metrics').set('Authorization', await bearer(t.http, 'auditor@ostersund.demo'));
      expect(user.status).toBe(401);
      const wrong = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}x`);
      expect(wrong.status).toBe(401);
    });

    it('answers request durations by route pattern and status, pool and queue gauges, with no ids or personal data', async () => {
      const coordinator = await bearer(t.http, 'elevhalsa@storsjo.demo');
      const { rows } = await t.db.query<{ id: string; personnummer: string }>(
        `SELECT c.id, s.personnummer FROM support_case c JOIN student s ON s.id = c.student_id LIMIT 1`,
      );
      const read = await t.http.get(`${API}/cases/${rows[0].id}`).set('Authorization', coordinator);
      expect(read.status).toBe(200);
      await t.http.get(`${API}/health/live`);

      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.text;
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:id",status="200"\} 1/,
      );
      expect(text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health\/live",status="200"\}/,
      );
      expect(text).toMatch(/^db_pool_connections_in_use \d+/m);
      expect(text).toMatch(/^db_pool_waiting_requests \d+/m);
      expect(text).toMatch(/# TYPE job_queue_jobs gauge/);
      expect(text).toMatch(/# TYPE attendance_import_rows_total counter/);
      expect(text).toMatch(/# TYPE sync_runs_total counter/);
      // No id, personnummer or name of anything read.
      expect(text).not.toContain(rows[0].id);
      expect(text).not.toContain(rows[0].personnummer);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    });

    it('counts attendance imports: rows of completed ones, and each import by outcome', async () => {
      const scrape = async () =>
        (await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;
      const mentor = await bearer(t.http, 'mentor@storsjo.demo');
      const { rows } = await t.db.query<{ personnummer: string }>(
        `SELECT personnummer FROM student WHERE school_id = $1 AND personnummer IS NOT NULL ORDER BY personnummer LIMIT 2`,
        [demoId('agency:storsjo')],
      );
      const post = (csv: string) =>
        t.http.post(`${API}/attendance/imports`).set('authorization', mentor).set('content-type', 'text/csv').send(csv);
      const before = await scrape();

      const ok = await post(
        [IMPORT_HEADER, ...rows.map((r, i) => `m-${i},${r.personnummer},2026-01-14,06:40,40,0,40,`)].join('\n'),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.rowsImported).toBe(2);
      const bad = await post([IMPORT_HEADER, `m-9,${rows[0].personnummer},2026-01-14,06:40,40,50,0,`].join('\n'));
      expect(bad.status).toBe(422);

      const after = await scrape();
      const moved = (series: string) => sample(after, series) - sample(before, series);
      expect(moved('attendance_import_rows_total')).toBe(2);
      expect(moved('attendance_import_duration_seconds_count{outcome="succeeded"}')).toBe(1);
      expect(moved('attendance_import_duration_seconds_count{outcome="rejected"}')).toBe(1);
      expect(moved('attendance_import_duration_seconds_count{outcome="failed"}')).toBe(0);
    });
  });

  it('is absent without METRICS_TOKEN', async () => {
    const t = await createTestApp();
    try {
      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      // Not served: the web app's fallback (or a 404 when it is not built) answers the path.
      expect(res.headers['content-type']).not.toMatch(/^text\/plain/);
      expect(res.text).not.toContain('http_request_duration_seconds');
    } finally {
      await t.close();
    }
  });
});
