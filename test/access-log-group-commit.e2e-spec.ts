import { randomUUID } from 'node:crypto';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Reads outside a transaction are logged by group commit (libs/access/src/group-commit.ts):
 * concurrent reads share one INSERT. Every answered read must still have its own row, committed
 * before the answer, and every refused one its denial.
 */
describe('access log under concurrent reads', () => {
  let t: TestApp;
  let caseId: string;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await bearer(t.http, 'elevhalsa@storsjo.demo');
    const cases = await t.http.get(`${API}/cases?limit=1`).set('authorization', coordinator).expect(200);
    caseId = cases.body.items[0].id;
  });
  afterAll(() => t.close());

  const rowsFor = async (requestIds: string[]) =>
    (
      await t.db.query<{ request_id: string; action: string; outcome: string; subject_ids: string[] }>(
        `SELECT request_id, action, outcome, subject_ids FROM access_log WHERE request_id = ANY($1::text[])`,
        [requestIds],
      )
    ).rows;

  it('logs each of 40 concurrent case reads once, before answering it', async () => {
    const requestIds = Array.from({ length: 40 }, () => randomUUID());
    const answers = await Promise.all(
      requestIds.map(async (id) => {
        const res = await t.http
          .get(`${API}/cases/${caseId}`)
          .set('authorization', coordinator)
          .set('x-request-id', id);
        // The row is there as soon as the answer is: it was committed before the answer was sent.
        const logged = await rowsFor([id]);
        return { status: res.status, logged };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(requestIds.map(() => 200));
    for (const a of answers)
      expect(a.logged).toEqual([expect.objectContaining({ action: 'case.read', outcome: 'allowed' })]);
    const rows = await rowsFor(requestIds);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.request_id))).toEqual(new Set(requestIds));
    expect(rows.every((r) => r.subject_ids.length === 1 && r.subject_ids[0] === caseId)).toBe(true);
  });

  it('refuses elevhälsa of another school 404 on every concurrent read, and logs each denial', async () => {
    const otherSchool = await bearer(t.http, 'elevhalsa@park.demo');
    const requestIds = Array.from({ length: 20 }, () => randomUUID());
    const statuses = await Promise.all(
      requestIds.map(
        async (id) =>
          (await t.http.get(`${API}/cases/${caseId}`).set('authorization', otherSchool).set('x-request-id', id)).status,
      ),
    );
    expect(statuses).toEqual(requestIds.map(() => 404));
    const rows = await rowsFor(requestIds);
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.action === 'case.read' && r.outcome === 'denied')).toBe(true);
  });
});
