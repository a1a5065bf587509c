// A small fetch wrapper for API tests: JSON in and out, bearer or cookie auth.
import type {
  AcceptedInvitation,
  CreatedInvitation,
  Role,
  SessionResponse,
} from '@coproduce/domain';
import { request as httpRequest } from 'node:http';

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
  return responseOf<T>(response.status, response.headers, await response.text());
}

function responseOf<T>(status: number, headers: Headers, text: string): ApiResponse<T> {
  let parsed: unknown = text === '' ? undefined : text;
  if ((headers.get('content-type') ?? '').includes('json') && text !== '') {
    parsed = JSON.parse(text);
  }
  return { status, headers, body: parsed as T };
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: percent-encode it yourself. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as is, with whatever Content-Type `headers` says (none unless given). */
  body?: string | Buffer;
  /** The loopback address to send from, e.g. 127.4.0.9 (Linux answers on all of 127/8). */
  localAddress?: string;
}

/**
 * A request fetch would not send: any path, headers and body bytes, from a chosen
 * source address (so per-address rate limits can be kept apart), on a new connection.
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<ApiResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: hostname,
        port: Number(port),
        method: request.method,
        path: request.path,
        headers: {
          ...(request.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(request.body)) }
            : {}),
          ...request.headers,
        },
        localAddress: request.localAddress,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string') headers.set(name, value);
            else if (Array.isArray(value)) for (const each of value) headers.append(name, each);
          }
          try {
            resolve(
              responseOf(response.statusCode ?? 0, headers, Buffer.concat(chunks).toString()),
            );
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
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

/**
 * A new person joins a workspace through a link invitation made by `inviterToken`
 * (a commissioner), as an observer; returns their session.
 */
export async function joinByLink(
  baseUrl: string,
  inviterToken: string,
  workspaceId: string,
  person: { name: string; email: string },
): Promise<SessionResponse> {
  const link = await api<CreatedInvitation>(
    baseUrl,
    'POST',
    `/api/workspaces/${workspaceId}/invitations`,
    { token: inviterToken, body: { role: 'observer' } },
  );
  const joined = await api<AcceptedInvitation>(
    baseUrl,
    'POST',
    `/api/invitations/${link.body.token}/accept`,
    { body: { ...person, password: 'a long enough password' } },
  );
  if (!joined.body.session) {
    throw new Error(`Joining by link failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  }
  return joined.body.session;
}
