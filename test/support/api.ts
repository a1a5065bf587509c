// A small fetch wrapper for API tests: JSON in and out, bearer or cookie auth.
import type { Role, SessionResponse } from '@coproduce/domain';

export const DEMO_PASSWORD = 'coproduce-demo';

export const DEMO_EMAIL: Record<Role, string> = {
  commissioner: 'commissioner@demo.test',
  'steering-member': 'steering@demo.test',
  'expert-by-experience': 'expert@demo.test',
  'engagement-lead': 'engagement@demo.test',
  provider: 'provider@demo.test',
  observer: 'observer@demo.test',
};

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON, or undefined when empty. */
  body: T;
}

export interface RequestOptions {
  token?: string;
  /** A raw Cookie header, e.g. from `sessionCookieOf`. */
  cookie?: string;
  /** Serialised with JSON.stringify unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.cookie) headers['cookie'] = options.cookie;
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text === '' ? undefined : text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') {
    parsed = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export async function signInAs(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<ApiResponse<SessionResponse>> {
  const response = await api<SessionResponse>(baseUrl, 'POST', '/api/session', {
    body: { email, password },
  });
  if (response.status !== 200) {
    throw new Error(
      `Signing in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response;
}

/** Signs in and returns the bearer token. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  return (await signInAs(baseUrl, email, password)).body.token;
}

/** The `name=value` of the session cookie a response set, for a Cookie header. */
export function sessionCookieOf(response: ApiResponse): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const match = /(coproduce_session=[^;]+)/.exec(setCookie);
  if (!match?.[1]) throw new Error(`No session cookie in: ${setCookie}`);
  return match[1];
}

/** The shape every error response has; use in `expect(...).toEqual(errorWithCode('x'))`. */
export function errorWithCode(code: string) {
  return { error: { code, message: expect.any(String) as unknown as string } };
}
