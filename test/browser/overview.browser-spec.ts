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
  cases: number;
  medianDays: number | null;
}

const swedishNumber = (value: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value);

describe('overview for the principal (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the school’s cases by status, lead-time medians and outcome statistics with small cells suppressed', async () => {
    const school = demoId('agency:storsjo');
    const { rows: counts } = await h.testApp.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM support_case WHERE school_id = $1 GROUP BY status`,
      [school],
    );
    expect(counts.length).toBeGreaterThan(0);
    const rektor = await bearer(h.testApp.http, 'rektor@storsjo.demo');
    const leadTimes = await h.testApp.http.get(`${API}/schools/${school}/lead-times`).set('Authorization', rektor);
    expect(leadTimes.status).toBe(200);
    const outcomes = await h.testApp.http.get(`${API}/stats/outcomes?schoolId=${school}`).set('Authorization', rektor);
    expect(outcomes.status).toBe(200);
    const suppressed = outcomes.body.suppressed as string[];
    // The demo school has fewer than 5 cases in every status: the API suppresses those cells.
    expect(suppressed.filter((name) => name.startsWith('casesByStatus.')).length).toBeGreaterThan(0);

    // A shared link: to the login page, and back to the overview after logging in.
    const page = await h.newPage('/oversikt');
    await page.waitForURL(/\/logga-in\?next=%2Foversikt$/);
    await logIn(page, 'rektor@storsjo.demo');
    await page.waitForURL(/\/oversikt$/);
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();

    // Cases by status: the counts match the database, as a chart and as a table.
    const byStatus = page.getByRole('table', { name: 'Antal ärenden per status' });
    await byStatus.waitFor();
    for (const [status, label] of Object.entries(STATUS_LABELS)) {
      const expected = counts.find((c) => c.status === status)?.n ?? 0;
      const row = byStatus.locator(`tbody tr[data-status="${status}"]`);
      expect(await row.getByRole('rowheader').innerText()).toBe(label);
      expect(await row.getByRole('cell').innerText()).toBe(String(expected));
    }
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    expect(await byStatus.locator('tfoot td').innerText()).toBe(String(total));
    await page.getByRole('img', { name: /Stapeldiagram: antal ärenden per status/ }).waitFor();

    // Lead times: each measure's median as the API computes it.
    const leadTable = page.getByRole('table', { name: 'Ledtider i dagar för skolans ärenden' });
    await leadTable.waitFor();
    const measures = leadTimes.body.measures as LeadTimeStat[];
    expect(measures.some((m) => m.medianDays !== null)).toBe(true);
    for (const m of measures) {
      const cells = await leadTable.locator(`tbody tr[data-measure="${m.measure}"] td`).allInnerTexts();
      expect(cells[0]).toBe(String(m.cases));
      expect(cells[1]).toBe(
        m.medianDays === null ? 'Inga ärenden med det steget' : `${swedishNumber(m.medianDays)} dagar`,
      );
    }
    await page.getByRole('img', { name: /Stapeldiagram: median antal dagar per steg/ }).waitFor();

    // Outcomes: suppressed cells read "färre än 5", never a number.
    const outcomeTable = page.getByRole('table', { name: 'Ärenden som öppnades under terminen, efter status i dag' });
    await outcomeTable.waitFor();
    for (const status of Object.keys(STATUS_LABELS)) {
      const cell = await outcomeTable.locator(`tbody tr[data-status="${status}"] td`).innerText();
      const value = (outcomes.body.casesByStatus as Record<string, number | null>)[status];
      if (value === null) {
        expect(suppressed).toContain(`casesByStatus.${status}`);
        expect(cell).toBe('färre än 5');
      } else {
        expect(cell).toBe(String(value));
      }
    }
    const keyFigures = page.getByRole('table', { name: 'Nyckeltal för terminen' });
    if (outcomes.body.medianDaysToPlan === null) {
      await keyFigures
        .getByRole('row', { name: /Median antal dagar från öppnat ärende till överenskommen plan/ })
        .getByText('färre än 5')
        .waitFor();
    }
    const section = page.locator('section[aria-labelledby="outcomes"]');
    const outcomeText = await section.innerText();
    expect(outcomeText).toContain('färre än 5');
    // The current term by default; an earlier one by choice, its figures as the API gives them.
    const terms = outcomes.body.terms as { term: string; from: string; to: string }[];
    const termName = (term: string) => `${term.endsWith('HT') ? 'Hösttermin' : 'Vårtermin'} ${term.slice(0, 4)}`;
    expect(outcomeText).toContain(`${termName(outcomes.body.term)}, ${outcomes.body.from} – ${outcomes.body.to}`);
    const chooser = section.getByRole('combobox', { name: 'Termin' });
    expect(await chooser.locator('option').allInnerTexts()).toEqual(
      terms.map((t) => `${termName(t.term)} (${t.from} – ${t.to})`),
    );
    const previous = terms[1];
    const earlier = await h.testApp.http
      .get(`${API}/stats/outcomes?schoolId=${school}&term=${previous.term}`)
      .set('Authorization', rektor);
    expect(earlier.status).toBe(200);
    await chooser.selectOption(previous.term);
    await section.getByText(`${termName(previous.term)}, ${previous.from} – ${previous.to}`).waitFor();
    for (const status of Object.keys(STATUS_LABELS)) {
      const cell = await outcomeTable.locator(`tbody tr[data-status="${status}"] td`).innerText();
      const value = (earlier.body.casesByStatus as Record<string, number | null>)[status];
      expect(cell).toBe(value === null ? 'färre än 5' : String(value));
    }
    await chooser.selectOption(terms[0].term);
    await section.getByText(`${termName(terms[0].term)}, ${terms[0].from}`).waitFor();
    await screenshot(page, 'overview');
    await page.context().close();
  });

  it('shows the coordinator (elevhälsa) the same overview of the school', async () => {
    const { rows } = await h.testApp.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM support_case WHERE school_id = $1`,
      [demoId('agency:storsjo')],
    );
    const page = await h.newPage('/oversikt');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.waitForURL(/\/oversikt$/);
    const byStatus = page.getByRole('table', { name: 'Antal ärenden per status' });
    await byStatus.waitFor();
    expect(await byStatus.locator('tfoot td').innerText()).toBe(String(rows[0].n));
    await page.getByRole('table', { name: 'Ledtider i dagar för skolans ärenden' }).waitFor();
    await page.getByRole('table', { name: 'Nyckeltal för terminen' }).waitFor();
    await page.getByRole('img', { name: /Stapeldiagram: median antal dagar per steg/ }).waitFor();
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
