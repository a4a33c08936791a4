import type { Page } from 'playwright-core';
import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';
import { Given, givenFor } from '../support/given';

/**
 * Issue 19: screens that tell the truth. Each test failed before its fix. Times are checked with
 * the browser in UTC as well as in Swedish time.
 */
const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const ENGLISH = /must|should|is not|invalid|required|allowed/i;

describe('screens that tell the truth (browser)', () => {
  let h: BrowserHarness;
  let given: Given;
  let pupils: string[];
  beforeAll(async () => {
    h = await startBrowserHarness();
    given = givenFor(h.testApp.db);
    pupils = await given.pupilIds(6);
  });
  afterAll(async () => {
    await h?.close();
  });

  const api = async (user: string) => {
    const token = await bearer(h.testApp.http, user);
    return {
      get: (path: string) => h.testApp.http.get(`${API}${path}`).set('authorization', token),
      post: (path: string, body: object) => h.testApp.http.post(`${API}${path}`).set('authorization', token).send(body),
    };
  };

  /** The field's error: aria-invalid on the input and its linked message, in Swedish. */
  async function fieldError(page: Page, label: string): Promise<string> {
    // Waits for the server's answer: the input becomes aria-invalid.
    const input = page.getByLabel(label).and(page.locator('[aria-invalid="true"]')).first();
    await input.waitFor();
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    return texts.join(' ');
  }

  it('login: a missing field is named at the field, in Swedish', async () => {
    const page = await h.newPage('/logga-in');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const username = await fieldError(page, 'Användarnamn');
    expect(username).toContain('Fältet måste fyllas i.');
    expect(await page.locator('main').innerText()).not.toMatch(ENGLISH);
    await expect(page.title()).resolves.toBe('Logga in – Närvaroteam');
  });

  it('watch list: names the case (elevhälsa), says there is one (mentor), explains the column', async () => {
    const elevhalsa = await api('elevhalsa@storsjo.demo');
    const list = await elevhalsa.get(`/schools/${STORSJO}/watchlist?limit=500`).expect(200);
    const pupil = list.body.items.find(
      (i: { hasOpenCase: boolean; openFlag: boolean }) => !i.hasOpenCase && !i.openFlag,
    );
    const opened = await elevhalsa.post('/cases', { studentId: pupil.studentId }).expect(201);

    const page = await h.newPage('/bevakning');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.getByText(/Kolumnen Läge visar/).waitFor();
    const row = page.getByRole('row').filter({ hasText: `${pupil.firstName} ${pupil.lastName}` });
    const link = row.getByRole('link', { name: `Ärende ${opened.body.reference} (Öppet)` });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`/arenden/${opened.body.id}`);
    await expect(row.innerText()).resolves.not.toContain('Anmäld till elevhälsan');

    const mentorPage = await h.newPage('/bevakning');
    await logIn(mentorPage, 'mentor@storsjo.demo');
    const mentorRow = mentorPage.getByRole('row').filter({ hasText: `${pupil.firstName} ${pupil.lastName}` });
    await mentorRow.getByText('Har ett öppet ärende').waitFor();
    await expect(mentorRow.innerText()).resolves.not.toContain(opened.body.reference);
  });

  it('watch list at 390 px: reasons under the name, no sideways scroll', async () => {
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto('/bevakning');
    await logIn(page, 'mentor@storsjo.demo');
    const table = page.getByTestId('watchlist');
    await table.waitFor();
    await page.getByTestId('watchlist-reasons-small').first().getByRole('listitem').first().waitFor();
    const [scroll, client] = (await page.evaluate(
      `(() => { const t = document.querySelector('[data-testid="watchlist"]'); const box = t.parentElement; return [Math.max(box.scrollWidth, t.scrollWidth), document.documentElement.clientWidth]; })()`,
    )) as [number, number];
    await screenshot(page, 'watchlist-390');
    expect(scroll).toBeLessThanOrEqual(client);
    await context.close();
  });

  it('flag: a second flag shows the waiting one and adds the text to it as a note', async () => {
    const mentor = await api('mentor@storsjo.demo');
    const pupil = pupils[0];
    const first = await mentor.post(`/students/${pupil}/flags`, { text: 'Borta varje måndag.' }).expect(201);
    const page = await h.newPage(`/elever/${pupil}`);
    await logIn(page, 'mentor@storsjo.demo');
    await page.getByLabel('Vad ser du, och vad har du provat?').fill('Kom sent tre dagar i rad.');
    await page.getByRole('button', { name: 'Skicka anmälan till elevhälsan' }).click();
    const existing = page.getByTestId('existing-flag');
    await existing.getByText('Borta varje måndag.').waitFor();
    await existing.getByText(/Eleven är redan anmäld till elevhälsan/).waitFor();
    await existing.getByRole('button', { name: 'Lägg till min text i anmälan' }).click();
    await existing.getByText('Din text är tillagd i anmälan.', { exact: false }).waitFor();
    const flag = await mentor.get(`/flags/${first.body.id}`).expect(200);
    expect(flag.body.notes).toEqual([expect.objectContaining({ text: 'Kom sent tre dagar i rad.' })]);
    const { rows } = await h.testApp.db.query(`SELECT count(*)::int AS n FROM absence_flag WHERE student_id = $1`, [
      pupil,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('agreement: nothing pre-filled; the plan says when it changed since the version agreed', async () => {
    const caseId = await given.case(pupils[1], { reference: 'T-TRUTH-AGREE' });
    await given.invitation(caseId, SOC, { deadline: '2099-01-07' });
    const token = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
    const plan = await h.testApp.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', token)
      .send({ goals: [{ text: 'Eleven är i skolan.' }], actions: [] })
      .expect(201);

    const page = await h.newPage(`/arenden/${caseId}?flik=plan`);
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.getByRole('button', { name: 'Registrera överenskommelse' }).click();
    await expect(page.getByRole('checkbox', { name: 'Eleven' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: 'Vårdnadshavare' }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Elevens namn').count()).resolves.toBe(0);
    // Socialtjänsten has not accepted its invitation: it is not offered; nothing is ticked.
    await expect(page.getByRole('checkbox', { name: 'Socialtjänsten Östersund' }).count()).resolves.toBe(0);
    await expect(page.getByRole('checkbox', { name: 'Storsjöskolan' }).isChecked()).resolves.toBe(false);

    await h.testApp.http
      .post(`${API}/cases/${caseId}/plan/agreements`)
      .set('authorization', token)
      .set('if-match', plan.headers.etag)
      .send({
        participants: [{ participant: 'agency', agencyId: STORSJO, name: 'Skolan' }],
        agreedAt: new Date().toISOString(),
      })
      .expect(201);
    await page.reload();
    await page.getByTestId('plan-agreed-version').getByText('Överenskommelsen gäller version 1 av planen.').waitFor();
    await h.testApp.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('authorization', token)
      .set('if-match', '"2"')
      .send({ goals: [{ text: 'Eleven är i skolan varje dag.' }], actions: [] })
      .expect(200);
    await page.reload();
    await page
      .getByTestId('plan-changed-since-agreement')
      .getByText(/gäller version 1, planen är nu version 3/)
      .waitFor();
  });

  for (const timezoneId of ['UTC', 'Europe/Stockholm']) {
    it(`meeting: the time typed is Swedish time with the browser in ${timezoneId}`, async () => {
      const caseId = await given.case(pupils[timezoneId === 'UTC' ? 2 : 3], {
        reference: `T-TRUTH-MEET-${timezoneId}`,
      });
      const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'sv-SE', timezoneId });
      const page = await context.newPage();
      await page.goto(`/arenden/${caseId}?flik=moten`);
      await logIn(page, 'elevhalsa@storsjo.demo');
      // Without a time: the field says so, in Swedish.
      await page.getByRole('button', { name: 'Boka möte' }).click();
      const error = await fieldError(page, 'Datum och tid');
      expect(error).not.toMatch(ENGLISH);
      expect(error.length).toBeGreaterThan(0);
      const day = addDays(swedishDate(), 7);
      await page.getByLabel('Datum och tid').fill(`${day}T10:00`);
      await page.getByRole('textbox', { name: 'Plats' }).fill('Elevhälsans rum');
      await page.getByRole('button', { name: 'Boka möte' }).click();
      await page
        .getByTestId('meeting')
        .getByRole('heading', { name: `Möte ${day} 10:00` })
        .waitFor();
      const { rows } = await h.testApp.db.query(`SELECT starts_at FROM case_meeting WHERE case_id = $1`, [caseId]);
      expect(new Date(rows[0].starts_at).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe(
        `${day} 10:00:00`,
      );
      await context.close();
    });
  }

  it('invitations: an accepted one without consent in force says so instead of linking to the case', async () => {
    const caseId = await given.case(pupils[4], { reference: 'T-TRUTH-NOCONSENT' });
    await given.mobilisation(caseId, SOC, demoId('user:soc@ostersund.demo'), { deadline: '2099-01-07' });
    const page = await h.newPage('/inbjudningar');
    await logIn(page, 'soc@ostersund.demo');
    const row = page.getByRole('row').filter({ hasText: 'T-TRUTH-NOCONSENT' });
    await row.getByText('Samtycke saknas/har återkallats').waitFor();
    await expect(row.getByRole('link', { name: /Öppna ärendet/ }).count()).resolves.toBe(0);
  });

  it('case page: the heading names reference, status and pupil; each tab has its own title', async () => {
    const caseId = demoId('case:103');
    const { rows } = await h.testApp.db.query(
      `SELECT c.reference, s.first_name, s.last_name FROM support_case c JOIN student s ON s.id = c.student_id WHERE c.id = $1`,
      [caseId],
    );
    const page = await h.newPage(`/arenden/${caseId}?flik=plan`);
    await logIn(page, 'elevhalsa@storsjo.demo');
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: rows[0].reference }).waitFor();
    const text = await heading.innerText();
    expect(text).toContain(`${rows[0].first_name} ${rows[0].last_name}`);
    expect(text).toMatch(/Öppet|Kartläggning|Plan gäller|Uppföljning|Avslutat/);
    await expect(page.title()).resolves.toBe(`Handlingsplan · ${rows[0].reference} – Närvaroteam`);
    await page.getByRole('tab', { name: 'Möten' }).click();
    // Polled through page.title() (the protocol), not waitForFunction: the app's CSP forbids the
    // eval a string predicate needs whenever the title is not there at the first look.
    const deadline = Date.now() + 10_000;
    while (!(await page.title()).startsWith('Möten · ') && Date.now() < deadline) await page.waitForTimeout(50);
    await expect(page.title()).resolves.toMatch(/^Möten · /);
  });

  it('a second tab opened from the first keeps the session in both, and a used refresh token is still refused', async () => {
    const page = await h.newPage('/notiser');
    await logIn(page, 'elevhalsa@storsjo.demo');
    const first = (await page.evaluate(`sessionStorage.getItem('narvaroteam.refresh')`)) as string;
    const [second] = await Promise.all([
      page.context().waitForEvent('page'),
      page.evaluate(`window.open('/arenden', '_blank')`),
    ]);
    // The new tab starts without an access token: it refreshes with the copied refresh token.
    await second.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await second.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
    // The first tab reloads (its access token is gone too): it must not present the used token.
    await page.reload();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Notiser' }).waitFor();
    await second.reload();
    await second.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
    expect(page.url()).not.toContain('/logga-in');
    expect(second.url()).not.toContain('/logga-in');
    // Reuse detection is intact: the first refresh token, used once, is refused.
    await h.testApp.http.post(`${API}/auth/refresh`).send({ refreshToken: first }).expect(401);
  });

  it('a notification followed is marked read; the app has a favicon', async () => {
    const page = await h.newPage('/notiser');
    await logIn(page, 'elevhalsa@storsjo.demo');
    const token = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
    const inbox = await h.testApp.http.get(`${API}/notifications?limit=100`).set('authorization', token).expect(200);
    const unread = inbox.body.items.find(
      (n: { readAt: string | null; link: string }) => !n.readAt && n.link.startsWith('/'),
    );
    expect(unread).toBeDefined();
    await page.getByRole('link', { name: unread.title }).first().click();
    await page.waitForURL((url) => url.pathname !== '/notiser');
    // The mark is sent as the link is followed: wait for it to land (no time limit asserted).
    let readAt: string | null = null;
    for (let i = 0; i < 100 && !readAt; i++) {
      const again = await h.testApp.http.get(`${API}/notifications?limit=100`).set('authorization', token);
      readAt = again.body.items.find((n: { id: string }) => n.id === unread.id).readAt;
      if (!readAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(readAt).not.toBeNull();
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBeTruthy();
    const res = await h.testApp.http.get(icon!).expect(200);
    expect(res.headers['content-type']).toContain('svg');
  });
});
