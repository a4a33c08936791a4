import type { Locator, Page } from 'playwright-core';
import { demoId } from '@app/demo';
import { BrowserHarness, BrowserWindow, logIn, screenshot, startBrowserHarness } from './browser';

describe('web app: shell, login and sessions (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the Swedish app on every path outside /api, and problem details under /api', async () => {
    for (const path of ['/', '/arenden/abc', '/logga-in']) {
      const response = await h.testApp.http.get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('<html lang="sv">');
    }
    const api = await h.testApp.http.get('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await h.testApp.http.get('/favicon.ico')).status).toBe(404);
  });

  it('sends a visitor to the login page, and back to the shared link after logging in', async () => {
    const caseId = demoId('case:103');
    const page = await h.newPage(`/arenden/${caseId}?flik=plan`);
    await page.waitForURL(/\/logga-in\?next=/);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await screenshot(page, 'login');
    await page.getByLabel('Användarnamn').fill('elevhalsa@storsjo.demo');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord' }).waitFor();
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.waitForURL(new RegExp(`/arenden/${caseId}\\?flik=plan$`));
    await page.context().close();
  });

  it('keeps the session over a reload, and logging out ends it', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await page.reload();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(/\/logga-in/);
    await page.goto('/bevakning');
    await page.waitForURL(/\/logga-in\?next=%2Fbevakning/);
    await page.context().close();
  });

  it('returns to the login page when the session is ended elsewhere, saying so', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'rektor@storsjo.demo');
    // The session ends on the server (as after a password reset or a revoked login).
    await h.testApp.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1`, [
      demoId('user:rektor@storsjo.demo'),
    ]);
    await page.goto('/arenden');
    await page.waitForURL(/\/logga-in/);
    await page.getByText('Din session har gått ut').waitFor();
    await page.context().close();
  });

  it('still says the session ran out after a reload of the login page it led to', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'rektor@storsjo.demo');
    await h.testApp.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1`, [
      demoId('user:rektor@storsjo.demo'),
    ]);
    // A request of the open page meets the ended session (the case list, opened without a reload):
    // the app ends the session and shows the login page.
    await page.evaluate(`history.pushState({}, '', '/arenden'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.waitForURL(/\/logga-in/);
    await page.getByText('Din session har gått ut').waitFor();
    await page.reload();
    await page.getByLabel('Användarnamn').waitFor();
    await page.getByText('Din session har gått ut').waitFor();
    // Signing in again ends the notice: after logging out the login page says nothing of it.
    await logIn(page, 'rektor@storsjo.demo');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').waitFor();
    expect(await page.getByText('Din session har gått ut').count()).toBe(0);
    await page.context().close();
  });

  it('refreshes a run-out access token for the user: the page loads as if nothing happened', async () => {
    const page = await h.newPage('/logga-in');
    // The first watch-list call after logging in finds its access token refused, as after its 15 minutes.
    let refused = 0;
    await page.route('**/api/v1/schools/*/watchlist*', async (route) => {
      if (refused++ === 0)
        return route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 401, title: 'Unauthorized' }),
        });
      return route.continue();
    });
    const loggedIn = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.status() === 200);
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200);
    await logIn(page, 'mentor@storsjo.demo');
    const first = ((await (await loggedIn).json()) as { refreshToken: string }).refreshToken;
    await refreshed;
    await page.getByRole('table', { name: 'Elever på bevakningslistan, med skälen' }).waitFor();
    expect(refused).toBe(2);
    expect(page.url()).toMatch(/\/bevakning$/);
    // A new refresh token replaced the used one (each works once).
    const stored = await page.evaluate(() =>
      (globalThis as unknown as BrowserWindow).sessionStorage.getItem('narvaroteam.refresh'),
    );
    expect(stored).toBeTruthy();
    expect(stored).not.toBe(first);
    await page.context().close();
  });

  it('after a session runs out, gives the typed text back to the same user only', async () => {
    const studentId = demoId('pupil:20');
    const flagBox = (page: Page) => page.getByRole('textbox', { name: 'Vad ser du, och vad har du provat?' });
    const text = `Borta varje fredag sedan november (draft test ${Date.now()}).`;
    const endSession = (username: string) =>
      h.testApp.db.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        demoId(`user:${username}`),
      ]);

    const page = await h.newPage(`/elever/${studentId}`);
    await logIn(page, 'mentor@storsjo.demo');
    await page.waitForURL(new RegExp(`/elever/${studentId}$`));
    await flagBox(page).fill(text);
    // The session ends while the mentor types; the next request finds out and goes to the login page.
    await endSession('mentor@storsjo.demo');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Bevakningslista' }).click();
    await page.waitForURL(/\/logga-in\?next=/);
    await page.getByText('Din session har gått ut').waitFor();
    await logIn(page, 'mentor@storsjo.demo');
    await page.goto(`/elever/${studentId}`);
    await flagBox(page).waitFor();
    expect(await flagBox(page).inputValue()).toBe(text);

    // Ended again; this time the principal logs in on the same tab: the mentor's text is not shown, nor kept.
    await endSession('mentor@storsjo.demo');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Bevakningslista' }).click();
    await page.waitForURL(/\/logga-in\?next=/);
    await logIn(page, 'rektor@storsjo.demo');
    await page.goto(`/elever/${studentId}`);
    await flagBox(page).waitFor();
    expect(await flagBox(page).inputValue()).toBe('');
    const drafts = await page.evaluate(() => {
      const storage = (globalThis as unknown as BrowserWindow).sessionStorage as unknown as Record<string, string>;
      return Object.keys(storage).filter((key) => key.startsWith('narvaroteam.draft.'));
    });
    expect(drafts).toEqual([]);
    await page.context().close();
  });

  it('can be used with the keyboard alone: the login form, the skip link, the menu', async () => {
    const page = await h.newPage('/logga-in');
    const focused = (locator: Locator) =>
      locator.evaluate(
        (el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      );
    const tabTo = async (locator: Locator) => {
      for (let i = 0; i < 40 && !(await focused(locator)); i++) await page.keyboard.press('Tab');
      expect(await focused(locator)).toBe(true);
    };
    await tabTo(page.getByLabel('Användarnamn'));
    await page.keyboard.type('elevhalsa@storsjo.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Demo-2026!');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    // The first Tab on a page reaches the skip link, which moves focus past the header and menu.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    expect(await focused(skip)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    // The menu's links are reached by Tab and followed with Enter.
    await tabTo(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/arenden$/);
    await page.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
    await page.context().close();
  });
});
