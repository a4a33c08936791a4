import type { Page } from 'playwright-core';
import { BrowserHarness, logIn, startBrowserHarness } from './browser';

/**
 * Issue 19: every page of each demo role, reached through its menu (and for case readers the
 * first case's tabs), in Chromium with the browser in UTC. No page may show the server's English,
 * an ISO week, a wrong Swedish plural or a value the app failed to format.
 */
const USERS = [
  'mentor@storsjo.demo',
  'rektor@storsjo.demo',
  'elevhalsa@storsjo.demo',
  'soc@ostersund.demo',
  'bup@regionjh.demo',
  'hab@regionjh.demo',
  'elevhalsa@park.demo',
  'admin@regionjh.demo',
  'admin@ostersund.demo',
  'auditor@ostersund.demo',
];
const ENGLISH =
  /\b(must|should|is not|not found|invalid|required|allowed|failed|forbidden|unauthorized|cannot|internal server)\b/i;
const UNFORMATTED =
  /`|\bundefined\b|\bNaN\b|Invalid Date|\[object Object\]|\d{4}-W\d{2}|\b1 (dagar|ärenden|elever|veckor|anmälningar|konton|insatser|olästa|rader)\b/;

/** A hidden statistics cell may hold more than 4 (hidden so that another cannot be worked out). */
const FALSE_SMALL = /färre än 5(?! elever)/;

describe('every page of each role tells the truth in Swedish (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The page's main text once it has loaded (no loader left). */
  async function settled(page: Page): Promise<string> {
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page
      .getByLabel('Laddar …')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    return page.locator('main').innerText();
  }

  function check(where: string, text: string) {
    expect({ where, falseSmall: FALSE_SMALL.exec(text)?.[0] ?? null }).toEqual({ where, falseSmall: null });
    expect({ where, english: ENGLISH.exec(text)?.[0] ?? null }).toEqual({ where, english: null });
    expect({ where, unformatted: UNFORMATTED.exec(text)?.[0] ?? null }).toEqual({ where, unformatted: null });
  }

  for (const user of USERS) {
    it(`walks ${user}'s pages`, async () => {
      const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'sv-SE', timezoneId: 'UTC' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto('/');
      await logIn(page, user);
      const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
      const paths = (await menu.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
        .filter((href): href is string => !!href && href.startsWith('/'))
        .filter((href, i, all) => all.indexOf(href) === i);
      expect(paths.length).toBeGreaterThan(1);
      for (const path of paths) {
        await page.goto(path);
        check(`${user} ${path}`, await settled(page));
      }
      // The first case of the case list, every tab of it.
      if (paths.includes('/arenden')) {
        await page.goto('/arenden');
        await settled(page);
        const first = page.locator('main a[href^="/arenden/"]').first();
        if (await first.count()) {
          await first.click();
          await settled(page);
          const tabs = await page.getByRole('tab').allInnerTexts();
          for (const tab of tabs) {
            await page.getByRole('tab', { name: tab }).click();
            await page.waitForLoadState('networkidle');
            check(`${user} case tab ${tab}`, await settled(page));
          }
        }
      }
      await context.close();
    });
  }
});
