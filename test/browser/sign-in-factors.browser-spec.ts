import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Browser, chromium, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/demo';
import { MfaClock, totpCode } from '@app/identity';
import { startTestProvider, TestProvider } from '../support/oidc-test-provider';
import { createTestApp, TestApp } from '../support/test-app';
import { logIn, screenshot } from './browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is (rule ids only). */
async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => v.id);
  })()`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Signing in with the organisation's account through a real OpenID provider in the test process,
 * and the second factor, in Chromium: the app is served on a port chosen first, so that the
 * provider's redirect URL and APP_BASE_URL name it.
 */
describe('web app: single sign-on and the second factor (browser)', () => {
  let idp: TestProvider;
  let t: TestApp;
  let browser: Browser;
  let baseUrl = '';
  let now = Math.floor(Date.now() / 30_000) * 30_000 + 1_000;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const redirect = `${baseUrl}/api/v1/auth/oidc/callback`;
    idp = await startTestProvider(redirect);
    t = await createTestApp({ ...idp.env(redirect), APP_BASE_URL: baseUrl });
    t.app.get(MfaClock).now = () => now;
    await t.app.listen(port, '127.0.0.1');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=sv-SE'],
      env: { ...process.env, LANGUAGE: 'sv', LANG: 'sv_SE.UTF-8' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  async function newPage(path: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(path);
    return page;
  }

  const emailOf = async (username: string) =>
    (await t.db.query(`SELECT coalesce(email, username) AS email FROM app_user WHERE username = $1`, [username]))
      .rows[0].email as string;

  it('signs in with "Logga in med kommunens konto": through the provider and back, no code left in the address', async () => {
    idp.nextLogin = {
      subject: 'mentor-1',
      claims: { email: await emailOf('mentor@storsjo.demo'), email_verified: true },
    };
    const page = await newPage('/logga-in');
    const sso = page.getByRole('link', { name: 'Logga in med kommunens konto' });
    await sso.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'login-with-sso');
    await sso.click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    expect(await page.getByTestId('who-am-i').textContent()).toContain('Storsjöskolan');
    expect(page.url()).not.toContain('kod=');
    expect(page.url()).not.toContain('code=');
  });

  it('shows the Swedish sign-in error page, saying whom to contact, for an account that does not exist', async () => {
    idp.nextLogin = { subject: 'stranger', claims: { email: 'okand@ostersund.se', email_verified: true } };
    const page = await newPage('/logga-in');
    await page.getByRole('link', { name: 'Logga in med kommunens konto' }).click();
    await page.getByRole('heading', { name: 'Inloggningen misslyckades' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/logga-in/fel?orsak=unknown-user`);
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('kontakta din administratör');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-error');
    await page.getByRole('link', { name: 'Till inloggningen' }).click();
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
  });

  it('enrols an authenticator app with a QR code, shows the recovery codes once, then asks for the code at login', async () => {
    const page = await newPage('/logga-in');
    await logIn(page, 'mentor@park.demo');
    await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
    await page.getByRole('button', { name: 'Lägg till autentiseringsapp' }).click();
    await page.getByRole('img', { name: 'QR-kod för autentiseringsappen' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'totp-enrolment');

    // A wrong code is said in words on the field.
    await page.getByLabel('Kod från appen').fill(totpCode(secret, now - 300_000));
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await page.getByText('Fel kod.').waitFor();
    expect(await page.getByLabel('Kod från appen').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Kod från appen').fill(totpCode(secret, now));
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await page.getByText('Dina reservkoder').waitFor();
    expect(await codes.count()).toBe(10);
    await screenshot(page, 'totp-recovery-codes');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').fill('mentor@park.demo');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { name: 'Tvåstegsverifiering' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'totp-code-step');

    // The code already used at enrolment is refused; the next one signs in (keyboard only).
    await page.getByLabel('Kod').fill(totpCode(secret, now));
    await page.keyboard.press('Enter');
    await page.getByText('Fel kod, eller så har koden redan använts.').waitFor();
    now += 30_000;
    await page.getByLabel('Kod').fill(totpCode(secret, now));
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  });
});

describe('web app: a role that requires a second factor enrols at sign-in (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl = '';
  const now = Math.floor(Date.now() / 30_000) * 30_000 + 1_000;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'elevhalsa' });
    t.app.get(MfaClock).now = () => now;
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=sv-SE'],
      env: { ...process.env, LANGUAGE: 'sv', LANG: 'sv_SE.UTF-8' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the QR code after the password, then the recovery codes, then signs in', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto('/logga-in');
    // No single sign-on configured here: no such link.
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Logga in med kommunens konto' }).count()).toBe(0);
    await page.getByLabel('Användarnamn').fill('elevhalsa@park.demo');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByText('Din roll kräver tvåstegsverifiering.').waitFor();
    await page.getByRole('img', { name: 'QR-kod för autentiseringsappen' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Kod från appen').fill(totpCode(secret, now));
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await page.getByText('Dina reservkoder').waitFor();
    await page.getByRole('button', { name: 'Jag har sparat koderna – fortsätt' }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    expect(await page.getByTestId('who-am-i').textContent()).toContain('Parkskolan');
  });
});
