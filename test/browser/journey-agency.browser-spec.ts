import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const SOC = demoId('agency:soc');
const SOC_WORKER = demoId('user:soc@ostersund.demo');

describe('journey 3: agency case worker (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const pupilOf = async (caseId: string) =>
    (
      await h.testApp.db.query(
        `SELECT s.first_name, s.last_name FROM support_case c JOIN student s ON s.id = c.student_id WHERE c.id = $1`,
        [caseId],
      )
    ).rows[0] as { first_name: string; last_name: string };

  it('inbox → accept naming the representative → only our cases → mapping → our actions', async () => {
    const soc = await bearer(h.testApp.http, 'soc@ostersund.demo');
    const case53 = demoId('case:53');
    const case78 = demoId('case:78');
    const case103 = demoId('case:103');
    const pupil53 = await pupilOf(case53);

    // The inbox: the pending invitation to pupil 53's case, with the pupil's name (consent covers case_summary).
    const page = await h.newPage('/inbjudningar');
    // The app sends a visitor to the login page and back here after.
    await page.waitForURL(/\/logga-in\?next=/);
    await logIn(page, 'soc@ostersund.demo');
    await page.waitForURL(/\/inbjudningar$/);
    await page.getByRole('heading', { level: 1, name: 'Inbjudningar' }).waitFor();
    const table = page.getByRole('table', { name: 'Inbjudningar till er myndighet' });
    const row = table.getByRole('row').filter({ hasText: 'NT-DEMO-001' });
    await row.waitFor();
    await row.getByText('Väntar på svar').waitFor();
    await row.getByText(`${pupil53.first_name} ${pupil53.last_name}`).waitFor();
    await screenshot(page, 'agency-invitations');

    // Accept, naming the representative (the caller: the one agency worker the API lets us name).
    await row.getByRole('button', { name: 'Acceptera inbjudan till NT-DEMO-001' }).click();
    const dialog = page.getByRole('dialog', { name: 'Acceptera inbjudan till NT-DEMO-001' });
    await dialog.getByLabel('Er representant i ärendet').selectOption(SOC_WORKER);
    await dialog.getByRole('button', { name: 'Acceptera inbjudan' }).click();
    await page.getByRole('status').filter({ hasText: 'Ni har accepterat inbjudan till NT-DEMO-001.' }).waitFor();
    await row.getByText('Representant: Sara Socialsekreterare').waitFor();
    const { rows: accepted } = await h.testApp.db.query(
      `SELECT status, representative_id, responded_by FROM mobilisation WHERE case_id = $1 AND agency_id = $2`,
      [case53, SOC],
    );
    expect(accepted).toEqual([{ status: 'accepted', representative_id: SOC_WORKER, responded_by: SOC_WORKER }]);

    // The coordinator sees the answer on the case: Socialtjänsten said yes, with its representative.
    const coordinator = await h.newPage(`/arenden/${case53}?flik=mobilisering`);
    await logIn(coordinator, 'elevhalsa@storsjo.demo');
    const answers = coordinator.getByTestId('mobilisations-table');
    const socAnswer = answers.getByRole('row').filter({ hasText: 'Socialtjänsten Östersund' });
    await socAnswer.getByText('Tackat ja').waitFor();
    // The answer is shown whole, not cut to "TACK…" by a narrow column.
    const fits = await socAnswer.getByText('Tackat ja').evaluate((el) => {
      const box = el as unknown as { scrollWidth: number; clientWidth: number };
      return box.scrollWidth <= box.clientWidth;
    });
    expect(fits).toBe(true);
    await socAnswer.getByText('Sara Socialsekreterare').waitFor();
    const { rows: invited } = await h.testApp.db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> 'pending')::int AS answered
         FROM mobilisation WHERE case_id = $1`,
      [case53],
    );
    await expect(coordinator.getByTestId('mobilisation-summary').textContent()).resolves.toMatch(
      new RegExp(`^${invited[0].total} inbjudna: ${invited[0].answered} har svarat`),
    );
    expect(invited[0].answered).toBeGreaterThan(0);
    await screenshot(coordinator, 'elevhalsa-mobilisation-answered');
    await coordinator.context().close();

    // The cases: exactly those Socialtjänsten is mobilised into with consent in force.
    const { rows: expected } = await h.testApp.db.query(
      `SELECT c.reference FROM support_case c
        WHERE EXISTS (SELECT 1 FROM mobilisation m WHERE m.case_id = c.id AND m.agency_id = $1 AND m.status <> 'declined')
          AND EXISTS (SELECT 1 FROM consent k WHERE k.case_id = c.id AND k.agency_id = $1 AND k.withdrawn_at IS NULL
                        AND k.given_at <= current_date AND (k.valid_until IS NULL OR k.valid_until >= current_date))
        ORDER BY c.reference`,
      [SOC],
    );
    const references = expected.map((r: { reference: string }) => r.reference);
    expect(references).toEqual(['NT-DEMO-001', 'NT-DEMO-002', 'NT-DEMO-003']);
    const listed = await h.testApp.http.get(`${API}/cases?limit=100`).set('Authorization', soc);
    expect(listed.body.items.map((c: { reference: string }) => c.reference).sort()).toEqual(references);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).click();
    await page.waitForURL(/\/arenden$/);
    const cases = page.getByTestId('cases-table');
    await cases.waitFor();
    await cases.getByRole('link', { name: 'NT-DEMO-001' }).waitFor();
    const shown = (await cases.locator('tbody tr th').allInnerTexts()).map((s) => s.trim()).sort();
    expect(shown).toEqual(references);
    const casesText = await page.locator('main').innerText();
    for (const other of ['NT-DEMO-004', 'NT-DEMO-005']) expect(casesText).not.toContain(other);
    await screenshot(page, 'agency-cases');

    // Open pupil 78's case (consent covers the mapping) and add our contribution about leisure and friends.
    await cases.getByRole('link', { name: 'NT-DEMO-002' }).click();
    await page.waitForURL(new RegExp(`/arenden/${case78}`));
    await page.getByRole('tab', { name: 'Kartläggning' }).click();
    const leisure = page.getByTestId('mapping-section-leisure_friends');
    await leisure.getByText('Inga bidrag ännu.').waitFor();
    // The school's and our earlier contributions are there, signed with author and agency.
    await page
      .getByTestId('mapping-section-home_family')
      .getByText('Sara Socialsekreterare, Socialtjänsten Östersund')
      .first()
      .waitFor();
    const words = 'Eleven spelar fotboll två kvällar i veckan och har två nära vänner i klassen.';
    await leisure.getByRole('textbox', { name: 'Ditt bidrag: Fritid och kamrater' }).fill(words);
    await leisure.getByRole('button', { name: 'Lägg till bidrag om fritid och kamrater' }).click();
    await leisure.getByRole('status').filter({ hasText: 'Bidraget är sparat.' }).waitFor();
    const contribution = leisure.getByTestId('mapping-contribution').filter({ hasText: words });
    await contribution.getByText('Sara Socialsekreterare, Socialtjänsten Östersund').waitFor();
    await screenshot(page, 'agency-mapping');

    // Edit our own contribution.
    await contribution.getByRole('button', { name: /^Ändra/ }).click();
    const edited = `${words} Han tränar även på helgerna.`;
    await leisure.getByRole('textbox', { name: 'Ändra ditt bidrag' }).fill(edited);
    await leisure.getByRole('button', { name: 'Spara ändringen' }).click();
    await leisure.getByRole('button', { name: 'Spara ändringen' }).waitFor({ state: 'detached' });
    await leisure
      .getByTestId('mapping-contribution')
      .filter({ hasText: edited })
      .getByText(/ändrad/)
      .waitFor();
    const { rows: mapped } = await h.testApp.db.query(
      `SELECT text, author_id, agency_id FROM mapping_contribution WHERE case_id = $1 AND section = 'leisure_friends'`,
      [case78],
    );
    expect(mapped).toEqual([{ text: edited, author_id: SOC_WORKER, agency_id: SOC }]);

    // Our actions: pupil 103's plan (consent covers the plan), not pupil 78's (it does not).
    const work = await h.testApp.http.get(`${API}/actions?agency=true&limit=100`).set('Authorization', soc);
    expect(work.status).toBe(200);
    const workItems = work.body.items as { id: string; caseId: string; description: string }[];
    expect(workItems.map((i) => i.caseId)).toEqual([case103]);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Våra åtgärder' }).click();
    await page.waitForURL(/\/atgarder$/);
    const actions = page.getByRole('table', { name: 'Åtgärder, sorterade efter när de ska vara klara' });
    await actions.waitFor();
    expect(await actions.locator('tbody tr').count()).toBe(workItems.length);
    const action = workItems[0];
    const actionRow = actions.getByRole('row').filter({ hasText: action.description });
    await actionRow.getByText('Pågår').waitFor();
    await actionRow.getByRole('link', { name: 'Öppna handlingsplanen i NT-DEMO-003' }).waitFor();
    await screenshot(page, 'agency-actions');

    // Update its status and add a progress note.
    await actionRow.getByRole('button', { name: `Uppdatera åtgärden: ${action.description}` }).click();
    const update = page.getByRole('dialog', { name: `Uppdatera åtgärden: ${action.description}` });
    await update.getByLabel('Status').selectOption({ label: 'Klar' });
    const note = 'Fyra hembesök gjorda; familjen har nu kontakt med öppenvården.';
    await update.getByRole('textbox', { name: 'Ny anteckning om hur det går' }).fill(note);
    await update.getByRole('button', { name: 'Spara uppdateringen' }).click();
    await update.getByRole('status').filter({ hasText: 'Uppdateringen är sparad.' }).waitFor();
    await update.getByText(note).waitFor();
    await screenshot(page, 'agency-action-update');
    await update.getByRole('button', { name: 'Spara uppdateringen' }).press('Escape');
    await actionRow.getByText('Klar').waitFor();

    const plan = await h.testApp.http.get(`${API}/cases/${case103}/plan`).set('Authorization', soc);
    const saved = (plan.body.actions as { id: string; status: string; progressNotes: object[] }[]).find(
      (a) => a.id === action.id,
    )!;
    expect(saved.status).toBe('done');
    expect(saved.progressNotes).toEqual([
      expect.objectContaining({
        text: note,
        author: { id: SOC_WORKER, displayName: 'Sara Socialsekreterare' },
        agency: expect.objectContaining({ id: SOC }),
      }),
    ]);
    await page.context().close();
  });

  it('does not show BUP a case it is not in, even by its address', async () => {
    const case103 = demoId('case:103'); // Socialtjänsten and habiliteringen only.
    const pupil = await pupilOf(case103);
    const bup = await bearer(h.testApp.http, 'bup@regionjh.demo');
    expect((await h.testApp.http.get(`${API}/cases/${case103}`).set('Authorization', bup)).status).toBe(404);

    const page = await h.newPage(`/arenden/${case103}`);
    // The app sends a visitor to the login page and back here after.
    await page.waitForURL(/\/logga-in\?next=/);
    await logIn(page, 'bup@regionjh.demo');
    await page.waitForURL(new RegExp(`/arenden/${case103}$`));
    const notFound = 'Sidan eller uppgiften finns inte, eller så har du inte behörighet att se den.';
    for (const tab of ['Översikt', 'Kartläggning', 'Handlingsplan']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByRole('alert').filter({ hasText: notFound }).waitFor();
      const text = await page.locator('body').innerText();
      for (const leak of [
        `${pupil.first_name} ${pupil.last_name}`,
        pupil.last_name,
        'NT-DEMO-003',
        'Föräldrastöd',
        'Familjen har haft',
      ]) {
        expect(text).not.toContain(leak);
      }
    }
    await screenshot(page, 'agency-case-not-found');
    await page.context().close();
  });
});
