import type { FieldError } from '@app/http';

/** Trimmed text, null when blank, undefined when not given (a change leaves it as it is). */
export const blankToNull = (text: string | undefined): string | null | undefined =>
  text === undefined ? undefined : text.trim() || null;

/** A meeting takes place somewhere: a place, a video link, or both. */
export function meetingPlaceProblems(place: string | null, videoLink: string | null): FieldError[] {
  if (place || videoLink) return [];
  return [
    { field: 'place', code: 'one-of-required', message: 'give a place or a videoLink' },
    { field: 'videoLink', code: 'one-of-required', message: 'give a place or a videoLink' },
  ];
}

/**
 * The participants that may not take part: each agency id (compared in lower case) must be the
 * pupil's school or an agency mobilised into the case (`allowed`).
 */
export function participantProblems(agencyIds: string[], allowed: ReadonlySet<string>): FieldError[] {
  return agencyIds
    .map((agencyId, i) => ({ agencyId, field: `agencyIds.${i}` }))
    .filter(({ agencyId }) => !allowed.has(agencyId.toLowerCase()))
    .map(({ field }) => ({
      field,
      code: 'not-in-case',
      message: "not the pupil's school or an agency mobilised into the case",
    }));
}
