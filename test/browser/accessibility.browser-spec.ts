import { demoId } from '@app/demo';
import { wcagViolations } from './axe';
import { BrowserHarness, logIn, startBrowserHarness } from './browser';

/** The main pages of each daily journey, as the user who works there sees them. */
const PAGES: { user: string; path: string; ready: string | RegExp }[] = [
  { user: 'mentor@storsjo.demo', path: '/bevakning', ready: 'Bevakningslista' },
  { user: 'mentor@storsjo.demo', path: `/elever/${demoId('pupil:20')}`, ready: 'Närvaro och frånvaro per vecka' },
  { user: 'elevhalsa@storsjo.demo', path: '/anmalningar', ready: 'Anmälningar' },
  { user: 'elevhalsa@storsjo.demo', path: '/arenden', ready: 'Ärenden' },
  { user: 'elevhalsa@storsjo.demo', path: `/arenden/${demoId('case:78')}`, ready: /^Ärende \S+ · / },
  { user: 'elevhalsa@storsjo.demo', path: `/arenden/${demoId('case:103')}?flik=plan`, ready: 'Mål' },
  { user: 'rektor@storsjo.demo', path: '/oversikt', ready: 'Ledtider' },
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
    // The case page's heading names the case once it has loaded ("Ärende 2026-0012 · Öppet · …").
    await page
      .getByRole('heading', { name: ready, exact: typeof ready === 'string' })
      .first()
      .waitFor();
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
