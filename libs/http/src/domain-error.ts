/**
 * Errors the domain raises. Services throw these; one filter maps them to RFC 9457 problem
 * details, so no service ever builds an HTTP response.
 */
export class DomainError extends Error {
  constructor(
    /** Short, stable, machine-readable code; becomes the problem `type`. */
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    /** Extra members of the problem object (e.g. `allowed` transitions, `currentVersion`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

/** 404 for objects the caller may not know exist; the text never says which. */
export class NotFoundError extends DomainError {
  constructor(what = 'resource') {
    super('not-found', 404, 'Not Found', `The ${what} does not exist or you have no access to it.`);
  }
}

/** 403 for things the caller may know exist but may not do. */
export class ForbiddenError extends DomainError {
  constructor(detail = 'You are not allowed to do this.') {
    super('forbidden', 403, 'Forbidden', detail);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super('conflict', 409, 'Conflict', detail, extensions);
  }
}

export class UnprocessableError extends DomainError {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super('unprocessable', 422, 'Unprocessable Content', detail, extensions);
  }
}

/**
 * One invalid field: `code` is machine-readable and stable (clients show their own words for it,
 * see `FIELD_ERROR_CODES`); `message` is the English explanation for developers.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** 400 with a field-level list, for failures the ValidationPipe cannot see (e.g. a bad cursor). */
export class ValidationError extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('validation', 400, 'Bad Request', 'The request has invalid fields.', { errors });
  }
}

/** 415 for a request body in a media type (or charset) the route does not take. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super('unsupported-media-type', 415, 'Unsupported Media Type', detail, extensions);
  }
}

/** 429: too many attempts; `Retry-After` tells the client when to try again. */
export class TooManyRequestsError extends DomainError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too-many-requests', 429, 'Too Many Requests', detail);
  }
}
