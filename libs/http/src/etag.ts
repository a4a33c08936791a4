import { DomainError } from './domain-error';

/** A version number as a strong ETag: `"7"`. */
export const versionEtag = (version: number): string => `"${version}"`;

/**
 * Optimistic concurrency on a versioned object: the `If-Match` header must name its current
 * version (`"7"`, `7`, `W/"7"` or a list). Missing (or `*`): 428; another version: 412 with
 * `currentVersion`, so the client reads again and redoes its change.
 */
export function requireVersionMatch(header: string | undefined, currentVersion: number, what: string): void {
  const tags = (header ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!tags.length || tags.includes('*')) {
    throw new DomainError(
      'precondition-required',
      428,
      'Precondition Required',
      `Send If-Match with the ETag of the ${what} you read, so that nobody overwrites a change they never saw.`,
    );
  }
  const versions = tags.map((t) => t.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
  if (!versions.includes(String(currentVersion))) {
    throw new DomainError(
      'precondition-failed',
      412,
      'Precondition Failed',
      `The ${what} has changed since you read it (now version ${currentVersion}). Read it again and redo your change.`,
      { currentVersion },
    );
  }
}
