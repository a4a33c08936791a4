import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const STATUS_LABELS: Record<string, string> = {
  open: 'Öppet',
  mapping: 'Kartläggning',
  plan_active: 'Plan gäller',
  follow_up: 'Uppföljning',
  closed: 'Avslutat',
};

interface LeadTimeStat {
  measure: string;
  medianDays: number | null;
}

describe('overview for the principal (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the term’s cases by status, lead times and outcomes as the API gives them, small cells hidden', async () => {
    const school = demoId('agency:storsjo');
    const rektor = await bearer(h.testApp.http, 'rektor@storsjo.demo');
    const outcomes = await h.testApp.http.get(`${API}/stats/outcomes?schoolId=${school}`).set('Authorization', rektor);
    expect(outcomes.status).toBe(200);
    const suppressed = outcomes.body.suppressed as string[];
    // The demo school has fewer than 5 cases in some status: the API suppresses those cells.
    expect(suppressed.filter((name) => name.startsWith('casesByStatus.')).length).toBeGreaterThan(0);

    // A shared link: to the login page, and back to the overview after logging in.
    const page = await h.newPage('/oversikt');
    await page.waitForURL(/\/logga-in\?next=%2Foversikt$/);
    await logIn(page, 'rektor@storsjo.demo');
    await page.waitForURL(/\/oversikt$/);
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();

    // Cases opened in the term by status: hidden cells read "visas inte", never a number.
    const outcomeTable = page.getByRole('table', { name: 'Ärenden som öppnades under terminen, efter status i dag' });
    await outcomeTable.waitFor();
    for (const status of Object.keys(STATUS_LABELS)) {
      const row = outcomeTable.locator(`tbody tr[data-status="${status}"]`);
      expect(await row.getByRole('rowheader').innerText()).toBe(STATUS_LABELS[status]);
      const value = (outcomes.body.casesByStatus as Record<string, number | null>)[status];
      if (value === null) {
        expect(suppressed).toContain(`casesByStatus.${status}`);
        expect(await row.getByRole('cell').innerText()).toBe('visas inte');
      } else {
        expect(await row.getByRole('cell').innerText()).toBe(String(value));
      }
    }

    // Lead times of the same term: each measure's median as the API gives it, in whole days.
    const leadTable = page.getByRole('table', { name: 'Ledtider i dagar för ärenden som öppnades under terminen' });
    await leadTable.waitFor();
    const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagar'}`;
    for (const m of outcomes.body.leadTimes as LeadTimeStat[]) {
      const cells = await leadTable.locator(`tbody tr[data-measure="${m.measure}"] td`).allInnerTexts();
      expect(cells[0]).toBe(m.medianDays === null ? 'visas inte' : days(m.medianDays));
    }

    const keyFigures = page.getByRole('table', { name: 'Nyckeltal för ärenden som öppnades under terminen' });
    await keyFigures.waitFor();
    // The current term by default; an earlier one by choice, its figures as the API gives them.
    const terms = outcomes.body.terms as { term: string; from: string; to: string }[];
    const termName = (term: string) => `${term.endsWith('HT') ? 'Hösttermin' : 'Vårtermin'} ${term.slice(0, 4)}`;
    const intro = page.getByTestId('overview-term');
    expect(await intro.innerText()).toContain(
      `${termName(outcomes.body.term)}, ${outcomes.body.from} – ${outcomes.body.to}`,
    );
    const chooser = page.getByRole('combobox', { name: 'Termin' });
    expect(await chooser.locator('option').allInnerTexts()).toEqual(
      terms.map((t) => `${termName(t.term)} (${t.from} – ${t.to})`),
    );
    const previous = terms[1];
    const earlier = await h.testApp.http
      .get(`${API}/stats/outcomes?schoolId=${school}&term=${previous.term}`)
      .set('Authorization', rektor);
    expect(earlier.status).toBe(200);
    await chooser.selectOption(previous.term);
    await intro.filter({ hasText: `${termName(previous.term)}, ${previous.from} – ${previous.to}` }).waitFor();
    for (const status of Object.keys(STATUS_LABELS)) {
      const cell = await outcomeTable.locator(`tbody tr[data-status="${status}"] td`).innerText();
      const value = (earlier.body.casesByStatus as Record<string, number | null>)[status];
      expect(cell).toBe(value === null ? 'visas inte' : String(value));
    }
    await chooser.selectOption(terms[0].term);
    await intro.filter({ hasText: `${termName(terms[0].term)}, ${terms[0].from}` }).waitFor();
    await screenshot(page, 'overview');
    await page.context().close();
  });

  it('shows the coordinator (elevhälsa) the same overview of the school', async () => {
    const page = await h.newPage('/oversikt');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.waitForURL(/\/oversikt$/);
    await page.getByRole('table', { name: 'Ärenden som öppnades under terminen, efter status i dag' }).waitFor();
    await page.getByRole('table', { name: 'Ledtider i dagar för ärenden som öppnades under terminen' }).waitFor();
    await page.getByRole('table', { name: 'Nyckeltal för ärenden som öppnades under terminen' }).waitFor();
    await screenshot(page, 'overview-elevhalsa');
    await page.context().close();
  });

  it('is refused in words to a mentor, who sees no figures', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await page.goto('/oversikt');
    await page.getByText('Du har inte behörighet till detta.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.context().close();
  });
});
