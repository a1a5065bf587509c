import { isErrorCode, type ErrorCode } from '@coproduce/domain';

/**
 * What a failed call is, to match on: one of the server's catalogue codes; `network`
 * when the server could not be reached; `bad-response` when a successful answer did
 * not read as JSON; or `http-<status>` when a failure carried no code this client
 * knows (a proxy's error page, a newer server).
 */
export type ApiErrorCode = ErrorCode | 'network' | 'bad-response' | `http-${number}`;

/**
 * A failed API call, carrying the server's `{ error: { code, message } }` when it sent one.
 * `message` is always something a person can read and act on.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function networkError(): ApiError {
  return new ApiError(
    0,
    'network',
    'Coproduce could not be reached. Check your internet connection and try again.',
  );
}

/** Turns a non-2xx response's body (whatever it holds) into an ApiError. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const serverError = readErrorBody(body);
  const code = serverError?.code ?? `http-${status}`;
  // The server's own rate-limit message says the real wait; anything else in front of it
  // (a proxy's page) gets plain words.
  if (status === 429) {
    const message =
      serverError?.code === 'too-many-requests'
        ? serverError.message
        : 'Too many attempts. Wait a few minutes and try again.';
    return new ApiError(status, code, message);
  }
  // A server failure gets the same plain words whatever it said: the next step is the same.
  if (status >= 500) {
    return new ApiError(
      status,
      code,
      'Sorry, there is a problem with the service. Try again later.',
    );
  }
  return new ApiError(status, code, serverError?.message ?? fallbackMessage(status));
}

function readErrorBody(body: unknown): { code?: ErrorCode; message: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body as { error: unknown };
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || typeof message !== 'string' || message.trim() === '') {
    return undefined;
  }
  // A code this client does not know (a newer server) still comes with words to show.
  return { code: isErrorCode(code) ? code : undefined, message };
}

function fallbackMessage(status: number): string {
  switch (status) {
    case 400:
      return 'Some of the information you gave is not valid. Check it and try again.';
    case 401:
      return 'You need to sign in to continue.';
    case 403:
      return 'You do not have permission to do that in this workspace.';
    case 404:
      return 'The page or item you asked for could not be found. It may have been removed.';
    case 409:
      return 'That change clashes with the current state. Refresh the page and try again.';
    case 410:
      return 'This is no longer available.';
    case 413:
      return 'What you sent is too large.';
    default:
      return 'Something went wrong. Try again.';
  }
}
