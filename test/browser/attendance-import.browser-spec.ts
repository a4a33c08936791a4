import { demoId } from '@app/demo';
import { settled, wcagViolations } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const HEADER =
  'external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason';

describe('attendance import screen (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the mentor uploads a file: a refused file reports each rejected line in Swedish; partial mode imports the rest', async () => {
    const { rows } = await h.testApp.db.query<{ personnummer: string }>(
      'SELECT personnummer FROM student WHERE id = $1',
      [demoId('pupil:20')],
    );
    const csv = Buffer.from(
      `${HEADER}\nweb-1,${rows[0].personnummer},2025-09-15,08:10,60,0,20,Sen\nweb-2,19990101-0001,2025-09-15,09:10,60,0,20,\n`,
    );
    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Närvaroimport' }).click();
    await page.getByRole('heading', { name: 'Närvaroimport', exact: true }).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    // No file chosen: said at the field.
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await page.getByText('Välj en fil.').waitFor();

    await page.locator('input[type="file"]').setInputFiles({ name: 'narvaro.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('Filen avvisades: inget lästes in.', { exact: false }).waitFor();
    await report.getByText('2 rader: 0 inlästa, 1 avvisad.').waitFor();
    await report
      .getByRole('row')
      .filter({ hasText: 'Personnumret är inte giltigt.' })
      .getByText('personnummer')
      .waitFor();
    expect(await page.getByTestId('upload-progress').count()).toBe(1);
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Läs in de giltiga raderna även om några är felaktiga').check();
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await report.getByText('2 rader: 1 inläst, 1 avvisad.').waitFor();
    // Both imports are in the school's list, newest first.
    const earlier = page.getByTestId('imports-table');
    await earlier.getByRole('row').nth(1).getByText('Klar').waitFor();
    await earlier.getByRole('row').nth(2).getByText('Avvisad').waitFor();
    await screenshot(page, 'mentor-import');
    const lesson = await h.testApp.db.query(
      `SELECT invalid_absence_minutes FROM attendance_lesson WHERE student_id = $1 AND lesson_date = '2025-09-15' AND start_time = '08:10'`,
      [demoId('pupil:20')],
    );
    expect(lesson.rows).toEqual([{ invalid_absence_minutes: 20 }]);
    await page.context().close();
  });
});
