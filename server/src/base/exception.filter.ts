import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { ERRORS, type ApiErrorBody, type ErrorCode } from '@coproduce/domain';
import type { Request, Response } from 'express';
import { DomainError } from './errors';
import { isStopping, RETRY_AFTER_STOPPING_SECONDS, STOPPING_REPLY } from './graceful-stop';

/** Codes for HTTP errors raised by libraries rather than by our catalogue. */
const CODE_FOR_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  503: 'unavailable',
};

/**
 * The one place an exception becomes a response: `{ error: { code, message } }`.
 * Anything not recognised as the client's fault is logged and answered 500
 * without internal detail.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return this.catchOutsideHttp(exception, host);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = this.describe(exception, request);
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE && isStopping()) {
      // A request caught by the stop (its store closed under it) is not a fault of ours.
      if (!response.headersSent) {
        response.setHeader('Retry-After', String(RETRY_AFTER_STOPPING_SECONDS));
        response.status(503).json(STOPPING_REPLY);
      }
      return;
    }
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error(
        { err: exception, method: request.method, url: request.originalUrl },
        'Unexpected error while handling a request',
      );
    }
    if (response.headersSent) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(status).json(body);
  }

  /**
   * The collab gateway answers its own errors (doc:error); anything that
   * escapes it is told to the socket in Nest's usual `exception` event and
   * never rethrown, which would bring the process down.
   */
  private catchOutsideHttp(exception: unknown, host: ArgumentsHost): void {
    const known = exception instanceof DomainError;
    if (!known) this.logger.error({ err: exception }, 'Unexpected error outside an HTTP request');
    if (host.getType() !== 'ws') return;
    const client = host.switchToWs().getClient<{ emit?: (event: string, body: unknown) => void }>();
    client.emit?.('exception', {
      status: 'error',
      code: known ? exception.code : ERRORS.InternalServerError.code,
      message: known ? exception.message : 'Something went wrong on our side.',
    });
  }

  private describe(exception: unknown, request: Request): ErrorReply {
    if (exception instanceof DomainError) {
      return reply(exception.status, exception.code, exception.message);
    }
    if (exception instanceof NotFoundException && isRouteMiss(exception)) {
      return reply(
        404,
        'not-found',
        `There is nothing at ${request.method} ${request.path}. Check the address.`,
      );
    }
    if (exception instanceof BadRequestException && isMalformedBody(exception)) {
      return catalogueReply(ERRORS.MalformedJson);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.SERVICE_UNAVAILABLE) {
        return reply(status, 'unavailable', 'The service or its database is not answering yet.');
      }
      return reply(status, CODE_FOR_STATUS[status] ?? codeFromStatus(status), messageOf(exception));
    }
    if (isDatabaseUnreachable(exception)) {
      return reply(503, 'unavailable', 'The database is not answering. Try again shortly.');
    }
    const clientError = describeBodyParserError(exception);
    if (clientError) return clientError;
    if (isRefusedByStorage(exception)) {
      // The request's validation should have caught this; say so loudly, but the
      // value came from the caller, so it is theirs to fix, not a 500.
      this.logger.error(
        { err: exception, method: request.method, url: request.originalUrl },
        'The database refused a value that request validation let through',
      );
      return reply(
        400,
        'bad-request',
        'Something you sent cannot be stored as it is (too long, or in the wrong form). Check it and try again.',
      );
    }
    return catalogueReply(ERRORS.InternalServerError);
  }
}

function reply(status: number, code: ErrorCode, message: string): ErrorReply {
  return { status, body: { error: { code, message } } };
}

/** A catalogue entry whose message takes no parts, answered as it stands. */
function catalogueReply(entry: { status: number; code: ErrorCode; message: string }): ErrorReply {
  return reply(entry.status, entry.code, entry.message);
}

function codeFromStatus(status: number): ErrorCode {
  return status >= 500 ? 'internal' : 'bad-request';
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/** Nest answers a path with no route with a NotFoundException "Cannot GET /x". */
function isRouteMiss(exception: NotFoundException): boolean {
  return /^Cannot [A-Z]+ /.test(exception.message);
}

/** Nest maps body-parser's JSON SyntaxError to a BadRequestException carrying it as the cause. */
function isMalformedBody(exception: BadRequestException): boolean {
  return (
    /JSON|Unexpected token|Unexpected end/i.test(exception.message) &&
    !(exception.getResponse() as { error?: { code?: string } }).error?.code
  );
}

/** Mongoose's schema checks or MongoDB's document validation (code 121) refused a value. */
function isRefusedByStorage(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  return (
    exception.name === 'ValidationError' ||
    exception.name === 'CastError' ||
    (exception as { code?: unknown }).code === 121
  );
}

/** The driver or mongoose could not reach the database: the service is down, not the request wrong. */
function isDatabaseUnreachable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  return (
    /^Mongo(ose)?(ServerSelection|Network|NotConnected|NetworkTimeout)Error$/.test(
      exception.name,
    ) || /buffering timed out/.test(exception.message)
  );
}

export interface ErrorReply {
  status: number;
  body: ApiErrorBody;
}

/**
 * body-parser and raw-body raise `http-errors` objects (status, type, expose)
 * that reach the filter unmapped: too large, bad charset, aborted request.
 */
export function describeBodyParserError(exception: unknown): ErrorReply | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type, expose, limit } = exception as {
    status?: unknown;
    type?: unknown;
    expose?: unknown;
    limit?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) {
    return undefined;
  }
  switch (type) {
    case 'entity.too.large':
      return reply(
        413,
        'payload-too-large',
        `The request body is too large${typeof limit === 'number' ? ` (at most ${Math.floor(limit / 1024)} kB)` : ''}.`,
      );
    case 'entity.parse.failed':
      return catalogueReply(ERRORS.MalformedJson);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return reply(415, 'unsupported-media-type', 'Send the body as UTF-8 JSON.');
    default:
      return reply(
        status,
        CODE_FOR_STATUS[status] ?? 'bad-request',
        'The request could not be read.',
      );
  }
}
