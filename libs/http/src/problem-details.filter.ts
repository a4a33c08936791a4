import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
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

/** Errors raised by Express's body parser carry an HTTP status and a `type` like entity.parse.failed. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'entity.too.deep': `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels of objects and arrays).`,
  'encoding.unsupported': 'The request body has an unsupported content encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was aborted.',
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
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(error, request);
    const body = {
      ...problem,
      instance: request.originalUrl?.split('?')[0] ?? request.url,
      requestId: String(request.id ?? ''),
    };
    if (response.headersSent) return;
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(error: unknown, request: Request): Problem {
    if (error instanceof DomainError) {
      return {
        type: problemType(error.code),
        title: error.title,
        status: error.status,
        detail: error.message,
        ...error.extensions,
      };
    }
    // Nest wraps body-parser errors in an HttpException; their own messages can quote the body.
    const bodyError = ((error as { cause?: unknown })?.cause ?? error) as BodyParserError;
    if (bodyError && typeof bodyError.type === 'string' && bodyError.type in BODY_PARSER_DETAILS) {
      const status = bodyError.status ?? 400;
      return {
        type: problemType(status),
        title: statusTitle(status),
        status,
        detail: BODY_PARSER_DETAILS[bodyError.type],
      };
    }
    if (error instanceof HttpException) return this.fromHttpException(error);

    switch (classifyDatabaseError(error)) {
      case 'unavailable':
        this.logger.warn(`database unavailable during ${request.method} ${request.route?.path ?? ''}`);
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
