import {
  ERROR_NAMES,
  ERRORS,
  errorMessage,
  type ErrorCode,
  type ErrorMessageParts,
  type ErrorName,
} from '@coproduce/domain';

/**
 * An error from the catalogue (`ERRORS` in @coproduce/domain): a stable `code` that
 * tests and clients match on, an HTTP status, and a message a person can act on.
 * The HTTP exception filter and the collab gateway both turn these into
 * `{ code, message }`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly status: number;
  /** Sent as `Retry-After` (seconds): when trying again can succeed. */
  retryAfterSeconds?: number;
}

/** The class made for one catalogue entry: `new NotFound('that member')`. */
export type DomainErrorClass<Name extends ErrorName> = new (
  ...parts: ErrorMessageParts<Name>
) => DomainError & {
  readonly code: (typeof ERRORS)[Name]['code'];
  readonly status: (typeof ERRORS)[Name]['status'];
};

function classFor<Name extends ErrorName>(name: Name): DomainErrorClass<Name> {
  const { code, status } = ERRORS[name];
  const made = class extends DomainError {
    readonly code = code;
    readonly status = status;
    constructor(...parts: ErrorMessageParts<Name>) {
      super(errorMessage(name, ...parts));
    }
  };
  // Logs (pino's error `type`) name the catalogue entry rather than an anonymous class.
  Object.defineProperty(made, 'name', { value: name });
  return made;
}

/** One class per catalogue entry, by its name; each is also exported by name below. */
export const DOMAIN_ERRORS = Object.fromEntries(
  ERROR_NAMES.map((name) => [name, classFor(name)]),
) as { readonly [Name in ErrorName]: DomainErrorClass<Name> };

/** An instance of one catalogue entry's class, for where a type names it. */
export type DomainErrorOf<Name extends ErrorName> = InstanceType<DomainErrorClass<Name>>;

export const {
  BadRequest,
  MalformedJson,
  BadMessage,
  Unauthorized,
  WrongCredentials,
  WrongPassword,
  Forbidden,
  CsrfRejected,
  InvitationForSomeoneElse,
  WrongSetupCode,
  NotFound,
  MethodNotAllowed,
  Conflict,
  AlreadyMember,
  AccountExists,
  LastCommissioner,
  QuestionsClosed,
  VersionWithdrawn,
  AlreadyAnswered,
  NotJoined,
  Gone,
  InvitationExpired,
  InvitationUsed,
  InvitationRevoked,
  SetupDone,
  PayloadTooLarge,
  UnsupportedMediaType,
  TooManyRequests,
  HeadersTooLarge,
  InternalServerError,
  ServiceUnavailable,
} = DOMAIN_ERRORS;

// Each name is a type as well as a class, as it was when the classes were written by hand.
export type BadRequest = DomainErrorOf<'BadRequest'>;
export type MalformedJson = DomainErrorOf<'MalformedJson'>;
export type BadMessage = DomainErrorOf<'BadMessage'>;
export type Unauthorized = DomainErrorOf<'Unauthorized'>;
export type WrongCredentials = DomainErrorOf<'WrongCredentials'>;
export type WrongPassword = DomainErrorOf<'WrongPassword'>;
export type Forbidden = DomainErrorOf<'Forbidden'>;
export type CsrfRejected = DomainErrorOf<'CsrfRejected'>;
export type InvitationForSomeoneElse = DomainErrorOf<'InvitationForSomeoneElse'>;
export type WrongSetupCode = DomainErrorOf<'WrongSetupCode'>;
export type NotFound = DomainErrorOf<'NotFound'>;
export type MethodNotAllowed = DomainErrorOf<'MethodNotAllowed'>;
export type Conflict = DomainErrorOf<'Conflict'>;
export type AlreadyMember = DomainErrorOf<'AlreadyMember'>;
export type AccountExists = DomainErrorOf<'AccountExists'>;
export type LastCommissioner = DomainErrorOf<'LastCommissioner'>;
export type NotJoined = DomainErrorOf<'NotJoined'>;
export type Gone = DomainErrorOf<'Gone'>;
export type InvitationExpired = DomainErrorOf<'InvitationExpired'>;
export type InvitationUsed = DomainErrorOf<'InvitationUsed'>;
export type InvitationRevoked = DomainErrorOf<'InvitationRevoked'>;
export type SetupDone = DomainErrorOf<'SetupDone'>;
export type PayloadTooLarge = DomainErrorOf<'PayloadTooLarge'>;
export type UnsupportedMediaType = DomainErrorOf<'UnsupportedMediaType'>;
export type TooManyRequests = DomainErrorOf<'TooManyRequests'>;
export type HeadersTooLarge = DomainErrorOf<'HeadersTooLarge'>;
export type InternalServerError = DomainErrorOf<'InternalServerError'>;
export type ServiceUnavailable = DomainErrorOf<'ServiceUnavailable'>;
