import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Problem types are relative URIs under this path, e.g. `/problems/validation` (RFC 9457 §3.1.1). */
export const PROBLEM_TYPE_BASE = '/problems/';

export class ProblemFieldError {
  @ApiProperty({ example: 'personnummer' }) field: string;
  @ApiProperty({
    example: 'invalid-personnummer',
    description:
      'Machine-readable and stable: clients show their own words for it. From the validators: `required`, ' +
      '`unknown-field`, `not-text`, `not-whole-number`, `too-small`, `too-large`, `too-short`, `too-long`, ' +
      '`not-a-choice`, `invalid-id`, `invalid-format`, `invalid-date`, …; from the rules: `blank`, `in-future`, ' +
      '`not-in-future`, `before-start`, `not-in-case`, `not-working-day`, `already-exists`, `unknown`, ….',
  })
  code: string;
  @ApiProperty({ example: 'personnummer has an invalid check digit', description: 'In English, for developers.' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDetails {
  @ApiProperty({ example: '/problems/validation' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: 'The request has invalid fields.' }) detail?: string;
  @ApiProperty({ example: '/api/v1/users' }) instance: string;
  @ApiProperty({ description: 'Quote it when asking for help: it finds the request in the logs.' })
  requestId: string;
  @ApiPropertyOptional({ type: [ProblemFieldError], description: 'Field-level list for validation failures.' })
  errors?: ProblemFieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  423: 'locked',
  428: 'precondition-required',
  429: 'too-many-requests',
  500: 'internal',
  503: 'unavailable',
};

export function problemType(codeOrStatus: string | number): string {
  const slug = typeof codeOrStatus === 'number' ? (SLUGS[codeOrStatus] ?? 'http-error') : codeOrStatus;
  return PROBLEM_TYPE_BASE + slug;
}
