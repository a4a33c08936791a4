// The API's shapes that more than one area of the app reads (see the DTOs in libs/signals,
// libs/attendance and libs/cases). Shapes only one area reads stay in that area's types.ts.

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface AgencyRef {
  id: string;
  name: string;
  type: string;
}

export interface AbsenceTotals {
  offeredMinutes: number;
  absentMinutes: number;
  validAbsenceMinutes: number;
  invalidAbsenceMinutes: number;
  absencePercent: number;
  validAbsencePercent: number;
  invalidAbsencePercent: number;
}

export interface AbsenceWeek extends AbsenceTotals {
  /** ISO week, 2026-W47. */
  week: string;
  weekStart: string;
}

export interface AbsenceFigures extends AbsenceTotals {
  from: string;
  to: string;
  pupils: number;
  weeks: AbsenceWeek[];
}

export interface RuleHit {
  rule: string;
  /** The API's own Swedish sentence: the fallback for a rule this app does not know yet. */
  explanation: string;
  figures: Record<string, unknown>;
}

export const CASE_STATUSES = ['open', 'mapping', 'plan_active', 'follow_up', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** GET /cases/:id/mobilisations and GET /mobilisations. */
export interface Mobilisation {
  /** The invited agency may open the case now (consent in force, case open, not declined). */
  caseReadable?: boolean;
  id: string;
  caseId: string;
  caseReference: string;
  school: AgencyRef;
  agency: AgencyRef;
  status: 'pending' | 'accepted' | 'declined';
  overdue: boolean;
  deadline: string;
  message: string | null;
  invitedAt: string;
  invitedBy: PersonRef;
  representative: PersonRef | null;
  respondedAt: string | null;
  declineReason: string | null;
  pupil: { firstName: string; lastName: string; className: string } | null;
}
