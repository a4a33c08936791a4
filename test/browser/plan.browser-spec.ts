import { addDays, swedishDate } from '@app/calendar';
import { demoId } from '@app/demo';
import { API, bearer } from '../support/test-app';
import { BrowserHarness, logIn, screenshot, startBrowserHarness } from './browser';

const SOC = demoId('agency:soc');

interface PlanBody {
  version: number;
  goals: { id: string; text: string; target: { attendancePercent: number | null; byDate: string | null } | null }[];
  actions: {
    id: string;
    description: string;
    agency: { id: string };
    responsible: { id: string } | null;
    startDate: string | null;
    dueDate: string;
    status: string;
  }[];
  pupilView: string | null;
  guardianView: string | null;
  reviewDates: string[];
}

/** The PUT body that keeps a plan as it is, with changes on top. */
function putBody(plan: PlanBody, goalText?: string) {
  return {
    goals: plan.goals.map((g, i) => ({
      id: g.id,
      text: i === 0 && goalText ? goalText : g.text,
      ...(g.target?.attendancePercent != null
        ? { target: { attendancePercent: g.target.attendancePercent, byDate: g.target.byDate ?? undefined } }
        : {}),
    })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      description: a.description,
      agencyId: a.agency.id,
      responsibleUserId: a.responsible?.id,
      startDate: a.startDate ?? undefined,
      dueDate: a.dueDate,
      status: a.status,
    })),
    pupilView: plan.pupilView ?? undefined,
    guardianView: plan.guardianView ?? undefined,
    reviewDates: plan.reviewDates,
  };
}

