import { demoId } from '@app/demo';
import { settled, wcagViolations } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const STORSJO = demoId('agency:storsjo');

describe('school screens: guardian notices, absence investigations, absence rules (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const menu = (page: Awaited<ReturnType<BrowserHarness['newPage']>>, name: string) =>
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name }).click();

  it("the mentor records that a pupil's guardians were told of a day's invalid absence", async () => {
    // The latest school day with an invalid absence at the school whose guardians are not yet told.
    const { rows } = await h.testApp.db.query<{ day: string; student_id: string; name: string }>(
      `SELECT l.lesson_date::text AS day, s.id AS student_id, s.first_name || ' ' || s.last_name AS name
         FROM attendance_lesson l JOIN student s ON s.id = l.student_id
        WHERE s.school_id = $1 AND l.invalid_absence_minutes > 0 AND l.lesson_date <= current_date
          AND NOT EXISTS (SELECT 1 FROM guardian_notice g WHERE g.student_id = s.id AND g.absence_date = l.lesson_date)
        ORDER BY l.lesson_date DESC, s.id LIMIT 1`,
      [STORSJO],
    );
    expect(rows).toHaveLength(1);
    const [{ day, student_id, name }] = rows;

    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await menu(page, 'Dagens vårdnadshavarbesked');
    await page.getByRole('heading', { name: 'Dagens vårdnadshavarbesked', exact: true }).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Skoldag').fill(day);
    await page.getByLabel('Visa bara elever vars vårdnadshavare inte fått besked').check();
    await page.getByRole('button', { name: `Registrera besked för ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Hur').selectOption({ label: 'Sms' });
    expect(await wcagViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Spara beskedet' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Only the uninformed are listed: the pupil is gone from the list.
    await page.getByRole('button', { name: `Registrera besked för ${name}` }).waitFor({ state: 'detached' });
    const notice = await h.testApp.db.query<{ method: string }>(
      'SELECT method FROM guardian_notice WHERE student_id = $1 AND absence_date = $2',
      [student_id, day],
    );
    expect(notice.rows).toEqual([{ method: 'sms' }]);
    await page.getByLabel('Visa bara elever vars vårdnadshavare inte fått besked').uncheck();
    await page.getByTestId('notices-table').getByRole('row').filter({ hasText: name }).getByText(/^Sms /).waitFor();
    await screenshot(page, 'mentor-guardian-notices');
    await page.context().close();
  });

  it('the principal starts an absence investigation for a listed pupil and records the report to the huvudman', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'rektor@storsjo.demo');
    await menu(page, 'Frånvaroutredningar');
    await page.getByRole('heading', { name: 'Frånvaroutredningar', exact: true }).waitFor();
    await page.getByTestId('overview-table').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'principal-investigations');

    const first = page.getByTestId('overview-table').getByRole('row').nth(1);
    const name = (await first.getByRole('rowheader').textContent())!.trim();
    await first.getByRole('button', { name: `Starta utredning för ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Starta utredningen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('started-investigations').getByText(name, { exact: false }).waitFor();
    await page
      .getByTestId('overview-table')
      .getByRole('rowheader', { name, exact: true })
      .waitFor({ state: 'detached' });

    await page.getByRole('button', { name: `Anmälan till huvudmannen för ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Spara anmälan' }).click();
    await page
      .getByTestId('started-investigations')
      .getByText(/anmäld till huvudmannen/)
      .waitFor();
    const { rows } = await h.testApp.db.query<{ informed: boolean }>(
      `SELECT huvudman_informed_on IS NOT NULL AS informed FROM absence_investigation i JOIN student s ON s.id = i.student_id
        WHERE s.first_name || ' ' || s.last_name = $1 AND i.created_at > now() - interval '10 minutes'`,
      [name],
    );
    expect(rows).toEqual([{ informed: true }]);
    await page.context().close();
  });

  it('the principal changes an absence rule within its bounds; a value outside is refused at the field', async () => {
    const page = await h.newPage('/');
    await logIn(page, 'rektor@storsjo.demo');
    await menu(page, 'Frånvaroregler');
    await page.getByRole('heading', { name: 'Frånvaroregler', exact: true }).waitFor();
    await page.getByRole('form').first().waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    const form = page.getByRole('form').first();
    const input = form.getByRole('textbox').first();
    const original = await input.inputValue();
    await input.fill('100000');
    await form.getByRole('button', { name: 'Spara regeln' }).click();
    await form.getByTestId('form-problem').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'principal-rules');

    const before = await h.testApp.db.query('SELECT kind, params, enabled FROM absence_rule ORDER BY kind');
    await form.getByLabel('Regeln används').click();
    await form.getByRole('button', { name: 'Spara regeln' }).click();
    // Still refused while the value is out of bounds; a value within them is saved.
    await form.getByTestId('form-problem').waitFor();
    const unchanged = await h.testApp.db.query('SELECT kind, params, enabled FROM absence_rule ORDER BY kind');
    expect(unchanged.rows).toEqual(before.rows);
    await input.fill(original);
    await form.getByRole('button', { name: 'Spara regeln' }).click();
    await page.getByRole('status').getByText('Regeln är sparad.').waitFor();
    const after = await h.testApp.db.query('SELECT kind, params, enabled FROM absence_rule ORDER BY kind');
    expect(after.rows).not.toEqual(before.rows);
    await page.context().close();
  });
});
