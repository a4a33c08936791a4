import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/demo';
import { createTestApp, TestApp } from '../support/test-app';

/** What page.evaluate callbacks may use of the browser (the tests compile without the DOM library). */
export interface BrowserWindow {
  sessionStorage: { getItem(key: string): string | null };
}

/** Screenshots of every main page, on every run, for people to look at (git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '../../test-results/screenshots');

export interface BrowserHarness {
  /** The real API (same bootstrap as production) on its own demo database, serving the built web app. */
  testApp: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own storage) with one page, at `path`. */
  newPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const testApp = await createTestApp();
  await testApp.app.listen(0, '127.0.0.1');
  const { port } = testApp.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // The Debian chromium package (.ci/run installs it); CHROMIUM_PATH points elsewhere if needed.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The browser's own widgets (date inputs: åååå-mm-dd) in Swedish, as on the users' machines:
    // Chromium takes its locale from LANGUAGE/LANG (and needs Debian's chromium-l10n for it).
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=sv-SE'],
    env: { ...process.env, LANGUAGE: 'sv', LANG: 'sv_SE.UTF-8' },
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    testApp,
    baseUrl,
    browser,
    async newPage(path = '/') {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(path);
      return page;
    },
    async close() {
      await browser.close();
      await testApp.close();
    },
  };
}

/** Logs in through the login form, as a user would, and waits for the app's menu. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  // A fresh page at a protected path is sent to /logga-in?next=…: wait for that, so the return
  // address is kept; go there directly only if the app does not.
  if (!page.url().includes('/logga-in'))
    await page.waitForURL(/\/logga-in/, { timeout: 5_000 }).catch(() => page.goto('/logga-in'));
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
}

/** A full-page screenshot from the top (the app's header is fixed: a scrolled page repeats it). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