describe('the action plan (browser)', () => {
  let h: BrowserHarness;
  let elevhalsa: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    elevhalsa = await bearer(h.testApp.http, 'elevhalsa@storsjo.demo');
  });
  afterAll(async () => {
    await h?.close();
  });

  const getPlan = async (caseId: string) => {
    const response = await h.testApp.http.get(`${API}/cases/${caseId}/plan`).set('Authorization', elevhalsa);
    return { status: response.status, etag: response.headers.etag as string, plan: response.body as PlanBody };
  };

  it('lets the coordinator build a plan: a goal, an action for an agency, a review date', async () => {
    const caseId = demoId('case:53'); // Open; Socialtjänsten invited; no plan yet.
    expect((await getPlan(caseId)).status).toBe(404);
    const due = addDays(swedishDate(), 21);
    const review = addDays(swedishDate(), 28);
    const byDate = addDays(swedishDate(), 42);

    const page = await h.newPage(`/arenden/${caseId}?flik=plan`);
    // The app sends a visitor to the login page and back here after.
    await page.waitForURL(/\/logga-in\?next=/);
    await logIn(page, 'elevhalsa@storsjo.demo');
    const panel = page.getByRole('tabpanel', { name: 'Handlingsplan' });
    await panel.getByText('Ärendet har ingen handlingsplan ännu.').waitFor();
    await panel.getByRole('button', { name: 'Skapa handlingsplan' }).click();

    const goal = 'Eleven är i skolan alla förmiddagar.';
    await panel.getByRole('textbox', { name: 'Mål (vad ska uppnås)' }).fill(goal);
    await panel.getByRole('textbox', { name: 'Närvaro minst (%)' }).fill('80');
    await panel.getByLabel('Nås senast').fill(byDate);
    await panel.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const action = 'Hembesök och samtal med familjen om morgonrutiner.';
    await panel.getByRole('textbox', { name: 'Vad ska göras' }).fill(action);
    await panel.getByLabel('Ansvarig myndighet').selectOption({ label: 'Socialtjänsten Östersund' });
    await panel.getByLabel('Klart senast').fill(due);
    await panel.getByRole('button', { name: 'Lägg till uppföljningsdatum' }).click();
    await panel.getByLabel('Uppföljningsdatum 1').fill(review);
    await panel.getByRole('textbox', { name: 'Elevens syn på planen (elevens egna ord)' }).fill('Jag vill prova.');
    await screenshot(page, 'plan-editor');
    await panel.getByRole('button', { name: 'Spara planen' }).click();

    await panel.getByRole('status').filter({ hasText: 'Planen är sparad.' }).waitFor();
    await panel.getByText(goal).waitFor();
    await panel.getByText('närvaro minst 80 %').waitFor();
    const row = panel.getByRole('row').filter({ hasText: action });
    await row.getByText('Socialtjänsten Östersund').waitFor();
    await row.getByText('Planerad').waitFor();
    await panel.getByRole('listitem').filter({ hasText: review }).waitFor();
    await panel.getByText('Version 1, senast ändrad av Eva Kurator').waitFor();
    await screenshot(page, 'plan');

    const { plan } = await getPlan(caseId);
    expect(plan.version).toBe(1);
    expect(plan.goals).toEqual([
      expect.objectContaining({ text: goal, target: expect.objectContaining({ attendancePercent: 80, byDate }) }),
    ]);
    expect(plan.actions).toEqual([
      expect.objectContaining({
        description: action,
        agency: expect.objectContaining({ id: SOC }),
        dueDate: due,
        status: 'planned',
      }),
    ]);
    expect(plan.reviewDates).toEqual([review]);
    expect(plan.pupilView).toBe('Jag vill prova.');
    await page.context().close();
  });

  it('says in words when someone else changed the plan, and loads the current version keeping the typed text', async () => {
    const caseId = demoId('case:78'); // A draft plan, version 1.
    const before = await getPlan(caseId);
    expect(before.etag).toBe(`"${before.plan.version}"`);

    const page = await h.newPage(`/arenden/${caseId}?flik=plan`);
    // The app sends a visitor to the login page and back here after.
    await page.waitForURL(/\/logga-in\?next=/);
    await logIn(page, 'elevhalsa@storsjo.demo');
    const panel = page.getByRole('tabpanel', { name: 'Handlingsplan' });
    await panel.getByText(`Version ${before.plan.version},`).waitFor();
    await panel.getByRole('button', { name: 'Ändra planen' }).click();
    const mine = 'Närvaron ökar till minst 85 % inom åtta veckor.';
    await panel.getByRole('textbox', { name: 'Mål (vad ska uppnås)' }).first().fill(mine);

    // Meanwhile a colleague changes the plan.
    const theirs = 'Närvaron ökar till minst 75 % inom fyra veckor.';
    const changed = await h.testApp.http
      .put(`${API}/cases/${caseId}/plan`)
      .set('Authorization', elevhalsa)
      .set('If-Match', before.etag)
      .send(putBody(before.plan, theirs));
    expect(changed.status).toBe(200);

    // Saving the stale version: refused (412), said in Swedish; nothing of ours was written.
    await panel.getByRole('button', { name: 'Spara planen' }).click();
    const conflict = panel
      .getByRole('alert')
      .filter({ hasText: 'Planen har ändrats av någon annan sedan du öppnade den' });
    await conflict.waitFor();
    await screenshot(page, 'plan-conflict');
    const after = await getPlan(caseId);
    expect(after.plan.version).toBe(before.plan.version + 1);
    expect(after.plan.goals[0].text).toBe(theirs);

    // Load the current version: the form now holds the colleague's goal; ours stays visible to copy.
    await conflict.getByRole('button', { name: 'Ladda den aktuella versionen' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await panel.getByRole('textbox', { name: 'Mål (vad ska uppnås)' }).first().inputValue()).toBe(theirs);
    await panel.getByTestId('plan-unsaved').filter({ hasText: mine }).waitFor();

    // Redo the change on the current version: it saves.
    await panel.getByRole('textbox', { name: 'Mål (vad ska uppnås)' }).first().fill(mine);
    await panel.getByRole('button', { name: 'Spara planen' }).click();
    await panel.getByRole('status').filter({ hasText: 'Planen är sparad.' }).waitFor();
    await panel.getByText(`Version ${before.plan.version + 2},`).waitFor();
    const final = await getPlan(caseId);
    expect(final.plan.goals[0].text).toBe(mine);
    expect(final.plan.goals).toHaveLength(before.plan.goals.length);
    expect(final.plan.actions.map((a) => a.id)).toEqual(before.plan.actions.map((a) => a.id));
    await page.context().close();
  });
});
