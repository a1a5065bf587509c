import { ApiError, errorFromResponse, networkError } from './api-error';

/**
 * Cookie-authenticated writes must carry this header: a cross-site form or image
 * cannot set it, so the server's CSRF guard accepts only requests made by this app.
 */
const CSRF_HEADER = { 'X-Requested-With': 'coproduce' } as const;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The one way the client talks to the REST API: same-origin JSON with the session
 * cookie, every failure turned into an ApiError with a message a person can read.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return (await apiResponse<T>(method, path, body)).body;
}

/** As apiRequest, with the answer's headers too, for a list that says its total in one. */
export async function apiResponse<T>(
  method: Method,
  path: string,
  body?: unknown,
): Promise<{ body: T; headers: Headers }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, CSRF_HEADER);
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }

  const payload = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, payload);
  return { body: payload as T, headers: response.headers };
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (!response.ok) return undefined;
    throw new ApiError(
      response.status,
      'bad-response',
      'The service sent a reply that could not be read. Try again.',
    );
  }
}

/** Encodes one path segment taken from the URL or from server data. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
