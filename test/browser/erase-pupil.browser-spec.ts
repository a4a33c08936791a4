import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { settled, wcagViolations } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';
import { Given, givenFor } from '../support/given';

/** Demo pupil 128: a case in follow-up, so its data is kept. */
const CASE_PUPIL = demoId('pupil:128');

describe('erasure of a pupil registered by mistake (browser)', () => {
  let h: BrowserHarness;
  let given: Given;
  beforeAll(async () => {
    h = await startBrowserHarness();
    given = givenFor(h.testApp.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the principal erases a pupil registered by mistake, after confirming', async () => {
    const nine = '140404123';
    const { id: pupil } = await given.pupil({
      personnummer: `20${nine}${luhnCheckDigit(nine)}`,
      firstName: 'Felix',
      lastName: 'Felregistrerad',
      grade: 4,
      className: '4A',
      externalId: null,
    });

    const page = await h.newPage('/');
    await logIn(page, 'rektor@storsjo.demo');
    await page.goto(`/elever/${pupil}`);
    await page.getByRole('heading', { name: 'Felix Felregistrerad' }).waitFor();
    await page.getByRole('button', { name: 'Radera elev (registrerad av misstag)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Radera eleven' });
    await dialog.getByText('Vill du radera Felix Felregistrerad?').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'principal-erase-confirm');
    await dialog.getByRole('button', { name: 'Radera eleven' }).click();
    await page.getByRole('status').getByText('Felix Felregistrerad är raderad ur registret.').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    const gone = await h.testApp.db.query('SELECT 1 FROM student WHERE id = $1', [pupil]);
    expect(gone.rows).toHaveLength(0);
    await page.context().close();
  });

  it('shows the principal, in Swedish, why a pupil with a case cannot be erased', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'rektor@storsjo.demo');
    await page.goto(`/elever/${CASE_PUPIL}`);
    await page.getByRole('button', { name: 'Radera elev (registrerad av misstag)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Radera eleven' });
    await dialog.getByRole('button', { name: 'Radera eleven' }).click();
    await dialog.getByText('Eleven kan inte raderas').waitFor();
    await dialog.getByText(/Eleven har ett ärende \(öppet eller avslutat\)/).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'principal-erase-refused');
    await dialog.getByRole('button', { name: 'Stäng' }).first().click();
    const kept = await h.testApp.db.query('SELECT 1 FROM student WHERE id = $1', [CASE_PUPIL]);
    expect(kept.rows).toHaveLength(1);
    await page.context().close();
  });

  it('offers erasure to the principal only', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await page.goto(`/elever/${CASE_PUPIL}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: 'Radera elev (registrerad av misstag)' }).count()).toBe(0);
    await page.context().close();
  });
});
