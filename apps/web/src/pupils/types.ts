// Response shapes of the pupil endpoints, as the API's DTOs define them (libs/signals, libs/students,
// libs/attendance, libs/cases).

import type { AbsenceFigures, RuleHit } from '../api-types';

export interface WatchlistItem {
  studentId: string;
  firstName: string;
  lastName: string;
  className: string;
  grade: number;
  personnummerMasked: string;
  absencePercent: number;
  invalidAbsencePercent: number;
  rulesHit: RuleHit[];
  openFlag: boolean;
  investigationStarted: boolean;
  /** The pupil has an open case (every reader of the list is told). */
  hasOpenCase: boolean;
  /** The open case itself, for those who may read cases (principal, elevhälsa). */
  case: { id: string; reference: string; status: string } | null;
}

export interface Student {
  id: string;
  personnummerMasked: string;
  firstName: string;
  lastName: string;
  schoolId: string;
  schoolName: string;
  grade: number;
  className: string;
  protectedIdentity: boolean;
  coordinationNumber: boolean;
}

export interface Flag {
  id: string;
  studentId: string;
  text: string;
  status: string;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  snapshot: { takenAt: string; figures: AbsenceFigures; rulesHit: RuleHit[] };
  /** Staff's additions while the flag awaits triage (GET /flags/:id). */
  notes?: { id: string; text: string; createdBy: { id: string; displayName: string }; createdAt: string }[];
}
