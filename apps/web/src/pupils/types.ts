// Response shapes of the pupil endpoints: the server's own types from the generated OpenAPI schema
// (client.ts). Where the OpenAPI document describes a field only loosely (a free JSON object), the
// shape the DTO's comment documents is laid over it here.

import type { Schemas } from '../client';

export type WatchlistItem = Schemas['WatchlistItemDto'];
export type Student = Schemas['StudentDto'];
export type Flag = Schemas['FlagDto'];
export type CaseSummary = Schemas['CaseSummaryDto'];
export type LeadTimeStat = Schemas['LeadTimeStatDto'];
export type SchoolLeadTimes = Schemas['SchoolLeadTimesDto'];
/** A school term (2026HT = autumn 2026) and its first and last day. */
export type Term = Schemas['TermDto'];

export type FollowUpStats = Omit<Schemas['FollowUpStatsDto'], 'newInterventions'> & {
  newInterventions: Record<string, number | null>;
};

export type OutcomeStats = Omit<Schemas['OutcomeStatsDto'], 'casesByStatus' | 'followUps'> & {
  casesByStatus: Record<string, number | null>;
  followUps: Record<string, FollowUpStats>;
};
