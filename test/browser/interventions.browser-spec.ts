import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules on the page as it is (ids of the failing rules). */
async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  })()`);
}

describe('web app: the intervention catalogue, a pupil’s courses and the results per intervention (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the admin keeps the catalogue: adds an intervention and retires it', async () => {
    const page = await h.newPage('/insatser');
    await logIn(page, 'admin@ostersund.demo');
    await page.getByRole('heading', { level: 1, name: 'Insatskatalog' }).waitFor();
    await page.getByRole('rowheader', { name: /MST \(multisystemisk terapi\)/ }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText('Ange ett namn.').waitFor();
    await page.getByLabel('Namn').fill('Funktionell familjeterapi');
    await page.getByLabel('Utförare').selectOption('social_services');
    await page.getByLabel('Evidensbaserad insats').check();
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText('Funktionell familjeterapi har lagts till i katalogen.').waitFor();
    await page.getByRole('button', { name: 'Avsluta: Funktionell familjeterapi' }).click();
    await page.getByRole('button', { name: 'Erbjud igen: Funktionell familjeterapi' }).waitFor();
    await screenshot(page, 'interventions-catalogue');
    const { rows } = await h.testApp.db.query(
      `SELECT evidence_based, active FROM intervention WHERE name = 'Funktionell familjeterapi'`,
    );
    expect(rows).toEqual([{ evidence_based: true, active: false }]);
    await page.context().close();
  });

  it('elevhälsa records a course on the case page', async () => {
    const caseId = demoId('case:103');
    const page = await h.newPage(`/arenden/${caseId}?flik=insatser`);
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.getByRole('heading', { name: 'Elevens insatser' }).waitFor();
    await page.getByRole('button', { name: 'Registrera insats' }).click();
    await page.getByText('Välj en insats.').waitFor();
    await page.getByRole('combobox', { name: 'Insats' }).selectOption({ label: 'Komet (föräldraprogram)' });
    await page.getByLabel('Konflikter i hemmet').check();
    await page.getByRole('button', { name: 'Registrera insats' }).click();
    await page.getByText('Insatsen har registrerats.').waitFor();
    await page.getByTestId('courses-table').getByRole('rowheader', { name: 'Komet (föräldraprogram)' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'case-courses');
    const admin = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
    const listed = await h.testApp.http
      .get(`${API}/cases/${caseId}/interventions`)
      .set('authorization', admin)
      .expect(200);
    expect(listed.body.items.map((c: { referredBehaviours: string[] }) => c.referredBehaviours)).toContainEqual([
      'conflicts_at_home',
    ]);
    await page.context().close();
  });

  it('the principal reads the results per intervention, small cells said in words', async () => {
    const page = await h.newPage('/resultat-per-insats');
    await logIn(page, 'rektor@storsjo.demo');
    await page.getByRole('heading', { level: 1, name: 'Resultat per insats' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'MST (multisystemisk terapi)' }).waitFor();
    expect(await page.locator('[data-suppressed]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Rapport för utskrift: MST (multisystemisk terapi)' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'intervention-results');
    await page.context().close();
  });
});
