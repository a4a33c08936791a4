import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const BUP_WORKER = demoId('user:bup@regionjh.demo');

describe('web app: my notifications (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const unreadInDb = async () =>
    Number(
      (
        await h.testApp.db.query(`SELECT count(*) FROM notification WHERE recipient_id = $1 AND read_at IS NULL`, [
          BUP_WORKER,
        ])
      ).rows[0].count,
    );

  it('an invited agency worker sees the new notification first, neutral, marks it read and follows it', async () => {
    // Elevhälsa invites BUP into the open demo case: the notification is written with the invitation.
    const caseId = demoId('case:53');
    const elevhalsa = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
    const invited = await h.testApp.http
      .post(`${API}/cases/${caseId}/mobilisations`)
      .set('Authorization', elevhalsa)
      .send({ agencyId: demoId('agency:bup') });
    expect(invited.status).toBe(201);
    const {
      rows: [kase],
    } = await h.testApp.db.query(
      `SELECT c.reference, s.first_name, s.last_name, s.personnummer
         FROM support_case c JOIN student s ON s.id = c.student_id WHERE c.id = $1`,
      [caseId],
    );
    const unread = await unreadInDb();
    expect(unread).toBeGreaterThan(0);

    const page = await h.newPage('/notiser');
    await logIn(page, 'bup@regionjh.demo');
    await page.waitForURL(/\/notiser$/);
    // The menu's badge says how many are unread.
    await page
      .getByTestId('unread-count')
      .filter({ hasText: String(unread) })
      .waitFor();

    const first = page.getByTestId('notification').first();
    await first.getByText(`Ny inbjudan till ärende ${kase.reference}`).waitFor();
    await first.getByText('Oläst').waitFor();
    // Never the pupil in a notification.
    const text = await page.locator('main').innerText();
    for (const secret of [kase.first_name, kase.last_name, kase.personnummer, kase.personnummer.slice(-4)])
      expect(text).not.toContain(secret);
    await screenshot(page, 'notifications');

    await first.getByRole('button', { name: `Markera som läst: Ny inbjudan till ärende ${kase.reference}` }).click();
    await first.getByText('Läst', { exact: true }).waitFor();
    expect(await unreadInDb()).toBe(unread - 1);
    // The menu's badge follows at once, on the same page: marking read invalidates the cached count.
    if (unread > 1)
      await page
        .getByTestId('unread-count')
        .filter({ hasText: String(unread - 1) })
        .waitFor({ timeout: 5000 });
    else await page.getByTestId('unread-count').waitFor({ state: 'detached', timeout: 5000 });
    const {
      rows: [read],
    } = await h.testApp.db.query(
      `SELECT read_at FROM notification WHERE recipient_id = $1 AND kind = 'mobilisation.invited' AND case_id = $2`,
      [BUP_WORKER, caseId],
    );
    expect(read.read_at).not.toBeNull();

    // The notification leads to the agency's invitations, where the new one waits for an answer.
    await first.getByRole('link', { name: `Ny inbjudan till ärende ${kase.reference}` }).click();
    await page.waitForURL(/\/inbjudningar$/);
    await page.getByText(kase.reference).first().waitFor();
    await page.context().close();
  });

  it("another agency's worker does not see it", async () => {
    const page = await h.newPage('/notiser');
    await logIn(page, 'hab@regionjh.demo');
    await page.waitForURL(/\/notiser$/);
    await page.getByRole('heading', { name: 'Notiser' }).waitFor();
    const {
      rows: [kase],
    } = await h.testApp.db.query(`SELECT reference FROM support_case WHERE id = $1`, [demoId('case:53')]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('main').innerText()).not.toContain(`Ny inbjudan till ärende ${kase.reference}`);
    await page.context().close();
  });
});
