// Names for the API's shapes that more than one area of the app reads. Every one is the server's
// own type from the generated OpenAPI schema (client.ts, generated/api-schema.ts): nothing here is
// written by hand, so a change of a DTO on the server shows up in the web build.

import type { Schemas } from './client';

export type PersonRef = Schemas['PersonRefDto'];
export type AgencyRef = Schemas['AgencyRefDto'];
export type AbsenceWeek = Schemas['AbsenceWeek'];
export type AbsenceFigures = Schemas['AbsenceFigures'];
export type RuleHit = Schemas['RuleHitDto'];
export type CaseStatus = Schemas['CaseDto']['status'];
/** GET /cases/:id/mobilisations and GET /mobilisations. */
export type Mobilisation = Schemas['MobilisationDto'];

/** Every case status, in the order a case goes through them. */
export const CASE_STATUSES = [
  'open',
  'mapping',
  'plan_active',
  'follow_up',
  'closed',
] as const satisfies readonly CaseStatus[];
