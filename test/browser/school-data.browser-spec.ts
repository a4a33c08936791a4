import { wcagViolations, settled } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

describe('Skoldata (SS 12000): the admin connects, edits and removes a source (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates a source with OAuth 2 and a school, sees field errors in Swedish, never sees the secret again', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'admin@ostersund.demo');
    await page.getByRole('link', { name: /Skoldata/ }).click();
    await page.getByRole('heading', { name: 'Skoldata (SS 12000)' }).waitFor();
    await page.getByTestId('empty').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Anslut en SS 12000-källa' });
    await form.getByRole('textbox', { name: /^Namn/ }).fill('Skoldata Östersund');
    const baseUrl = form.getByRole('textbox', { name: /^Serverns adress/ });
    await baseUrl.fill('http://10.0.0.5/v2');
    await form.getByLabel(/^Inloggning/).selectOption('oauth2_client_credentials');
    await form.getByRole('textbox', { name: /^Tokenadress/ }).fill('https://login.exempel.se/token');
    await form.getByRole('textbox', { name: /^Klient-id/ }).fill('narvaroteam');
    await form.getByLabel(/^Klienthemlighet/).fill('hemlig-klient-123');
    await form.getByRole('button', { name: 'Lägg till skola' }).click();
    await form
      .getByRole('textbox', { name: 'Skolenhetens SS 12000-id, rad 1' })
      .fill('8f1a0c2e-0000-4000-8000-00000000c001');
    await form.getByLabel('Skola, rad 1').selectOption({ label: 'Storsjöskolan' });
    await form.getByRole('button', { name: 'Anslut källan' }).click();

    // The server's refusal is shown at the field, in Swedish, linked to it.
    await page.getByTestId('form-problem').waitFor();
    expect(await baseUrl.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await baseUrl.getAttribute('aria-describedby'))!;
    const messageId = describedBy.split(' ').find((id) => id.includes('error')) ?? describedBy.split(' ').at(-1)!;
    expect(await page.locator(`[id="${messageId}"]`).textContent()).toBe(
      'Adressen måste börja med https:// och får inte peka på ett internt nät.',
    );
    expect(await wcagViolations(page)).toEqual([]);

    await baseUrl.fill('https://ss12000.exempel.se/v2');
    await form.getByLabel(/^Klienthemlighet/).fill('hemlig-klient-123');
    await form.getByRole('button', { name: 'Anslut källan' }).click();
    await page.getByRole('status').filter({ hasText: 'Källan Skoldata Östersund är ansluten.' }).waitFor();
    const card = page.getByRole('region', { name: 'Skoldata Östersund' });
    await card.getByText('https://ss12000.exempel.se/v2').waitFor();
    await card.getByText('Storsjöskolan').waitFor();
    expect(await page.content()).not.toContain('hemlig-klient-123');
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'school-data-source');

    // Edit: the secret field is empty (write-only), the stored one is kept unless a new one is typed.
    await card.getByRole('button', { name: 'Ändra' }).click();
    const edit = page.getByRole('form', { name: 'Ändra Skoldata Östersund' });
    expect(await edit.getByLabel(/^Klienthemlighet/).inputValue()).toBe('');
    await edit.getByText('En hemlighet är sparad. Lämna tomt för att behålla den.').waitFor();
    await edit.getByRole('textbox', { name: /^Namn/ }).fill('Skoldata Jämtland');
    await edit.getByRole('textbox', { name: /^Synka automatiskt/ }).fill('60');
    expect(await wcagViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade.' }).waitFor();
    const renamed = page.getByRole('region', { name: 'Skoldata Jämtland' });
    await renamed.getByText('Var 1:e timme').waitFor();
    await renamed.getByText('OAuth 2, klientuppgifter (lagras krypterade)').waitFor();

    // Remove, after a confirmation.
    await renamed.getByRole('button', { name: 'Ta bort' }).click();
    await renamed.getByRole('button', { name: 'Bekräfta borttagning' }).click();
    await page.getByRole('status').filter({ hasText: 'Källan Skoldata Jämtland är borttagen.' }).waitFor();
    await page.getByTestId('empty').waitFor();
  });
});
