// The plan editor's form: what the coordinator types, kept as one draft (JSON in sessionStorage)
// together with the ETag of the version it started from.
import type { FieldProblem } from '../problem';
import type { ActionStatus, Plan } from './types';

export interface GoalForm {
  id?: string;
  text: string;
  percent: string;
  byDate: string;
  targetText: string;
}

export interface ActionForm {
  id?: string;
  description: string;
  agencyId: string;
  responsibleUserId: string;
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  /** The catalogue intervention the action uses, kept as read (no editor for it yet). */
  interventionId?: string;
}

export interface PlanForm {
  goals: GoalForm[];
  actions: ActionForm[];
  pupilView: string;
  guardianView: string;
  reviewDates: string[];
}

export interface PlanDraft {
  /** The ETag the edit started from; null while the case has no plan (create). */
  etag: string | null;
  form: PlanForm;
}

export const emptyGoal = (): GoalForm => ({ text: '', percent: '', byDate: '', targetText: '' });
export const emptyAction = (agencyId = ''): ActionForm => ({
  description: '',
  agencyId,
  responsibleUserId: '',
  startDate: '',
  dueDate: '',
  status: 'planned',
});

export function formOf(plan: Plan | null): PlanForm {
  if (!plan) return { goals: [emptyGoal()], actions: [], pupilView: '', guardianView: '', reviewDates: [] };
  return {
    goals: plan.goals.map((g) => ({
      id: g.id,
      text: g.text,
      percent: g.target?.attendancePercent != null ? String(g.target.attendancePercent).replace('.', ',') : '',
      byDate: g.target?.byDate ?? '',
      targetText: g.target?.text ?? '',
    })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      description: a.description,
      agencyId: a.agency.id,
      responsibleUserId: a.responsible?.id ?? '',
      startDate: a.startDate ?? '',
      dueDate: a.dueDate,
      status: a.status,
      interventionId: a.interventionId ?? undefined,
    })),
    pupilView: plan.pupilView ?? '',
    guardianView: plan.guardianView ?? '',
    reviewDates: [...plan.reviewDates],
  };
}

export function parseDraft(value: string): PlanDraft | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as PlanDraft;
  } catch {
    return null;
  }
}

/**
 * The required fields left empty, as field errors in the API's shape (`goals.0.text`,
 * `actions.1.dueDate`, code `required`), so the editor shows them where the API's own would be.
 */
export function missingFields(form: PlanForm): FieldProblem[] {
  const missing = (field: string) => ({ field, code: 'required', message: '' });
  return [
    ...form.goals.flatMap((g, i) => (g.text.trim() ? [] : [missing(`goals.${i}.text`)])),
    ...form.actions.flatMap((a, i) => [
      ...(a.description.trim() ? [] : [missing(`actions.${i}.description`)]),
      ...(a.agencyId ? [] : [missing(`actions.${i}.agencyId`)]),
      ...(a.dueDate ? [] : [missing(`actions.${i}.dueDate`)]),
    ]),
  ];
}

/** The index the API gives a review date of the form: blank dates are left out of the body. */
export function reviewDateIndex(form: PlanForm, i: number): number | null {
  return form.reviewDates[i] ? form.reviewDates.slice(0, i).filter(Boolean).length : null;
}

const blankToUndefined = (value: string) => (value.trim() ? value.trim() : undefined);

/** The PUT /cases/:id/plan body. */
export function bodyOf(form: PlanForm) {
  return {
    goals: form.goals.map((g) => {
      const percent = g.percent.trim() ? Number(g.percent.trim().replace(',', '.')) : undefined;
      const target = {
        attendancePercent: percent,
        byDate: blankToUndefined(g.byDate),
        text: blankToUndefined(g.targetText),
      };
      const hasTarget = Object.values(target).some((v) => v !== undefined);
      return { id: g.id, text: g.text.trim(), target: hasTarget ? target : undefined };
    }),
    actions: form.actions.map((a) => ({
      id: a.id,
      description: a.description.trim(),
      agencyId: a.agencyId,
      responsibleUserId: a.responsibleUserId || undefined,
      startDate: a.startDate || undefined,
      dueDate: a.dueDate,
      status: a.status,
      interventionId: a.interventionId || undefined,
    })),
    pupilView: blankToUndefined(form.pupilView),
    guardianView: blankToUndefined(form.guardianView),
    reviewDates: form.reviewDates.filter((d) => d),
  };
}

/** What the user wrote, as plain lines: shown after a conflict so nothing typed is lost. */
export function textsOf(form: PlanForm): string[] {
  return [
    ...form.goals.map((g) => g.text),
    ...form.goals.map((g) => g.targetText),
    ...form.actions.map((a) => a.description),
    form.pupilView,
    form.guardianView,
  ]
    .map((s) => s.trim())
    .filter(Boolean);
}
