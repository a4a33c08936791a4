import { readFileSync } from 'node:fs';
import { demoId } from '@app/demo';
import { wcagViolations, settled } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

describe('administrator and auditor screens (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the admin starts at the users: creates one with a one-time code, edits roles, issues a code, deactivates', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'admin@ostersund.demo');
    await page.getByRole('heading', { name: 'Användare', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/anvandare');
    await page.getByTestId('users-table').getByText('rektor@storsjo.demo').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users');

    // A field error from the server's problem details is shown at the field, linked to it.
    const username = page.getByRole('textbox', { name: /^Användarnamn/ });
    await username.fill('inte-en-adress');
    await page.getByRole('textbox', { name: /^Namn/ }).fill('Nora Ny');
    await page.getByLabel(/^Verksamhet/).selectOption({ label: 'Storsjöskolan (Skola)' });
    await page.getByRole('checkbox', { name: 'Mentor/lärare' }).check();
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    await page.getByTestId('form-problem').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toBe(
      'Ange en giltig e-postadress.',
    );
    expect(await wcagViolations(page)).toEqual([]);

    await username.fill('nora.ny@storsjo.demo');
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    await page
      .getByTestId('setup-code')
      .getByText(/Engångskod: [0-9A-Z-]+/)
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: 'nora.ny@storsjo.demo' });
    await row.getByText('Mentor/lärare').waitFor();

    await row.getByRole('button', { name: 'Ändra' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Elevhälsa' }).check();
    await dialog.getByRole('button', { name: 'Spara ändringarna' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Mentor/lärare, Elevhälsa').waitFor();

    await row.getByRole('button', { name: 'Ny engångskod' }).click();
    await page
      .getByTestId('setup-code')
      .getByText(/Engångskod för Nora Ny/)
      .waitFor();

    await row.getByRole('button', { name: 'Inaktivera' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, inaktivera' }).click();
    await row.getByText('Inaktiverad').waitFor();
    const { rows } = await h.testApp.db.query<{ active: boolean; roles: string[] }>(
      `SELECT active, roles FROM app_user WHERE username = 'nora.ny@storsjo.demo'`,
    );
    expect(rows).toEqual([{ active: false, roles: ['school_staff', 'elevhalsa'] }]);
    await page.context().close();
  });

  it('the admin sees and creates agencies, a school with its skolenhetskod', async () => {
    const page = await h.newPage('/verksamheter');
    await logIn(page, 'admin@ostersund.demo');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Verksamheter' }).click();
    await page.getByTestId('agencies-table').getByText('Storsjöskolan').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: /^Namn/ }).fill('Fältskolan');
    await page.getByLabel(/^Typ/).selectOption({ label: 'Skola' });
    const code = page.getByRole('textbox', { name: /^Skolenhetskod/ });
    await code.fill('123');
    await page.getByRole('button', { name: 'Skapa verksamheten' }).click();
    await page.getByTestId('form-problem').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await code.fill('87654321');
    await page.getByRole('button', { name: 'Skapa verksamheten' }).click();
    await page.getByRole('row').filter({ hasText: 'Fältskolan' }).getByText('87654321').waitFor();
    await screenshot(page, 'admin-agencies');
    await page.context().close();
  });

  it('the auditor starts at the access log: filters by pupil (personnummer in no URL), pages and exports CSV', async () => {
    const { rows } = await h.testApp.db.query<{ personnummer: string }>(
      'SELECT personnummer FROM student WHERE id = $1',
      [demoId('pupil:20')],
    );
    const personnummer = rows[0].personnummer;
    // A read to find: the mentor opens the pupil.
    const mentor = await h.newPage(`/elever/${demoId('pupil:20')}`);
    await logIn(mentor, 'mentor@storsjo.demo');
    await mentor.getByRole('heading', { name: 'Närvaro och frånvaro per vecka' }).waitFor();
    await mentor.context().close();

    const page = await h.newPage('/');
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await logIn(page, 'auditor@ostersund.demo');
    await page.getByRole('heading', { name: 'Åtkomstlogg', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/atkomstlogg');
    await page.getByTestId('access-log-table').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Elevens personnummer').fill(`${personnummer.slice(0, 8)}-${personnummer.slice(8)}`);
    await page.getByLabel('Utfall').selectOption({ label: 'Tillåten' });
    await page.getByRole('button', { name: 'Sök' }).click();
    const mentorRow = page.getByTestId('access-log-table').getByRole('row').filter({ hasText: 'student.read' });
    await mentorRow.first().waitFor();
    expect(await page.getByTestId('access-log-table').getByText('Nekad').count()).toBe(0);
    await screenshot(page, 'auditor-access-log');
    expect(await wcagViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera som CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(csv[0]).toMatch(/^at,userId,/);
    expect(csv.length).toBeGreaterThan(1);
    expect(csv.slice(1).every((line) => line.includes(',allowed,'))).toBe(true);
    await page.getByRole('status').getByText('CSV-filen är nedladdad.').waitFor();

    // A malformed number: the server's field error at the field.
    await page.getByLabel('Elevens personnummer').fill('19990101-0001');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('Elevens personnummer').getAttribute('aria-invalid')).toBe('true');

    expect(urls.some((url) => url.includes(personnummer.slice(2, 8)))).toBe(false);
    await page.context().close();
  });
});
