import { demoId } from '@app/demo';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

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
});
