import { DomainError } from '@app/http';

/** The plan's version as a strong ETag: `"7"`. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The versions an `If-Match` header names. Accepts `"7"`, `7`, `W/"7"` and lists (`"6", "7"`).
 * `*` is refused (428): a client must say which version it read, or it could overwrite a change it
 * never saw. Anything else that is not a version matches nothing (412).
 */
export function parseIfMatch(header: string | undefined): number[] | null {
  if (header === undefined || header.trim() === '') return null;
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) {
    throw new DomainError(
      'precondition-required',
      428,
      'Precondition Required',
      'If-Match: * is not accepted: send the ETag of the version you read.',
    );
  }
  return tags
    .map((t) => t.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
    .filter((t) => /^\d{1,9}$/.test(t))
    .map(Number);
}

/** 428 when the header is missing, 412 (with the current version) when it names another version. */
export function requireIfMatch(header: string | undefined, currentVersion: number): void {
  const versions = parseIfMatch(header);
  if (versions === null) {
    throw new DomainError(
      'precondition-required',
      428,
      'Precondition Required',
      'Send If-Match with the ETag of the plan you read: a change needs it, so nobody overwrites another change.',
    );
  }
  if (!versions.includes(currentVersion)) throw preconditionFailed(currentVersion);
}

/** 412; `conflictingActions`: actions an agency changed since that the PUT changed or removed too. */
export function preconditionFailed(currentVersion: number | null, conflictingActions?: string[]): DomainError {
  return new DomainError(
    'precondition-failed',
    412,
    'Precondition Failed',
    currentVersion === null
      ? 'The case has no plan yet: create it without If-Match.'
      : conflictingActions
        ? `An agency has changed an action you changed or removed too (now version ${currentVersion}). Read the plan again and redo your change.`
        : `The plan has changed since you read it (now version ${currentVersion}). Read it again and redo your change.`,
    conflictingActions ? { currentVersion, conflictingActions } : { currentVersion },
  );
}

/**
 * An action's own version as a strong ETag, `"a3"`: told apart from the plan's `"7"`, so a
 * client that sends the plan's ETag to an action (or the other way round) gets 412, never a
 * false match.
 */
export const actionEtagOf = (version: number): string => `"a${version}"`;

/**
 * 428 when an action's `If-Match` is missing (or `*`), 412 (with the action's current ETag)
 * when it names another version of the action.
 */
export function requireActionIfMatch(header: string | undefined, actionId: string, currentVersion: number): void {
  if (header === undefined || header.trim() === '') {
    throw new DomainError(
      'precondition-required',
      428,
      'Precondition Required',
      "Send If-Match with the action's ETag (its `etag` in the plan): a change needs it.",
    );
  }
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) {
    throw new DomainError(
      'precondition-required',
      428,
      'Precondition Required',
      "If-Match: * is not accepted: send the action's ETag as you read it.",
    );
  }
  const versions = tags
    .map((t) => t.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
    .flatMap((t) => (/^a\d{1,9}$/.test(t) ? [Number(t.slice(1))] : []));
  if (!versions.includes(currentVersion)) {
    throw new DomainError(
      'precondition-failed',
      412,
      'Precondition Failed',
      'The action has changed since you read it. Read the plan again and redo your change.',
      { actionId, currentEtag: actionEtagOf(currentVersion) },
    );
  }
}
