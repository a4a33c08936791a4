// The API's answers as this part of the app reads them (see the DTOs in libs/signals and libs/cases).

import type { AbsenceFigures, AgencyRef, CaseStatus, PersonRef, RuleHit } from '../api-types';

export interface Flag {
  id: string;
  studentId: string;
  firstName: string;
  lastName: string;
  className: string;
  personnummerMasked: string;
  text: string;
  status: 'new' | 'accepted' | 'dismissed';
  snapshot: { takenAt: string; figures: AbsenceFigures; rulesHit: RuleHit[] };
  createdBy: PersonRef;
  createdAt: string;
  triagedBy: PersonRef | null;
  triagedAt: string | null;
  dismissReason: string | null;
}

export interface CasePupil {
  id: string;
  firstName: string;
  lastName: string;
  className: string;
  personnummerMasked: string;
}

export interface CaseSummary {
  id: string;
  reference: string;
  status: CaseStatus;
  schoolId: string;
  schoolName: string;
  pupil: CasePupil | null;
  coordinator: PersonRef;
  openedAt: string;
  closedAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  flagId: string | null;
  outcome: string | null;
  closeReason: string | null;
  allowedTransitions: CaseStatus[];
  visibleScopes: string[];
}

export interface Consent {
  id: string;
  agencyId: string;
  agencyName: string;
  givenBy: 'guardian' | 'pupil';
  /** null when the API keeps the family's names from this agency. */
  givenByName: string | null;
  scope: string[];
  givenAt: string;
  validUntil: string | null;
  documentReference: string | null;
  withdrawnAt: string | null;
  inForce: boolean;
}

export interface Meeting {
  id: string;
  caseId: string;
  startsAt: string;
  place: string | null;
  videoLink: string | null;
  agencies: AgencyRef[];
  pupilPresent: boolean;
  guardiansPresent: boolean;
  minutes: string | null;
  decisions: string | null;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEvent {
  id: string;
  at: string;
  kind: string;
  actor: PersonRef | null;
  agency: { id: string; name: string } | null;
  data: Record<string, unknown>;
}

export interface LeadTimes {
  firstSignalOn: string | null;
  flaggedAt: string | null;
  openedAt: string;
  firstAgencyAcceptedAt: string | null;
  firstMeetingAt: string | null;
  planAgreedAt: string | null;
  daysFromSignal: Record<string, number | null>;
  daysFromOpening: Record<string, number | null>;
}

/**
 * The flag's snapshot as documented ({ takenAt, figures, rulesHit }). The demo seed's flags store
 * the bare absence figures instead; read those as figures without rules.
 */
export function snapshotOf(flag: Flag): Flag['snapshot'] {
  const raw = flag.snapshot as Partial<Flag['snapshot']> & Partial<AbsenceFigures>;
  if (raw.figures)
    return { takenAt: raw.takenAt ?? flag.createdAt, figures: raw.figures, rulesHit: raw.rulesHit ?? [] };
  return {
    takenAt: flag.createdAt,
    figures: { ...(raw as AbsenceFigures), weeks: raw.weeks ?? [] },
    rulesHit: [],
  };
}
