import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

describe('web app: a new user chooses a password, the principal sees who was given access (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the setup code from the admin sets a password the admin never saw; the principal sees the new account', async () => {
    const admin = await bearer(h.testApp.http, 'admin@ostersund.demo');
    const created = await h.testApp.http
      .post(`${API}/users`)
      .set('authorization', admin)
      .send({
        username: 'ny.kurator@storsjo.demo',
        displayName: 'Nora Ny',
        agencyId: demoId('agency:storsjo'),
        roles: ['elevhalsa'],
      })
      .expect(201);
    const code = created.body.setup.setupCode as string;

    // From the login page, as the user would find it.
    const page = await h.newPage('/logga-in');
    await page.getByRole('link', { name: 'Har du fått en engångskod? Välj ditt lösenord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj lösenord' }).waitFor();
    await page.getByLabel('Användarnamn').fill('ny.kurator@storsjo.demo');
    await page.getByLabel('Engångskod').fill('AAAAA-AAAAA-AAAAA-AAAAA');
    await page.getByRole('textbox', { name: 'Nytt lösenord', exact: true }).fill('Noras-eget-lösenord');
    await page.getByRole('textbox', { name: 'Upprepa lösenordet', exact: true }).fill('Noras-eget-lösenord');
    await page.getByRole('button', { name: 'Spara lösenordet' }).click();
    await page.getByRole('alert').getByText('Fel användarnamn eller engångskod', { exact: false }).waitFor();
    await page.getByLabel('Engångskod').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Spara lösenordet' }).click();
    await page.getByText('Ditt lösenord är sparat.', { exact: false }).waitFor();
    await screenshot(page, 'setup-password-done');
    await page.getByRole('link', { name: 'Till inloggningen' }).click();
    await logIn(page, 'ny.kurator@storsjo.demo', 'Noras-eget-lösenord');
    await page.context().close();

    const rektor = await h.newPage('/skolans-konton');
    await logIn(rektor, 'rektor@storsjo.demo');
    await rektor.getByRole('heading', { level: 1, name: 'Skolans konton' }).waitFor();
    const row = rektor.getByRole('row').filter({ hasText: 'ny.kurator@storsjo.demo' });
    await row.getByText('av Anna Administratör: inga roller → Elevhälsa', { exact: false }).waitFor();
    await screenshot(rektor, 'school-accounts');
    await rektor.context().close();
  });
});
