/**
 * The catalogue of errors a person or client can meet, once, as data: every
 * `{ error: { code, message } }` the API answers and every `{ code, message }`
 * the collab socket sends has its code here. The server makes its error classes
 * from this list (server/src/base/errors.ts); clients match on `ErrorCode`,
 * never on a string typed by hand.
 *
 * A new error is a new entry here plus its name in the server's list of exports
 * (server/src/base/errors.spec.ts fails until it is there). A code, once clients
 * match on it, does not change.
 */
interface ErrorDefinition {
  /** Stable and kebab-case: what clients and tests match on. */
  readonly code: string;
  readonly status: number;
  /** What a person reads: fixed, or made from the parts whoever raises it gives. */
  readonly message: string | ((...parts: never[]) => string);
}

export const ERRORS = {
  /** What is wrong with the request, said by whatever found it (validation, screening). */
  BadRequest: { code: 'bad-request', status: 400, message: (problem: string) => problem },
  /** A body that does not parse as JSON (the body parser, before any route). */
  MalformedJson: {
    code: 'malformed-json',
    status: 400,
    message: 'The request body must be a JSON object. Check its syntax.',
  },
  /** A collab payload that does not decode, or that Yjs cannot apply. */
  BadMessage: { code: 'bad-message', status: 400, message: (problem: string) => problem },
  Unauthorized: {
    code: 'unauthorized',
    status: 401,
    message: (why = 'Sign in to continue.') => why,
  },
  WrongCredentials: {
    code: 'wrong-credentials',
    status: 401,
    message: 'The email address or password is not right. Check them and try again.',
  },
  /** The current password, asked for again before a change to the account, is not right. */
  WrongPassword: {
    code: 'wrong-password',
    status: 403,
    message: 'Your current password is not right. Check it and try again.',
  },
  Forbidden: {
    code: 'forbidden',
    status: 403,
    message: (why = 'Your role in this workspace does not allow this.') => why,
  },
  CsrfRejected: {
    code: 'csrf',
    status: 403,
    message:
      'This request came with a session cookie but without the X-Requested-With header, so it was refused to protect you from cross-site requests.',
  },
  InvitationForSomeoneElse: {
    code: 'invitation-for-someone-else',
    status: 403,
    message:
      'This invitation was sent to a different email address. Sign in with that address, or ask for a new invitation.',
  },
  WrongSetupCode: {
    code: 'wrong-setup-code',
    status: 403,
    message:
      'The set-up code is not right. Check it against the code Coproduce printed when it started, and try again.',
  },
  NotFound: {
    code: 'not-found',
    status: 404,
    message: (what = 'that') =>
      `We could not find ${what}. It may have been removed, or you may not have access to it.`,
  },
  /** A route that exists with another method (raised by the framework, not by us). */
  MethodNotAllowed: {
    code: 'method-not-allowed',
    status: 405,
    message: (problem: string) => problem,
  },
  /** A clash the framework or a library reports without one of the names below. */
  Conflict: { code: 'conflict', status: 409, message: (problem: string) => problem },
  AlreadyMember: {
    code: 'already-member',
    status: 409,
    message: 'You are already a member of this workspace.',
  },
  AccountExists: {
    code: 'account-exists',
    status: 409,
    message:
      'An account with this email address already exists. Sign in, then accept the invitation.',
  },
  LastCommissioner: {
    code: 'last-commissioner',
    status: 409,
    message:
      'A workspace needs at least one commissioner. Make another member a commissioner first.',
  },
  /** A clarification question after the version's clarification deadline. */
  QuestionsClosed: {
    code: 'questions-closed',
    status: 409,
    message: (deadline: string) =>
      `Questions on this version closed at the end of ${deadline}. Contact the commissioners another way if something is urgent.`,
  },
  /** Asking about, or withdrawing again, a version that was withdrawn. */
  VersionWithdrawn: {
    code: 'version-withdrawn',
    status: 409,
    message:
      'This version has been withdrawn. Read the newest published version, and ask your question there.',
  },
  AlreadyAnswered: {
    code: 'already-answered',
    status: 409,
    message:
      'This question has already been answered, and every provider can read the answer. Publish a new version if the answer needs to change.',
  },
  /** A collab frame for a specification the socket has not joined. */
  NotJoined: {
    code: 'not-joined',
    status: 409,
    message: 'Join the specification before sending to it.',
  },
  /** Something gone for good that the framework or a library reports without a name below. */
  Gone: { code: 'gone', status: 410, message: (problem: string) => problem },
  InvitationExpired: {
    code: 'invitation-expired',
    status: 410,
    message: 'This invitation has expired. Ask the commissioner who invited you for a new one.',
  },
  InvitationUsed: {
    code: 'invitation-used',
    status: 410,
    message: 'This invitation has already been used. Each invitation works once.',
  },
  InvitationRevoked: {
    code: 'invitation-revoked',
    status: 410,
    message: 'This invitation was withdrawn. Ask the commissioner who invited you for a new one.',
  },
  /** First-run set-up (the first commissioner's account) when someone already did it. */
  SetupDone: {
    code: 'setup-done',
    status: 410,
    message: 'Coproduce has already been set up. Sign in instead.',
  },
  PayloadTooLarge: {
    code: 'payload-too-large',
    status: 413,
    message: (limit: string) => `The request is too large. Send at most ${limit}.`,
  },
  UnsupportedMediaType: {
    code: 'unsupported-media-type',
    status: 415,
    message: 'Send the request body as JSON, with the header Content-Type: application/json.',
  },
  TooManyRequests: {
    code: 'too-many-requests',
    status: 429,
    /** `wait` in words, e.g. "2 minutes": the real wait, which `Retry-After` also gives. */
    message: (wait = 'a minute') => `Too many attempts. Wait ${wait}, then try again.`,
  },
  /** The request line or headers are longer than the server reads (Node's 16 kB). */
  HeadersTooLarge: {
    code: 'headers-too-large',
    status: 431,
    message: 'The address or headers of this request are too long. Shorten them and try again.',
  },
  /** Our fault, not the request's; the detail goes to the log, never to the client. */
  InternalServerError: {
    code: 'internal',
    status: 500,
    message: 'Something went wrong on our side. Try again shortly.',
  },
  ServiceUnavailable: {
    code: 'unavailable',
    status: 503,
    message: (why = 'The service is not ready. Try again shortly.') => why,
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorName = keyof typeof ERRORS;

export type ErrorCode = (typeof ERRORS)[ErrorName]['code'];

/** The parts a message is made from: `[what?: string]` for NotFound, `[]` for a fixed one. */
export type ErrorMessageParts<Name extends ErrorName> = (typeof ERRORS)[Name]['message'] extends (
  ...parts: infer Parts
) => string
  ? Parts
  : [];

/**
 * Some of the catalogue's codes, named for a narrower use (a protocol's join errors):
 * a code that is not in the catalogue does not compile.
 */
export type ErrorCodeAmong<Code extends ErrorCode> = Code;

export const ERROR_NAMES = Object.keys(ERRORS) as ErrorName[];

export const ERROR_CODES: readonly ErrorCode[] = ERROR_NAMES.map((name) => ERRORS[name].code);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The message a person reads for this error, made from its parts. */
export function errorMessage<Name extends ErrorName>(
  name: Name,
  ...parts: ErrorMessageParts<Name>
): string {
  const { message } = ERRORS[name] as ErrorDefinition;
  if (typeof message === 'string') return message;
  return (message as (...given: unknown[]) => string)(...parts);
}
