import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { classifyDatabaseError, violatedConstraint } from '@app/database';
import { DomainError, TooManyRequestsError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, problemType, statusTitle } from './problem-details';
import { MAX_JSON_DEPTH } from './request-input';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

/**
 * Errors of the JSON body parser (apps/api/src/json-body.ts) carry an HTTP status and a `type` like
 * entity.parse.failed (body-parser's names); Fastify's own carry a `code` like FST_ERR_CTP_BODY_TOO_LARGE.
 */
interface BodyParserError {
  type?: string;
  code?: string;
  status?: number;
  statusCode?: number;
}

const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'entity.too.deep': `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels of objects and arrays).`,
  'encoding.unsupported': 'The request body has an unsupported content encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was aborted.',
  'media.type.invalid': 'The request has a Content-Type header that cannot be read.',
};

/** Fastify's body errors, as the ones above. */
const FASTIFY_BODY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'entity.too.large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'media.type.invalid',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.aborted',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'entity.parse.failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'entity.parse.failed',
};

/**
 * What the log keeps of an unexpected error. A database error's message (and so the first line
 * of its stack) can quote the client's input (`invalid input syntax for type uuid: "…"`), and
 * TypeORM adds the query and its parameters: of those only the SQLSTATE code, the name and the
 * stack's frames are kept.
 */
function loggableError(error: unknown): Record<string, unknown> {
  const e = error as (Error & { code?: unknown; driverError?: { code?: unknown } }) | undefined;
  const sqlState = e?.driverError?.code ?? e?.code;
  if (e && (e.driverError || (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)))) {
    const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    return { name: e.name, code: sqlState, stack: frames.join('\n') };
  }
  return { name: e?.name, message: e?.message, stack: e?.stack };
}

/**
 * Turns every error, whatever its source, into RFC 9457 problem details. Nothing internal leaks:
 * no stack traces, no SQL, no values from the database's error messages.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const problem = this.toProblem(error, request);
    const body = JSON.stringify({
      ...problem,
      instance: (request.originalUrl ?? request.url).split('?')[0],
      requestId: String(request.id ?? ''),
    });
    const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
    if (problem.status === 401) headers['WWW-Authenticate'] = 'Bearer';
    if (error instanceof TooManyRequestsError) headers['Retry-After'] = String(error.retryAfterSeconds);
    const response = http.getResponse<FastifyReply | ServerResponse>();
    if ('raw' in response) {
      if (!response.sent) void response.code(problem.status).headers(headers).send(body);
    } else if (!response.headersSent) {
      // A Nest middleware's error comes with the raw response.
      response.writeHead(problem.status, headers).end(body);
    }
  }

  private toProblem(error: unknown, request: FastifyRequest): Problem {
    if (error instanceof DomainError) {
      return {
        type: problemType(error.code),
        title: error.title,
        status: error.status,
        detail: error.message,
        ...error.extensions,
      };
    }
    // Body errors get fixed texts: their own messages can quote the body.
    const bodyError = ((error as { cause?: unknown })?.cause ?? error) as BodyParserError;
    const bodyErrorType = bodyError?.type ?? FASTIFY_BODY_ERRORS[bodyError?.code ?? ''];
    if (typeof bodyErrorType === 'string' && bodyErrorType in BODY_PARSER_DETAILS) {
      const status = bodyError.status ?? bodyError.statusCode ?? 400;
      return {
        type: problemType(status),
        title: statusTitle(status),
        status,
        detail: BODY_PARSER_DETAILS[bodyErrorType],
      };
    }
    if (error instanceof HttpException) return this.fromHttpException(error);

    switch (classifyDatabaseError(error)) {
      case 'unavailable':
        this.logger.warn(`database unavailable during ${request.method} ${request.routeOptions?.url ?? ''}`);
        return {
          type: problemType(503),
          title: statusTitle(503),
          status: 503,
          detail: 'The database is not reachable right now. Please try again shortly.',
        };
      case 'unique_violation':
        return this.constraintProblem(409, 'already-exists', 'This already exists.', error);
      case 'foreign_key_violation':
        return this.constraintProblem(
          422,
          'reference-invalid',
          'The request refers to something that does not exist or is still in use.',
          error,
        );
      case 'check_violation':
      case 'not_null_violation':
        return this.constraintProblem(422, 'unprocessable', 'The request breaks a rule of the data.', error);
      case 'serialization_failure':
        return {
          type: problemType('concurrent-update'),
          title: statusTitle(409),
          status: 409,
          detail: 'Someone else changed this at the same time. Please try again.',
        };
      case 'invalid_input':
        return {
          type: problemType(400),
          title: statusTitle(400),
          status: 400,
          detail: 'A value in the request has the wrong format.',
        };
      default:
        break;
    }

    // Unexpected: log it with the request id; the client gets only the id.
    this.logger.error({ err: loggableError(error) }, 'unhandled error');
    return {
      type: problemType(500),
      title: statusTitle(500),
      status: 500,
      detail: 'Something went wrong on our side. Quote the request id if you contact support.',
    };
  }

  private fromHttpException(error: HttpException): Problem {
    const status = error.getStatus();
    const payload = error.getResponse();
    let detail: string | undefined;
    const extensions: Record<string, unknown> = {};
    if (typeof payload === 'string') {
      detail = payload;
    } else if (payload && typeof payload === 'object') {
      const p = payload as Record<string, unknown>;
      if (Array.isArray(p.message)) detail = p.message.join('; ');
      else if (typeof p.message === 'string') detail = p.message;
      // @nestjs/terminus reports each check's state; the readiness probe shows which one failed.
      if (p.status === 'error' && p.details) {
        extensions.checks = p.details;
        detail = 'A dependency is not available.';
      }
    }
    return {
      type: problemType(status),
      title: statusTitle(status),
      status,
      detail: detail ?? statusTitle(status),
      ...extensions,
    };
  }

  private constraintProblem(status: number, code: string, detail: string, error: unknown): Problem {
    // The constraint's name says which rule without echoing any value.
    const constraint = violatedConstraint(error);
    return {
      type: problemType(code),
      title: statusTitle(status),
      status,
      detail,
      ...(constraint ? { constraint } : {}),
    };
  }
}
