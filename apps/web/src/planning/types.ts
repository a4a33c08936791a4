// The API's shapes for the mapping and the plan (libs/cases/src/collaboration/mapping.dto.ts,
// libs/cases/src/plan/plan.dto.ts), as the web app reads them.

import type { AgencyRef, PersonRef } from '../api-types';

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ProgressNote {
  id: string;
  text: string;
  author: PersonRef;
  agency: AgencyRef;
  createdAt: string;
}

export interface PlanAction {
  id: string;
  description: string;
  agency: AgencyRef;
  responsible: PersonRef | null;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
  /** The action's own version and ETag (`"a3"`): If-Match of its PATCH. */
  version: number;
  etag: string;
  /** The catalogue intervention it uses (absent from plans read before interventions existed). */
  interventionId?: string | null;
  updatedAt: string;
  progressNotes: ProgressNote[];
}

export interface Goal {
  id: string;
  text: string;
  target: { attendancePercent: number | null; byDate: string | null; text: string | null } | null;
}

export interface Agreement {
  id: string;
  participant: 'pupil' | 'guardian' | 'agency';
  agency: AgencyRef | null;
  /** null when the API keeps the family's names from this agency. */
  name: string | null;
  agreedAt: string;
  planVersion: number;
  recordedBy: PersonRef;
}

export interface Plan {
  id: string;
  caseId: string;
  version: number;
  /** The newest version anyone agreed to (null: not agreed yet). */
  agreedVersion: number | null;
  /** The plan's content was replaced after the version agreed. */
  changedSinceAgreement: boolean;
  goals: Goal[];
  actions: PlanAction[];
  pupilView: string | null;
  guardianView: string | null;
  reviewDates: string[];
  agreements: Agreement[];
  createdAt: string;
  updatedBy: PersonRef;
  updatedAt: string;
}

/** GET /cases/:id, as far as the panels need it. */
export interface CaseInfo {
  id: string;
  reference: string;
  status: string;
  schoolId: string;
  schoolName: string;
  coordinator: PersonRef;
  visibleScopes: string[];
}

export const MAPPING_SECTIONS = [
  'school',
  'health',
  'home_family',
  'leisure_friends',
  'pupil_view',
  'guardian_view',
] as const;
export type MappingSection = (typeof MAPPING_SECTIONS)[number];

export interface Contribution {
  id: string;
  section: MappingSection;
  text: string;
  author: PersonRef;
  agency: AgencyRef;
  createdAt: string;
  updatedAt: string;
  editable: boolean;
}

export interface Mapping {
  caseId: string;
  sections: { section: MappingSection; visible: boolean; contributions: Contribution[] }[];
}

/** GET /actions: one row of the work list. */
export interface WorkListItem {
  id: string;
  caseId: string;
  caseReference: string;
  description: string;
  agency: AgencyRef;
  responsible: PersonRef | null;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
  due: boolean;
  overdue: boolean;
}
