import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { MISSING_CREDENTIALS_DETAIL } from '../auth/session';
import { DomainError, type FieldProblem } from './domain-error';
import { PLATFORM_ERRORS, type ErrorCode, type PlatformErrorCode } from './error-code';
import { ErrorStatuses, titleOf } from './error-status';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldProblem[];
  instance?: string;
  requestId?: string;
}

/**
 * Every error leaves as RFC 9457 problem details with a stable `code`, its
 * status from the app's map of every code (`statuses`).
 * Nothing internal (stack, SQL, class names) reaches the client; 5xx are logged with the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly statuses: ErrorStatuses) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    if (exception instanceof ServiceUnavailableException) {
      // Readiness (terminus): 503 with the per-dependency report, which is what probes read.
      res.status(503).json(exception.getResponse());
      return;
    }
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error({ err: safeError(exception), requestId: req.id }, 'Unhandled error');
    }
    if (res.headersSent) return;
    sendProblem(req, res, problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      return problemWithStatus(this.statuses.of(exception.code), exception.code, exception.detail, exception.errors);
    }
    if (exception instanceof ThrottlerException) {
      return problem('RATE_LIMITED', 'Too many requests; try again in a minute.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return httpProblem(status, exception);
    }
    return problem('INTERNAL_ERROR', 'An unexpected error occurred; quote the request id when reporting it.');
  }
}

function httpProblem(status: number, exception: HttpException): ProblemDetails {
  switch (status) {
    case 401:
      return problem('UNAUTHENTICATED', MISSING_CREDENTIALS_DETAIL);
    case 403:
      return problem('FORBIDDEN', 'Your role does not allow this.');
    case 404:
      return problem('NOT_FOUND', 'No such resource.');
    case 429:
      return problem('RATE_LIMITED', 'Too many requests; try again in a minute.');
    default:
      if (status >= 400 && status < 500) {
        // Body-parser errors (malformed JSON, too large, wrong charset) and similar client mistakes.
        const detail = status === 413 ? 'The request body is too large.' : clientMessage(exception);
        return { ...problem('VALIDATION_FAILED', detail, [{ field: 'body', message: detail }]), status, title: titleOf(status) };
      }
      return problem('INTERNAL_ERROR', 'An unexpected error occurred; quote the request id when reporting it.');
  }
}

function clientMessage(exception: HttpException): string {
  const message = exception.message;
  return /JSON|Unexpected token|body/i.test(message) ? 'The request body is not valid JSON.' : 'The request is not valid.';
}

/** What a log may keep of an error: no query parameters, which can hold password hashes or personal data. */
function safeError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { value: String(exception) };
  const driver = (exception as { driverError?: { code?: string; constraint?: string; table?: string } }).driverError;
  return {
    type: exception.name,
    message: exception.message,
    stack: exception.stack,
    ...(driver ? { sqlState: driver.code, constraint: driver.constraint, table: driver.table } : {}),
  };
}

/**
 * Answers with problem details naming the request (path, request id). Also
 * for Express middleware that Nest's filter never sees (the queue dashboard's
 * guard, the web portal's files).
 */
export function sendProblem(req: Request & { id?: unknown }, res: Response, body: ProblemDetails): void {
  const named: ProblemDetails = { ...body, instance: req.originalUrl?.split('?')[0] };
  if (req.id) named.requestId = String(req.id);
  res.status(named.status).type('application/problem+json').send(JSON.stringify(named));
}

/** Problem details with one of the platform's codes (what the HTTP pipeline answers by itself). */
export function problem(code: PlatformErrorCode, detail: string, errors: FieldProblem[] = []): ProblemDetails {
  return problemWithStatus(PLATFORM_ERRORS[code], code, detail, errors);
}

function problemWithStatus(status: number, code: ErrorCode, detail: string, errors: FieldProblem[]): ProblemDetails {
  return {
    type: `urn:prague-grants:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: titleOf(status),
    status,
    detail,
    code,
    errors,
  };
}
