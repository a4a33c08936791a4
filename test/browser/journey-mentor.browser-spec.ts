import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, BrowserWindow, logIn, screenshot, startBrowserHarness } from './browser';

// The reasons as the watch list words them (texts/sv/pupils.ts), one pattern per rule.
const REASON =
  /Frånvaro [\d,]+ % senaste (veckan|\d+ veckorna), varav [\d,]+ % ogiltig \(gräns [\d,]+ %\)|\d+ dagar i rad med ogiltig frånvaro|Återkommande frånvaro på (måndagar|tisdagar|onsdagar|torsdagar|fredagar)|Ökande frånvaro \d+ veckor i rad/;

interface WatchlistItem {
  studentId: string;
  firstName: string;
  lastName: string;
  personnummerMasked: string;
  rulesHit: { rule: string }[];
  openFlag: boolean;
}

describe('journey 1: mentor/teacher (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('watch list with reasons in words → pupil (masked personnummer, chart) → flag to elevhälsa', async () => {
    const mentor = await bearer(h.testApp.http, 'mentor@storsjo.demo');
    const school = demoId('agency:storsjo');
    const watchlist = await h.testApp.http
      .get(`${API}/schools/${school}/watchlist?sort=absence&limit=50`)
      .set('Authorization', mentor);
    expect(watchlist.status).toBe(200);
    const items = watchlist.body.items as WatchlistItem[];
    expect(items.length).toBeGreaterThan(0);

    // Log in: the mentor's start page is the watch list.
    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await page.waitForURL(/\/bevakning$/);
    await page.getByRole('heading', { level: 1, name: 'Bevakningslista' }).waitFor();
    const table = page.getByRole('table', { name: 'Elever på bevakningslistan, med skälen' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(items.length);

    // Every pupil is there with as many reasons as rules hit, each in words (not rule codes).
    for (const [i, item] of items.entries()) {
      const row = rows.nth(i);
      await row.getByRole('link', { name: `${item.firstName} ${item.lastName}` }).waitFor();
      const reasons = await row.getByRole('listitem').allInnerTexts();
      expect(reasons).toHaveLength(item.rulesHit.length);
      for (const reason of reasons) expect(reason).toMatch(REASON);
    }
    const pageText = await page.locator('main').innerText();
    expect(pageText).not.toMatch(/absence_share|invalid_streak|weekday_pattern|rising_trend/);
    await screenshot(page, 'watchlist');

    // Open a pupil who has no flag waiting yet and no open case (one flag per worry).
    const { rows: withCase } = await h.testApp.db.query<{ student_id: string }>(
      `SELECT student_id FROM support_case WHERE status <> 'closed'`,
    );
    const busy = new Set(withCase.map((r) => r.student_id));
    const pupil = items.find((item) => !item.openFlag && !busy.has(item.studentId)) ?? items[0];
    await page.getByRole('link', { name: `${pupil.firstName} ${pupil.lastName}` }).click();
    await page.waitForURL(new RegExp(`/elever/${pupil.studentId}$`));
    await page.getByRole('heading', { level: 1, name: `${pupil.firstName} ${pupil.lastName}` }).waitFor();

    // The personnummer masked as the API gives it; the full number nowhere in the page.
    const [{ personnummer }] = (
      await h.testApp.db.query<{ personnummer: string }>(`SELECT personnummer FROM student WHERE id = $1`, [
        pupil.studentId,
      ])
    ).rows;
    await page.getByText(pupil.personnummerMasked, { exact: true }).waitFor();
    const chart = page.getByRole('img', { name: /Stapeldiagram: frånvaro i procent av schemalagd tid per vecka/ });
    await chart.waitFor();
    await page.locator('[data-testid="chart"] .recharts-bar-rectangle').first().waitFor();
    const weekRows = page.getByRole('table', { name: /Närvaro och frånvaro per vecka/ }).locator('tbody tr');
    expect(await weekRows.count()).toBeGreaterThan(0);
    const absence = await h.testApp.http.get(`${API}/students/${pupil.studentId}/absence`).set('Authorization', mentor);
    expect(await weekRows.count()).toBe(
      (absence.body.weeks as { offeredMinutes: number }[]).filter((w) => w.offeredMinutes > 0).length,
    );
    const fullNumbers = [personnummer, `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`, personnummer.slice(2)];
    const visible = await page.locator('body').innerText();
    const html = await page.content();
    for (const full of fullNumbers) {
      expect(visible).not.toContain(full);
      expect(html).not.toContain(full);
    }
    await screenshot(page, 'student');

    // Flag: the text survives a reload (draft), then goes to elevhälsa.
    const text = `Borta de flesta måndagar sedan höstlovet. Har pratat med eleven (browser test ${Date.now()}).`;
    const textbox = page.getByRole('textbox', { name: 'Vad ser du, och vad har du provat?' });
    await textbox.fill(text);
    await page.reload();
    await page.getByRole('textbox', { name: 'Vad ser du, och vad har du provat?' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Vad ser du, och vad har du provat?' }).inputValue()).toBe(text);
    await page.getByRole('button', { name: 'Skicka anmälan till elevhälsan' }).click();
    await page.getByText('Anmälan är skickad till elevhälsan.').waitFor();
    const sent = page.getByTestId('sent-flag');
    await sent.getByText(text).waitFor();
    await sent.getByText('Ny – väntar på elevhälsan').waitFor();
    await screenshot(page, 'student-flagged');

    const { rows: flags } = await h.testApp.db.query<{ id: string; status: string; created_by: string }>(
      `SELECT id, status, created_by FROM absence_flag WHERE student_id = $1 AND text = $2`,
      [pupil.studentId, text],
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ status: 'new', created_by: demoId('user:mentor@storsjo.demo') });

    // Elevhälsa sees it in the inbox.
    const elevhalsa = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
    const inbox = await h.testApp.http.get(`${API}/flags?status=new`).set('Authorization', elevhalsa);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ id: flags[0].id, studentId: pupil.studentId, text, status: 'new' }),
    );
    // The draft is gone once sent.
    expect(
      await page.evaluate(
        (key) => (globalThis as unknown as BrowserWindow).sessionStorage.getItem(key),
        `narvaroteam.draft.${demoId('user:mentor@storsjo.demo')}.flag:${pupil.studentId}`,
      ),
    ).toBeNull();
    await page.context().close();
  });

  it("a mentor of another school opening a Storsjö pupil's address sees not-found, and no data", async () => {
    const studentId = demoId('pupil:53');
    const { rows } = await h.testApp.db.query<{ first_name: string; last_name: string; personnummer: string }>(
      `SELECT first_name, last_name, personnummer FROM student WHERE id = $1`,
      [studentId],
    );
    const page = await h.newPage('/');
    await logIn(page, 'mentor@park.demo');
    await page.goto(`/elever/${studentId}`);
    await page.getByRole('alert').filter({ hasText: 'Sidan eller uppgiften finns inte' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(rows[0].last_name);
    expect(text).not.toContain(rows[0].personnummer.slice(0, 8));
    expect(await page.getByRole('img', { name: /Stapeldiagram/ }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.context().close();
  });
});
