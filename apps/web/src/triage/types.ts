// The API's answers as this part of the app reads them: the server's own types from the generated
// OpenAPI schema (client.ts). Where the OpenAPI document describes a field only loosely (a free
// JSON object), the shape the DTO's comment documents is laid over it here.

import type { AbsenceFigures } from '../api-types';
import type { Schemas } from '../client';

export type Flag = Schemas['FlagDto'];
export type CasePupil = Schemas['CasePupilDto'];
export type CaseSummary = Schemas['CaseSummaryDto'];
export type CaseDetail = Schemas['CaseDto'];
export type Consent = Schemas['ConsentDto'];
export type Meeting = Schemas['MeetingDto'];

export type TimelineEvent = Omit<Schemas['TimelineEventDto'], 'agency' | 'data'> & {
  agency: { id: string; name: string } | null;
  data: Record<string, unknown>;
};

export type LeadTimes = Omit<Schemas['LeadTimesDto'], 'daysFromSignal' | 'daysFromOpening'> & {
  daysFromSignal: Record<string, number | null>;
  daysFromOpening: Record<string, number | null>;
};

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
