import { wcagViolations, settled } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

describe('gallring: retention rules, preview and runs (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the admin changes a rule within its bounds, sees the preview and starts a run', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'admin@ostersund.demo');
    await page.getByRole('link', { name: 'Gallring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gallring' }).waitFor();
    await page.getByRole('rowheader', { name: 'Åtkomstlogg' }).first().waitFor();
    await page.getByText('Inget hålls kvar under rättslig spärr.').waitFor();
    await page.getByText('Ingen gallring har körts ännu.').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    // Outside the bounds: the server's field error at the field.
    const accessLog = page.getByRole('textbox', { name: /Gallringsfrist för åtkomstlogg/ });
    await accessLog.fill('3');
    await page
      .getByRole('form', { name: 'Spara frist för åtkomstlogg' })
      .getByRole('button', { name: 'Spara' })
      .click();
    await page.getByText('Fristen ligger utanför de tillåtna gränserna.').waitFor();
    expect(await accessLog.getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);

    const notifications = page.getByRole('textbox', { name: /Gallringsfrist för notiser/ });
    await notifications.fill('18');
    await page
      .getByRole('form', { name: 'Spara frist för notiser och e-post' })
      .getByRole('button', { name: 'Spara' })
      .click();
    await page.getByText('Fristen för notiser och e-post är sparad.').waitFor();
    const { rows } = await h.testApp.db.query(
      `SELECT period FROM retention_rule r JOIN organisation o ON o.id = r.organisation_id
        WHERE r.data_class = 'notification' AND o.name ILIKE 'Östersund%'`,
    );
    expect(rows).toEqual([{ period: 18 }]);

    await page.getByRole('button', { name: 'Gallra nu' }).click();
    await page.getByText('Gallringen har startat.', { exact: false }).waitFor();
    await page.getByRole('cell', { name: /Manuell/ }).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'retention-admin');
    await page.context().close();
  });

  it('the auditor reads the log of runs only', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'auditor@ostersund.demo');
    await page.getByRole('link', { name: 'Gallring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gallring' }).waitFor();
    await page.getByRole('heading', { name: 'Genomförda gallringar' }).waitFor();
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Gallringsregler' }).count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });
});
