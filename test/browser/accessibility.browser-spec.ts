import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { demoId } from '@app/demo';
import { BrowserHarness, logIn, startBrowserHarness } from './browser';

/** What axe-core reports for one rule that fails (the page text itself is not kept). */
interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is, with the WCAG 2.1 A and AA rules. */
async function wcagViolations(page: Page): Promise<Violation[]> {
  // Evaluated, not added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`(async () => {
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  })()`);
}

/** The main pages of each daily journey, as the user who works there sees them. */
const PAGES: { user: string; path: string; ready: string }[] = [
  { user: 'mentor@storsjo.demo', path: '/bevakning', ready: 'Bevakningslista' },
  { user: 'mentor@storsjo.demo', path: `/elever/${demoId('pupil:20')}`, ready: 'Närvaro och frånvaro per vecka' },
  { user: 'elevhalsa@storsjo.demo', path: '/anmalningar', ready: 'Anmälningar' },
  { user: 'elevhalsa@storsjo.demo', path: '/arenden', ready: 'Ärenden' },
  { user: 'elevhalsa@storsjo.demo', path: `/arenden/${demoId('case:78')}`, ready: 'Ärende' },
  { user: 'elevhalsa@storsjo.demo', path: `/arenden/${demoId('case:103')}?flik=plan`, ready: 'Mål' },
  { user: 'rektor@storsjo.demo', path: '/oversikt', ready: 'Ärenden efter status' },
  { user: 'rektor@storsjo.demo', path: '/skolans-konton', ready: 'Skolans konton' },
  { user: 'soc@ostersund.demo', path: '/inbjudningar', ready: 'Inbjudningar' },
  { user: 'soc@ostersund.demo', path: '/atgarder', ready: 'Våra åtgärder' },
  { user: 'soc@ostersund.demo', path: '/notiser', ready: 'Notiser' },
];

describe('web app: WCAG 2.1 A/AA rules (axe-core, browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds no violations on the login page', async () => {
    const page = await h.newPage('/logga-in');
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds no violations on the page where a new user chooses a password', async () => {
    const page = await h.newPage('/valj-losenord');
    await page.getByRole('button', { name: 'Spara lösenordet' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(PAGES)('finds no violations for $user on $path', async ({ user, path, ready }) => {
    const page = await h.newPage(path);
    await logIn(page, user);
    await page.getByRole('heading', { name: ready, exact: true }).first().waitFor();
    // Lists and charts load after the heading: wait until nothing is loading any more.
    await page
      .getByLabel('Laddar …')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });
});
