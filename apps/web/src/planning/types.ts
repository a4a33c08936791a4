// The API's shapes for the mapping and the plan (libs/cases/src/collaboration/mapping.dto.ts,
// libs/cases/src/plan/plan.dto.ts), as the web app reads them.

import type { AgencyRef, PersonRef } from '../api-types';
import type { Schemas } from '../client';

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// The plan's own shapes are the server's (generated from its OpenAPI document).
export type ProgressNote = Schemas['ProgressNoteDto'];
/** `version`/`etag`: the action's own, If-Match of its PATCH. */
export type PlanAction = Schemas['ActionDto'];
export type Goal = Schemas['GoalDto'];
/** `name` is null when the API keeps the family's names from this agency. */
export type Agreement = Schemas['AgreementDto'];
/** `agreedVersion`: the newest version anyone agreed to; `changedSinceAgreement`: replaced since. */
export type Plan = Schemas['PlanDto'];

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
