import type { Page } from 'playwright-core';
import { addDays, addMonths, addWorkingDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';
import { Given, givenFor } from '../support/given';

const STORSJO = demoId('agency:storsjo');
const SOC = demoId('agency:soc');
const BUP = demoId('agency:bup');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Journey 2: elevhälsa triages a new flag, opens the case and mobilises the agencies around the pupil. */
describe('journey 2: elevhälsa coordinates a case (browser)', () => {
  let h: BrowserHarness;
  let given: Given;
  let elevhalsaToken: string;
  const today = swedishDate();

  const apiGet = async (path: string, token = elevhalsaToken) => {
    const res = await h.testApp.http.get(`${API}${path}`).set('authorization', token);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** A fresh Storsjö pupil (no case, no flag) who has missed much school lately. */
  async function freePupil(): Promise<{ id: string; name: string }> {
    const pupil = await given.pupil();
    await given.recentLessons(pupil, { absentEvery: 2 });
    return { id: pupil.id, name: pupil.name };
  }

  /** Opens a tab of the case page by its name and waits for its heading. */
  async function openTab(page: Page, tab: string, heading: string) {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  }

  async function pickOption(page: Page, label: string, option: string) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  }

  beforeAll(async () => {
    h = await startBrowserHarness();
    given = givenFor(h.testApp.db);
    elevhalsaToken = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('triages a fresh flag into a case, records consent, invites agencies, books a meeting and shows the timeline and lead times', async () => {
    // A mentor flags a worrying pupil (through the API: journey 1 covers the mentor's page).
    const pupil = await freePupil();
    const text = 'Borta varje måndag sedan höstlovet. Har ringt hem två gånger utan svar.';
    const mentor = await bearer(h.testApp.http, 'mentor@storsjo.demo');
    const flagRes = await h.testApp.http
      .post(`${API}/students/${pupil.id}/flags`)
      .set('authorization', mentor)
      .send({ text });
    expect(flagRes.status).toBe(201);
    const flagId: string = flagRes.body.id;

    // The inbox is elevhälsa's start page and lists the new flag.
    const page = await h.newPage('/');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.waitForURL(/\/anmalningar$/);
    await page.getByRole('heading', { name: 'Anmälningar', level: 1 }).waitFor();
    const link = page.getByRole('link', { name: `Öppna anmälan om ${pupil.name}` });
    await link.waitFor();
    const row = page.getByTestId('flags-table').getByRole('row').filter({ has: link });
    await expect(row.textContent()).resolves.toContain('Maja Mentor');
    await expect(row.textContent()).resolves.toContain('Ny');
    await screenshot(page, 'elevhalsa-flags');

    // The flag: its text, its absence snapshot, and the triage.
    await link.click();
    await page.waitForURL(new RegExp(`/anmalningar/${flagId}$`));
    await page.getByRole('heading', { name: `Anmälan om ${pupil.name}` }).waitFor();
    await expect(page.getByTestId('flag-text').textContent()).resolves.toBe(text);
    await page.getByRole('heading', { name: 'Frånvaro när anmälan gjordes' }).waitFor();
    const snapshot = flagRes.body.snapshot.figures;
    await page
      .getByText(`${String(snapshot.absencePercent).replace('.', ',')} %`)
      .first()
      .waitFor();
    await screenshot(page, 'elevhalsa-flag');

    // Accepting opens the case and lands on it.
    await page.getByRole('button', { name: 'Öppna ärende' }).click();
    await page.waitForURL(new RegExp(`/arenden/(${UUID})$`));
    const caseId = new RegExp(`/arenden/(${UUID})$`).exec(page.url())![1];
    const flagRow = await h.testApp.db.query(`SELECT status FROM absence_flag WHERE id = $1`, [flagId]);
    expect(flagRow.rows[0].status).toBe('accepted');
    const opened = await apiGet(`/cases/${caseId}`);
    expect(opened).toMatchObject({
      flagId,
      status: 'open',
      pupil: { id: pupil.id },
      coordinator: { displayName: 'Eva Kurator' },
    });
    await expect(page.getByTestId('case-reference').textContent()).resolves.toBe(opened.reference);
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('Öppet');
    await page.getByText(pupil.name, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Flytta till Kartläggning' }).waitFor();
    await expect(page.getByRole('link', { name: 'Visa anmälan' }).getAttribute('href')).resolves.toBe(
      `/anmalningar/${flagId}`,
    );
    await screenshot(page, 'elevhalsa-case-summary');

    // Consent for Socialtjänsten (guardian, summary + mapping, valid a year) and for BUP (the pupil, with health notes).
    await openTab(page, 'Samtycke', 'Samtycken');
    await page.getByText('Inga samtycken är registrerade.').waitFor();
    const validUntil = addDays(today, 365);
    await pickOption(page, 'Myndighet', 'Socialtjänsten Östersund (Socialtjänst)');
    await page.getByRole('textbox', { name: 'Namn på den som lämnar samtycket' }).fill('Vera Vårdnadshavare');
    await page.getByRole('checkbox', { name: 'Kartläggning' }).check();
    await page.getByLabel('Giltigt till och med (tomt: standardtiden, vanligen 12 månader)').fill(validUntil);
    await page.getByRole('textbox', { name: /Var det undertecknade samtycket finns/ }).fill('Dnr 2026-123');
    await page.getByRole('button', { name: 'Registrera samtycke' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Samtycket för Socialtjänsten Östersund är registrerat.' })
      .waitFor();
    await pickOption(page, 'Myndighet', 'BUP Östersund (BUP)');
    await page.getByRole('radio', { name: 'Eleven' }).check();
    await page.getByRole('textbox', { name: 'Namn på den som lämnar samtycket' }).fill(pupil.name);
    await page.getByRole('checkbox', { name: 'Hälsouppgifter' }).check();
    await page.getByRole('button', { name: 'Registrera samtycke' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtycket för BUP Östersund är registrerat.' }).waitFor();
    const consentRows = page.getByTestId('consents-table').getByRole('row');
    await consentRows.filter({ hasText: 'BUP Östersund' }).waitFor();
    await expect(consentRows.count()).resolves.toBe(3);
    const socConsent = consentRows.filter({ hasText: 'Socialtjänsten Östersund' });
    await expect(socConsent.textContent()).resolves.toContain('Gäller');
    await expect(socConsent.textContent()).resolves.toContain(validUntil);
    await expect(socConsent.textContent()).resolves.toContain('Vårdnadshavare: Vera Vårdnadshavare');
    await expect(consentRows.filter({ hasText: 'BUP Östersund' }).textContent()).resolves.toContain(
      `Eleven: ${pupil.name}`,
    );
    const consents = (await apiGet(`/cases/${caseId}/consents`)).items;
    expect(consents).toEqual([
      expect.objectContaining({
        agencyId: SOC,
        givenBy: 'guardian',
        givenByName: 'Vera Vårdnadshavare',
        scope: ['case_summary', 'mapping'],
        givenAt: today,
        validUntil,
        documentReference: 'Dnr 2026-123',
        inForce: true,
      }),
      expect.objectContaining({
        agencyId: BUP,
        givenBy: 'pupil',
        scope: ['case_summary', 'health_notes'],
        // No end named: the default validity, 12 months.
        validUntil: addMonths(today, 12),
        inForce: true,
      }),
    ]);
    await screenshot(page, 'elevhalsa-consent');

    // Invite both agencies; the list shows both waiting, with the default deadline of 5 working days.
    await openTab(page, 'Mobilisering', 'Mobilisering');
    await page.getByText('Inga myndigheter är inbjudna ännu.').waitFor();
    await pickOption(page, 'Myndighet', 'Socialtjänsten Östersund (Socialtjänst)');
    await page.getByRole('textbox', { name: /Meddelande till myndigheten/ }).fill('Välkomna till ett första möte.');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByRole('status').filter({ hasText: 'Socialtjänsten Östersund är inbjuden.' }).waitFor();
    await pickOption(page, 'Myndighet', 'BUP Östersund (BUP)');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByRole('status').filter({ hasText: 'BUP Östersund är inbjuden.' }).waitFor();
    const deadline = addWorkingDays(today, 5);
    await page.getByText('2 inbjudna: 0 har svarat, 2 väntar på svar.').waitFor();
    for (const agency of ['Socialtjänsten Östersund', 'BUP Östersund']) {
      const invitation = page.getByTestId('mobilisations-table').getByRole('row').filter({ hasText: agency });
      await expect(invitation.textContent()).resolves.toContain('Väntar på svar');
      await expect(invitation.textContent()).resolves.toContain(deadline);
      await expect(invitation.textContent()).resolves.not.toContain('Försenad');
    }
    const invited = await h.testApp.db.query(
      `SELECT agency_id, status, to_char(deadline, 'YYYY-MM-DD') AS deadline, message FROM mobilisation
        WHERE case_id = $1 ORDER BY invited_at`,
      [caseId],
    );
    expect(invited.rows).toEqual([
      { agency_id: SOC, status: 'pending', deadline, message: 'Välkomna till ett första möte.' },
      { agency_id: BUP, status: 'pending', deadline, message: null },
    ]);
    await screenshot(page, 'elevhalsa-mobilisation');

    // Book the joint meeting a week ahead, with the school and both agencies.
    await openTab(page, 'Möten', 'Samverkansmöten');
    await page.getByText('Inget möte är bokat.').waitFor();
    const meetingDay = addDays(today, 7);
    await page.getByLabel('Datum och tid').fill(`${meetingDay}T13:30`);
    await page.getByRole('textbox', { name: 'Plats' }).fill('Storsjöskolan, elevhälsans rum');
    for (const agency of ['Storsjöskolan', 'Socialtjänsten Östersund', 'BUP Östersund']) {
      await expect(page.getByRole('checkbox', { name: agency }).isChecked()).resolves.toBe(true);
    }
    await page.getByRole('button', { name: 'Boka möte' }).click();
    await page.getByRole('status').filter({ hasText: 'Mötet är bokat.' }).waitFor();
    const meetingCard = page.getByTestId('meeting');
    await meetingCard.getByRole('heading', { name: `Möte ${meetingDay} 13:30` }).waitFor();
    await expect(meetingCard.textContent()).resolves.toContain(
      'Storsjöskolan, Socialtjänsten Östersund, BUP Östersund',
    );
    await meetingCard.getByText('Anteckningar kan skrivas när mötet har börjat.').waitFor();
    const meetings = (await apiGet(`/cases/${caseId}/meetings`)).items;
    expect(meetings).toEqual([
      expect.objectContaining({
        place: 'Storsjöskolan, elevhälsans rum',
        pupilPresent: true,
        guardiansPresent: true,
        agencies: expect.arrayContaining([expect.objectContaining({ id: STORSJO })]),
      }),
    ]);
    expect(meetings[0].agencies).toHaveLength(3);
    expect(new Date(meetings[0].startsAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe(
      `${meetingDay} 13:30:00`,
    );
    await screenshot(page, 'elevhalsa-meeting');

    // The timeline tells all of it in words.
    await openTab(page, 'Tidslinje', 'Tidslinje');
    const timeline = page.getByTestId('timeline-table');
    for (const words of [
      'Ärendet öppnades från en anmälan',
      'Samtycke registrerades för Socialtjänsten Östersund (vårdnadshavare; sammanfattning, kartläggning)',
      'Samtycke registrerades för BUP Östersund (eleven; sammanfattning, hälsa)',
      `Socialtjänsten Östersund bjöds in, svar senast ${deadline}`,
      `BUP Östersund bjöds in, svar senast ${deadline}`,
      `Samverkansmöte bokades till ${meetingDay} 13:30`,
    ]) {
      await timeline.getByRole('cell', { name: words, exact: true }).waitFor();
    }
    await expect(timeline.getByRole('row').count()).resolves.toBe(7);
    await expect(timeline.textContent()).resolves.toContain('Eva Kurator (Storsjöskolan)');
    const events = (await apiGet(`/cases/${caseId}/timeline`)).items.map((e: { kind: string }) => e.kind);
    expect(events).toEqual([
      'case.opened',
      'consent.given',
      'consent.given',
      'mobilisation.invited',
      'mobilisation.invited',
      'meeting.scheduled',
    ]);
    await screenshot(page, 'elevhalsa-timeline');

    // Lead times: the numbers the API computes, in the table and in words.
    await openTab(page, 'Ledtider', 'Ledtider');
    const lead = await apiGet(`/cases/${caseId}/lead-times`);
    // The booked meeting counts as the first meeting; the page says it has not taken place yet.
    expect(lead.daysFromOpening).toEqual({ firstAgencyAccepted: null, firstMeeting: 7, planAgreed: null });
    const table = page.getByTestId('lead-times-table');
    const meetingRow = table.getByRole('row').filter({ hasText: 'Första samverkansmöte' });
    await expect(meetingRow.textContent()).resolves.toContain(`${meetingDay} (bokat, inte hållet ännu)`);
    await expect(meetingRow.getByRole('cell').nth(2).textContent()).resolves.toBe('7');
    const openedRow = table.getByRole('row').filter({ hasText: 'Ärendet öppnades' });
    await expect(openedRow.textContent()).resolves.toContain(today);
    await expect(
      table.getByRole('row').filter({ hasText: 'Gemensam plan överenskommen' }).textContent(),
    ).resolves.toContain('Inte ännu');
    // The pupil with the most absence has met the 10 % rule: the first signal is known.
    expect(lead.firstSignalOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const days: number = lead.daysFromSignal.caseOpened;
    await expect(openedRow.getByRole('cell').nth(1).textContent()).resolves.toBe(String(days));
    await page.getByText(`Från första signal till öppnat ärende: ${days} dagar.`).waitFor();
    await expect(
      table.getByRole('row').filter({ hasText: 'Första signal (frånvaron' }).textContent(),
    ).resolves.toContain(lead.firstSignalOn);
    await page.getByText('Någon gemensam plan är inte överenskommen ännu.').waitFor();
    await screenshot(page, 'elevhalsa-lead-times');

    // Mapping starts: the status moves, and only to the statuses the API allows next.
    await openTab(page, 'Översikt', opened.reference);
    await page.getByRole('button', { name: 'Flytta till Kartläggning' }).click();
    await page.getByRole('status').filter({ hasText: 'Status ändrad till Kartläggning.' }).waitFor();
    await page.getByRole('button', { name: 'Flytta till Plan gäller' }).waitFor();
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('Kartläggning');
    const moved = await h.testApp.db.query(`SELECT status FROM support_case WHERE id = $1`, [caseId]);
    expect(moved.rows[0].status).toBe('mapping');

    // The case list shows it with its neutral reference and the pupil's name.
    await page.getByRole('link', { name: 'Ärenden', exact: true }).click();
    const caseRow = page.getByTestId('cases-table').getByRole('row').filter({ hasText: opened.reference });
    await expect(caseRow.textContent()).resolves.toContain(pupil.name);
    await expect(caseRow.textContent()).resolves.toContain('Kartläggning');
    await screenshot(page, 'elevhalsa-cases');
    await page.context().close();
  });

  it('closes a flag without a case, with a reason', async () => {
    const flagId = demoId('flag:7');
    const page = await h.newPage('/');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.goto(`/anmalningar/${flagId}`);
    await page.getByTestId('flag-text').waitFor();
    await page.getByRole('button', { name: 'Avsluta utan ärende' }).click();
    await page.getByText('Skriv ett skäl.').waitFor();
    const reason = 'Magont utrett av skolsköterskan; mentor följer upp varje vecka.';
    await page.getByRole('textbox', { name: 'Skäl till att avsluta utan ärende' }).fill(reason);
    await page.getByRole('button', { name: 'Avsluta utan ärende' }).click();
    await page.getByText(`Skäl: ${reason}`).waitFor();
    await expect(page.getByTestId('flag-status').textContent()).resolves.toBe('Avslutad utan ärende');
    const { rows } = await h.testApp.db.query(`SELECT status, dismiss_reason FROM absence_flag WHERE id = $1`, [
      flagId,
    ]);
    expect(rows[0]).toEqual({ status: 'dismissed', dismiss_reason: reason });
    expect(await page.getByRole('button', { name: 'Öppna ärende' }).count()).toBe(0);
    await page.context().close();
  });

  it('marks an invitation past its deadline without an answer as försenad, in words and colour', async () => {
    const caseId = demoId('case:53');
    const past = addDays(today, -3);
    await h.testApp.db.query(`UPDATE mobilisation SET deadline = $3 WHERE case_id = $1 AND agency_id = $2`, [
      caseId,
      SOC,
      past,
    ]);
    const [invitation] = (await apiGet(`/cases/${caseId}/mobilisations`)).items;
    expect(invitation).toMatchObject({ status: 'pending', overdue: true, deadline: past });

    const page = await h.newPage('/');
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.goto(`/arenden/${caseId}?flik=mobilisering`);
    const row = page
      .getByTestId('mobilisations-table')
      .getByRole('row')
      .filter({ hasText: 'Socialtjänsten Östersund' });
    await row.getByText('Försenad', { exact: true }).waitFor();
    await expect(row.textContent()).resolves.toContain(past);
    await page.getByText('1 inbjudna: 0 har svarat, 1 väntar på svar, varav 1 försenade.').waitFor();
    await screenshot(page, 'elevhalsa-mobilisation-overdue');
    await page.context().close();
  });

  it("writes the school's part of the mapping and sees the agencies' contributions beside it", async () => {
    const caseId = demoId('case:78');
    const page = await h.newPage(`/arenden/${caseId}`);
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.getByRole('tab', { name: 'Kartläggning' }).click();
    // Socialtjänsten's earlier contribution is there, signed with author and agency.
    await page
      .getByTestId('mapping-section-home_family')
      .getByText('Sara Socialsekreterare, Socialtjänsten Östersund')
      .first()
      .waitFor();
    const pupilView = page.getByTestId('mapping-section-pupil_view');
    const words = `Eleven säger att det är lektionerna före lunch som är svårast (browser test ${Date.now()}).`;
    await pupilView.getByRole('textbox', { name: 'Ditt bidrag: Elevens egen syn' }).fill(words);
    await pupilView.getByRole('button', { name: 'Lägg till bidrag om elevens egen syn' }).click();
    await pupilView.getByRole('status').filter({ hasText: 'Bidraget är sparat.' }).waitFor();
    const contribution = pupilView.getByTestId('mapping-contribution').filter({ hasText: words });
    await contribution.getByText(/, Storsjöskolan ·/).waitFor();
    await screenshot(page, 'elevhalsa-mapping');
    const { rows } = await h.testApp.db.query(
      `SELECT author_id, agency_id FROM mapping_contribution WHERE case_id = $1 AND section = 'pupil_view' AND text = $2`,
      [caseId, words],
    );
    expect(rows).toEqual([{ author_id: demoId('user:elevhalsa@storsjo.demo'), agency_id: STORSJO }]);
    await page.context().close();
  });

  it('shows an agency worker the same case page read-only, and nothing to an agency outside the case', async () => {
    const caseId = demoId('case:78');
    const page = await h.newPage('/');
    await logIn(page, 'soc@ostersund.demo');
    await page.goto(`/arenden/${caseId}`);
    await page.getByTestId('case-reference').waitFor();
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('Kartläggning');
    await page.getByText('Det här av ärendet får du se: Sammanfattning, Närvaro, Kartläggning').waitFor();
    expect(await page.getByRole('button', { name: /Flytta till/ }).count()).toBe(0);
    await openTab(page, 'Samtycke', 'Samtycken');
    const rows = page.getByTestId('consents-table').getByRole('row');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(1).textContent()).resolves.toContain('Socialtjänsten Östersund');
    expect(await page.getByRole('button', { name: 'Registrera samtycke' }).count()).toBe(0);
    await openTab(page, 'Mobilisering', 'Mobilisering');
    await page.getByTestId('mobilisations-table').waitFor();
    expect(await page.getByRole('button', { name: 'Bjud in' }).count()).toBe(0);
    await openTab(page, 'Ledtider', 'Ledtider');
    await page.getByTestId('lead-times-table').waitFor();
    await page.context().close();

    const outside = await h.newPage('/');
    await logIn(outside, 'hab@regionjh.demo');
    await outside.goto(`/arenden/${caseId}`);
    await outside
      .getByRole('alert')
      .filter({ hasText: 'Sidan eller uppgiften finns inte, eller så har du inte behörighet att se den.' })
      .first()
      .waitFor();
    expect(await outside.getByTestId('case-reference').count()).toBe(0);
    await outside.context().close();
  });
  it("shows the server's refusal of a consent and of a meeting at the fields themselves, and saves nothing", async () => {
    const caseId = demoId('case:78');
    const count = async (table: string) =>
      Number(
        (await h.testApp.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).rows[0].n,
      );
    const consentsBefore = await count('consent');
    const meetingsBefore = await count('case_meeting');
    const page = await h.newPage(`/arenden/${caseId}?flik=samtycke`);
    await logIn(page, 'elevhalsa@storsjo.demo');
    await page.getByRole('heading', { name: 'Samtycken', exact: true }).waitFor();

    // No agency and no name: the server names both fields, and each says so at itself.
    const consent = page.getByRole('form', { name: 'Registrera samtycke' });
    await consent.getByRole('button', { name: 'Registrera samtycke' }).click();
    const name = consent.getByRole('textbox', { name: 'Namn på den som lämnar samtycket' });
    await consent.locator('[aria-invalid="true"]').first().waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await consent.getByRole('combobox', { name: 'Myndighet' }).getAttribute('aria-invalid')).toBe('true');
    // The message is linked to the field (aria-describedby) and is in Swedish, not the server's English.
    const described = (await name.getAttribute('aria-describedby')) ?? '';
    const message = await page
      .locator(`[id="${described.split(' ').find((id) => id.endsWith('-error'))}"]`)
      .textContent();
    expect(message).toBeTruthy();
    expect(message).not.toMatch(/givenByName|should not|must/);

    // A meeting without a time: the time field says so.
    await openTab(page, 'Möten', 'Samverkansmöten');
    const meeting = page.getByRole('form', { name: 'Boka samverkansmöte' });
    await meeting.getByRole('button', { name: 'Boka möte' }).click();
    await meeting.locator('[aria-invalid="true"]').first().waitFor();
    expect(await meeting.getByLabel('Datum och tid').getAttribute('aria-invalid')).toBe('true');

    expect(await count('consent')).toBe(consentsBefore);
    expect(await count('case_meeting')).toBe(meetingsBefore);
    await page.context().close();
  });
});
