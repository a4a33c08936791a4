import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/bootstrap';
import { APP_CONFIG, AppConfig, loadConfig } from '@app/config';
import { demoEmail, demoId } from '@app/demo';
import { backoffSeconds, MAIL_LEASE_SECONDS, MailWorker } from '@app/notifications';
import { Given, givenFor } from './support/given';
import { SmtpTestServer } from './support/smtp-test-server';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const HAB = demoId('agency:hab');
const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');
const BASE_URL = 'https://narvaro.test';

const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);
/** A time the worker computed from its flush's `now` plus the moments the flush took so far. */
const expectAbout = (actual: Date, expected: Date) => {
  expect(actual.getTime()).toBeGreaterThanOrEqual(expected.getTime());
  expect(actual.getTime()).toBeLessThan(expected.getTime() + 5_000);
};

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  message_id: string;
  recipient: string;
}

describe('mail: the transactional outbox and its worker, against a real SMTP server', () => {
  const smtp = new SmtpTestServer();
  let t: TestApp;
  let worker: MailWorker;
  let elevhalsa: string;
  let pupils: string[];
  let given: Given;
  let refs = 0;

  /** Invites an agency into a fresh case: one notification, and one mail, per agency worker. */
  async function invite(agencyId: string) {
    const reference = `NT-MAIL-${++refs}`;
    const caseId = await given.case(pupils.shift()!, { reference });
    await t.http
      .post(`${API}/cases/${caseId}/mobilisations`)
      .set('authorization', elevhalsa)
      .send({ agencyId })
      .expect(201);
    const { rows } = await t.db.query(
      `SELECT o.* FROM mail_outbox o JOIN notification n ON n.id = o.notification_id WHERE n.case_id = $1`,
      [caseId],
    );
    expect(rows).toHaveLength(1);
    return { caseId, reference, mail: rows[0] as OutboxRow };
  }

  const outbox = async (id: string) =>
    (await t.db.query(`SELECT * FROM mail_outbox WHERE id = $1`, [id])).rows[0] as OutboxRow;

  beforeAll(async () => {
    await smtp.start(0);
    t = await createTestApp({ SMTP_URL: smtp.url, APP_BASE_URL: BASE_URL, MAIL_FROM: 'noreply@narvaro.test' });
    given = givenFor(t.db);
    worker = t.app.get(MailWorker);
    elevhalsa = await bearer(t.http, 'elevhalsa@storsjo.demo');
    pupils = await given.pupilIds(10);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('writes the mail with the notification and delivers it: a neutral text and a link, nothing about the case', async () => {
    const { reference, caseId, mail } = await invite(SOC);
    expect(mail).toMatchObject({ status: 'pending', attempts: 0, recipient: demoEmail('soc@ostersund.demo') });
    const { rows: pupil } = await t.db.query(
      `SELECT s.first_name, s.last_name, s.personnummer FROM support_case c JOIN student s ON s.id = c.student_id WHERE c.id = $1`,
      [caseId],
    );

    // A millisecond on: the row's time comes from PostgreSQL, to the microsecond.
    expect(await worker.flush(later(new Date(), 1))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received).toMatchObject({
      messageId: mail.message_id,
      from: 'noreply@narvaro.test',
      to: ['soc.ostersund@demo.narvaroteam.se'],
      subject: 'Nytt i Närvaroteam',
    });
    expect(received.text).toContain('Det finns något nytt för dig i Närvaroteam.');
    expect(received.text).toContain(`${BASE_URL}/notiser`);
    for (const secret of [reference, caseId, pupil[0].first_name, pupil[0].last_name, pupil[0].personnummer]) {
      expect(received.text).not.toContain(secret);
      expect(received.subject).not.toContain(secret);
    }
    expect(await outbox(mail.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    // Nothing left to send.
    expect(await worker.flush()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps mail while the server is down, backs off, and delivers it once the server is back', async () => {
    smtp.received.length = 0;
    await smtp.stop();
    const { mail } = await invite(BUP);
    const now = new Date();

    expect(await worker.flush(now)).toEqual({ sent: 0, failed: 1 });
    let row = await outbox(mail.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/^E[A-Z]+/);
    // The back-off counts from the failed attempt (a moment after `now`: the flush's own time).
    expectAbout(row.next_attempt_at, later(now, backoffSeconds(1)));
    // Not before its back-off is over.
    expect(await worker.flush(later(now, backoffSeconds(1) - 1))).toEqual({ sent: 0, failed: 0 });
    // Down a second time: twice as long to wait.
    const second = later(now, backoffSeconds(1) + 1);
    expect(await worker.flush(second)).toEqual({ sent: 0, failed: 1 });
    row = await outbox(mail.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expectAbout(row.next_attempt_at, later(second, backoffSeconds(2)));
    expect(backoffSeconds(2)).toBe(2 * backoffSeconds(1));

    await smtp.start();
    expect(await worker.flush(later(second, backoffSeconds(2) + 1))).toEqual({ sent: 1, failed: 0 });
    expect(await outbox(mail.id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail.message_id]);
  });

  it('after a crash between send and mark, never sends the mail a second time', async () => {
    smtp.received.length = 0;
    const { mail } = await invite(HAB);
    const now = new Date();
    // The worker "dies" right after the server accepted the message: the mark never happens.
    const markSent = jest
      .spyOn(worker as unknown as { markSent: () => Promise<void> }, 'markSent')
      .mockRejectedValueOnce(new Error('worker died'));
    await expect(worker.flush(now)).rejects.toThrow('worker died');
    markSent.mockRestore();
    expect(smtp.received).toHaveLength(1);
    expect(await outbox(mail.id)).toMatchObject({ status: 'sending', attempts: 1 });

    // While the lease holds, no other worker touches it.
    expect(await worker.flush(later(now, MAIL_LEASE_SECONDS - 1))).toEqual({ sent: 0, failed: 0 });
    // After the lease, other workers find it: it may have been delivered, so it is not sent again.
    const [a, b] = await Promise.all([
      worker.flush(later(now, MAIL_LEASE_SECONDS + 1)),
      worker.flush(later(now, MAIL_LEASE_SECONDS + 2)),
    ]);
    expect([a, b]).toEqual([
      { sent: 0, failed: 0 },
      { sent: 0, failed: 0 },
    ]);
    expect(await worker.flush(later(now, 86_400))).toEqual({ sent: 0, failed: 0 });
    expect(await outbox(mail.id)).toMatchObject({
      status: 'unconfirmed',
      attempts: 1,
      last_error: 'worker stopped during send',
    });
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail.message_id]);
    // The notification itself is still in the inbox.
    const { rows } = await t.db.query(
      `SELECT n.read_at FROM notification n JOIN mail_outbox o ON o.notification_id = n.id WHERE o.id = $1`,
      [mail.id],
    );
    expect(rows).toEqual([{ read_at: null }]);
  });

  it('after a crash between claim and send, sends the mail once when the lease ends', async () => {
    smtp.received.length = 0;
    const { mail } = await invite(SOC);
    const now = later(new Date(), 1);
    // The worker "dies" after its claim was committed, before it handed the mail to the server.
    const startSending = jest
      .spyOn(worker as unknown as { startSending: () => Promise<boolean> }, 'startSending')
      .mockRejectedValueOnce(new Error('worker died'));
    await expect(worker.flush(now)).rejects.toThrow('worker died');
    startSending.mockRestore();
    expect(smtp.received).toHaveLength(0);
    expect(await outbox(mail.id)).toMatchObject({ status: 'claimed', attempts: 1 });

    expect(await worker.flush(later(now, MAIL_LEASE_SECONDS - 1))).toEqual({ sent: 0, failed: 0 });
    expect(await worker.flush(later(now, MAIL_LEASE_SECONDS + 1))).toEqual({ sent: 1, failed: 0 });
    expect(await outbox(mail.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail.message_id]);
  });

  it('a worker whose claim ran out and was taken over sends nothing for that row', async () => {
    smtp.received.length = 0;
    const { mail } = await invite(BUP);
    const now = later(new Date(), 1);
    // A slow worker claims the row, then stalls past its lease; a second worker claims it meanwhile.
    const slow = new MailWorker(t.app.get(DataSource), t.app.get<AppConfig>(APP_CONFIG), { now: () => now });
    let resume!: () => void;
    const stalled = new Promise<void>((r) => (resume = r));
    const realStart = (slow as unknown as { startSending: (...a: unknown[]) => Promise<boolean> }).startSending.bind(
      slow,
    );
    jest
      .spyOn(slow as unknown as { startSending: (...a: unknown[]) => Promise<boolean> }, 'startSending')
      .mockImplementationOnce(async (...args) => {
        await stalled;
        return realStart(...args);
      });
    const slowRun = slow.flush(now);
    await new Promise((r) => setTimeout(r, 200));
    expect(await outbox(mail.id)).toMatchObject({ status: 'claimed', attempts: 1 });
    expect(await worker.flush(later(now, MAIL_LEASE_SECONDS + 1))).toEqual({ sent: 1, failed: 0 });
    resume();
    expect(await slowRun).toEqual({ sent: 0, failed: 0 });
    expect(await outbox(mail.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail.message_id]);
  });

  it('marks a permanent refusal (5xx) failed instead of retrying it', async () => {
    smtp.unknownMailboxes.add(demoEmail('hab@regionjh.demo'));
    const { mail } = await invite(HAB);
    const now = later(new Date(), 1);
    expect(await worker.flush(now)).toEqual({ sent: 0, failed: 1 });
    expect(await outbox(mail.id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'EENVELOPE 550' });
    expect(await worker.flush(later(now, 86_400))).toEqual({ sent: 0, failed: 0 });
    smtp.unknownMailboxes.clear();
  });

  it('retries a server that refuses every connection (5xx at the greeting) instead of failing the mail', async () => {
    smtp.received.length = 0;
    smtp.refuseConnections = true;
    const { mail } = await invite(SOC);
    const now = later(new Date(), 1);
    expect(await worker.flush(now)).toEqual({ sent: 0, failed: 1 });
    const row = await outbox(mail.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/554/);
    smtp.refuseConnections = false;
    expect(await worker.flush(later(now, backoffSeconds(1) + 1))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.messageId)).toEqual([mail.message_id]);
  });

  it('two workers flushing at once send each row exactly once (claims with SKIP LOCKED)', async () => {
    smtp.received.length = 0;
    await t.db.query(`UPDATE mail_outbox SET status = 'failed' WHERE status <> 'sent'`);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const notificationId = await given.notification(ELEVHALSA, { dedupeKey: `concurrent:${i}` });
      ids.push(
        await given.mail(notificationId, {
          recipient: 'eva@narvaro.test',
          messageId: `<concurrent-${i}@narvaro.test>`,
        }),
      );
    }
    const other = new MailWorker(t.app.get(DataSource), t.app.get<AppConfig>(APP_CONFIG), { now: () => new Date() });
    const [a, b, c] = await Promise.all([worker.flush(), other.flush(), other.flush()]);
    expect(a.sent + b.sent + c.sent).toBe(30);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual([...ids].sort());
  });
});

describe('pg-boss jobs: two API instances on one database', () => {
  const smtp = new SmtpTestServer();
  let t: TestApp;
  let second: NestFastifyApplication;

  beforeAll(async () => {
    await smtp.start(0);
    const env = { JOBS_ENABLED: 'true', SMTP_URL: smtp.url };
    t = await createTestApp(env);
    const url = (t.app.get(DataSource).options as { url: string }).url;
    second = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        JWT_SECRET: 'test-secret-test-secret-test-secret-42',
        DATABASE_URL: url,
        ...env,
      }),
      url,
    );
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    await smtp.stop();
  });

  /** Polls the database until `check` holds (jobs run on pg-boss's own schedule). */
  async function eventually(check: () => Promise<boolean>, seconds = 30): Promise<void> {
    const until = Date.now() + seconds * 1000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('timed out waiting for the jobs');
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('runs the reminder sweep at start, and sends each new mail once, soon after the change commits', async () => {
    await eventually(
      async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notifications.sweep' AND state = 'completed'`,
          )
        ).rows[0].n > 0,
    );
    const elevhalsa = await bearer(t.http, 'elevhalsa@storsjo.demo');
    const given = givenFor(t.db);
    const caseId = await given.case(await given.pupil(), { reference: 'NT-JOBS-1' });
    await t.http
      .post(`${API}/cases/${caseId}/mobilisations`)
      .set('authorization', elevhalsa)
      .send({ agencyId: SOC })
      .expect(201);
    const { rows } = await t.db.query(
      `SELECT o.message_id FROM mail_outbox o JOIN notification n ON n.id = o.notification_id WHERE n.case_id = $1`,
      [caseId],
    );
    // The invitation's mail is nudged through pg-boss, not left for the minute's cron.
    await eventually(async () => smtp.received.some((m) => m.messageId === rows[0].message_id), 20);

    // Everything written so far (the sweep's reminders from the demo data too) ends up sent, each once.
    await eventually(
      async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'`)).rows[0].n === 0,
    );
    const { rows: all } = await t.db.query(`SELECT message_id FROM mail_outbox`);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(all.map((r) => r.message_id).sort());
  });
});
