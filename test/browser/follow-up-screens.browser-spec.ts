import type { Page } from 'playwright-core';
import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { settled, wcagViolations } from './axe';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';
import { Given, givenFor, monthsAgo } from '../support/given';

const ELEVHALSA = demoId('user:elevhalsa@storsjo.demo');

describe('single lesson entry, reviews and follow-ups after closure (browser)', () => {
  let h: BrowserHarness;
  let given: Given;
  const today = swedishDate();
  beforeAll(async () => {
    h = await startBrowserHarness();
    given = givenFor(h.testApp.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
  const menu = (page: Page, name: string) => nav(page).getByRole('link', { name, exact: true }).click();
  const pupilName = async (id: string) =>
    (
      await h.testApp.db.query<{ name: string; class_name: string; first: string; last: string }>(
        `SELECT first_name || ' ' || last_name AS name, first_name AS first, last_name AS last, class_name
           FROM student WHERE id = $1`,
        [id],
      )
    ).rows[0];

  it('the mentor enters one lesson of the day for a pupil of a class, with the error at the field', async () => {
    const { id: studentId } = await given.pupil();
    const pupil = await pupilName(studentId);
    const page = await h.newPage('/');
    await logIn(page, 'mentor@storsjo.demo');
    await menu(page, 'Registrera lektion');
    await page.getByRole('heading', { name: 'Registrera lektionsnärvaro', exact: true }).waitFor();
    await settled(page);
    await page.getByTestId('pick-pupil').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Klass (valfritt)').fill(pupil.class_name);
    await page
      .getByLabel('Elev', { exact: true })
      .selectOption({ label: `${pupil.last}, ${pupil.first} (${pupil.class_name})` });
    await page.getByLabel('Dag', { exact: true }).fill(today);
    await page.getByRole('heading', { name: /^Registrerade lektioner för/ }).waitFor();
    await settled(page);

    const form = page.getByRole('form', { name: 'Registrera en lektion' });
    await form.getByLabel('Starttid').fill('13:15');
    await form.getByLabel('Schemalagda minuter').fill('40');
    await form.getByLabel('Ogiltig frånvaro, minuter').fill('45');
    await form.getByRole('button', { name: 'Registrera lektionen' }).click();
    // More absence than the lesson had: said in Swedish at the field, nothing written.
    const invalid = form.getByLabel('Ogiltig frånvaro, minuter');
    await form.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await invalid.getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);

    await invalid.fill('40');
    await form.getByLabel('Orsak (valfritt)').fill('Skolkade');
    await form.getByRole('button', { name: 'Registrera lektionen' }).click();
    await page.getByTestId('lesson-saved').waitFor();
    const row = page.getByTestId('day-lessons').getByRole('row').filter({ hasText: '13:15' });
    await row.getByText('Skolkade').waitFor();
    const { rows } = await h.testApp.db.query(
      `SELECT offered_minutes, attended_minutes, invalid_absence_minutes, reason, source FROM attendance_lesson
        WHERE student_id = $1 AND lesson_date = $2 AND start_time = '13:15'`,
      [studentId, today],
    );
    expect(rows).toEqual([
      { offered_minutes: 40, attended_minutes: 0, invalid_absence_minutes: 40, reason: 'Skolkade', source: 'manual' },
    ]);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'mentor-lesson-entry');
    await page.context().close();
  });

  it('elevhälsa sees a review due, opens the case and records the review with attendance before and after', async () => {
    const { id: studentId } = await given.pupil();
    const caseId = await given.case(studentId, {
      reference: 'T-REVIEW-BROWSER',
      status: 'plan_active',
      openedAt: new Date(Date.now() - 40 * 86_400_000),
    });
    await given.plan(caseId, { startedOn: addDays(today, -30), reviewDates: [addDays(today, -2)] });

    const page = await h.newPage('/');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await menu(page, 'Avstämningar');
    await page.getByRole('heading', { name: 'Avstämningar att göra', exact: true }).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    const due = page.getByTestId('reviews-due').getByRole('row').filter({ hasText: 'T-REVIEW-BROWSER' });
    await due.getByText('Passerat').waitFor();
    await screenshot(page, 'elevhalsa-reviews-due');
    await due.getByRole('link', { name: 'T-REVIEW-BROWSER' }).click();

    await page.getByRole('tab', { name: 'Uppföljning', selected: true }).waitFor();
    await page.getByRole('heading', { name: 'Avstämningar', exact: true }).waitFor();
    await settled(page);
    await page.getByText('Ingen avstämning är registrerad ännu.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Registrera en avstämning' });
    await form.getByRole('radio', { name: 'Ja' }).check();
    await form.getByLabel('Beslut (valfritt)').fill('Fortsätt med planen.');
    await form.getByRole('button', { name: 'Registrera avstämningen' }).click();
    await page.getByTestId('review-saved').waitFor();
    const review = page.getByTestId('reviews-table').getByRole('row').filter({ hasText: 'Fortsätt med planen.' });
    await review.waitFor();
    expect(await review.textContent()).toContain('Ja');
    const stored = await h.testApp.db.query(
      `SELECT goal_reached, to_char(reviewed_on, 'YYYY-MM-DD') AS reviewed_on FROM plan_review WHERE case_id = $1`,
      [caseId],
    );
    expect(stored.rows).toEqual([{ goal_reached: true, reviewed_on: today }]);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'elevhalsa-case-reviews');

    // Reviewed: no longer due.
    await menu(page, 'Avstämningar');
    await page.getByRole('heading', { name: 'Avstämningar att göra', exact: true }).waitFor();
    // The cached list shows at once and reloads (the review invalidated it): the case leaves it.
    await page.getByText('T-REVIEW-BROWSER').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('elevhälsa records a 6-month follow-up from the list of follow-ups due, with the outcome categories', async () => {
    const { id: studentId } = await given.pupil();
    const pupil = await pupilName(studentId);
    const caseId = await given.case(studentId, {
      reference: 'T-FOLLOW-UP-BROWSER',
      status: 'closed',
      openedAt: monthsAgo(9),
      closedAt: monthsAgo(6),
      outcome: 'other',
      closeReason: 'Avslutat',
    });
    await given.followUpsDue(caseId, today, addDays(today, 365));

    const page = await h.newPage('/');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await menu(page, 'Uppföljningar efter avslut');
    await page.getByRole('heading', { name: 'Uppföljningar efter avslut', exact: true }).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'elevhalsa-follow-ups-due');

    await page.getByRole('button', { name: `Registrera 6-månadersuppföljningen för ${pupil.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Registrera uppföljningen' }).click();
    // Unanswered question: said at the field.
    await dialog.locator('[aria-invalid="true"], [role="alert"]').first().waitFor();
    await dialog.getByRole('radio', { name: 'Nej' }).check();
    await dialog.getByRole('checkbox', { name: 'BUP' }).check();
    await dialog.getByLabel('Anteckning (valfritt)').fill('Behöver stöd från BUP.');
    expect(await wcagViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Registrera uppföljningen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: `Registrera 6-månadersuppföljningen för ${pupil.name}` })
      .waitFor({ state: 'detached' });
    const stored = await h.testApp.db.query(
      `SELECT school_or_work_20h, new_interventions, recorded_by FROM case_follow_up WHERE case_id = $1 AND months = 6`,
      [caseId],
    );
    expect(stored.rows).toEqual([{ school_or_work_20h: false, new_interventions: ['bup'], recorded_by: ELEVHALSA }]);

    // The case's tab shows it recorded, with the outcome in words.
    await page.goto(`/arenden/${caseId}?flik=uppfoljning`);
    const recorded = page.getByTestId('follow-ups-table').getByRole('row').filter({ hasText: '6 månader' });
    await recorded.getByRole('cell', { name: 'BUP', exact: true }).waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'elevhalsa-case-follow-ups');
    await page.context().close();
  });

  it('roles that may not use the screens do not see them in the menu, and the API refuses them', async () => {
    const cases: [string, string[], string[]][] = [
      ['mentor@storsjo.demo', ['Registrera lektion'], ['Avstämningar', 'Uppföljningar efter avslut']],
      ['rektor@storsjo.demo', ['Registrera lektion'], ['Avstämningar', 'Uppföljningar efter avslut']],
      ['elevhalsa@storsjo.demo', ['Avstämningar', 'Uppföljningar efter avslut'], ['Registrera lektion']],
      ['soc@ostersund.demo', [], ['Registrera lektion', 'Avstämningar', 'Uppföljningar efter avslut']],
    ];
    for (const [user, shown, hidden] of cases) {
      const page = await h.newPage('/');
      await logIn(page, user);
      for (const name of shown) await nav(page).getByRole('link', { name, exact: true }).waitFor();
      for (const name of hidden)
        expect([user, name, await nav(page).getByRole('link', { name, exact: true }).count()]).toEqual([user, name, 0]);
      await page.context().close();
    }

    // The mentor who types the address gets the API's refusal in words, not a list.
    const page = await h.newPage('/uppfoljningar');
    await logIn(page, 'mentor@storsjo.demo');
    await page.getByRole('heading', { name: 'Uppföljningar efter avslut', exact: true }).waitFor();
    await page.getByText('Du har inte behörighet till detta.').waitFor();
    expect(await page.getByTestId('follow-ups-due').count()).toBe(0);
    await page.context().close();

    // Through the API: an outside agency's worker may not enter a lesson, a mentor may not list what is due.
    const { id: studentId } = await given.pupil();
    const lesson = {
      date: today,
      startTime: '08:00',
      offeredMinutes: 60,
      validAbsenceMinutes: 0,
      invalidAbsenceMinutes: 60,
    };
    const soc = await bearer(h.testApp.http, 'soc@ostersund.demo');
    await h.testApp.http
      .post(`${API}/students/${studentId}/attendance`)
      .set('authorization', soc)
      .send(lesson)
      .expect(403);
    const mentor = await bearer(h.testApp.http, 'mentor@storsjo.demo');
    await h.testApp.http.get(`${API}/reviews/due`).set('authorization', mentor).expect(403);
    await h.testApp.http.get(`${API}/follow-ups/due`).set('authorization', mentor).expect(403);
    const parkMentor = await bearer(h.testApp.http, 'mentor@park.demo');
    await h.testApp.http
      .post(`${API}/students/${studentId}/attendance`)
      .set('authorization', parkMentor)
      .send(lesson)
      .expect(404);
  });
});
