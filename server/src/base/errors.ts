/**
 * The catalogue of errors a person or client can meet. Each has a stable
 * `code` (tests and clients match on it), an HTTP status, and a message a
 * person can act on. The HTTP exception filter and the collab gateway both
 * turn these classes into `{ code, message }`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

export class BadRequest extends DomainError {
  readonly code = 'bad-request';
  readonly status = 400;
}

export class Unauthorized extends DomainError {
  readonly code = 'unauthorized';
  readonly status = 401;
  constructor(message = 'Sign in to continue.') {
    super(message);
  }
}

export class WrongCredentials extends DomainError {
  readonly code = 'wrong-credentials';
  readonly status = 401;
  constructor() {
    super('The email address or password is not right. Check them and try again.');
  }
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
  constructor(message = 'Your role in this workspace does not allow this.') {
    super(message);
  }
}

export class CsrfRejected extends DomainError {
  readonly code = 'csrf';
  readonly status = 403;
  constructor() {
    super(
      'This request came with a session cookie but without the X-Requested-With header, so it was refused to protect you from cross-site requests.',
    );
  }
}

export class NotFound extends DomainError {
  readonly code = 'not-found';
  readonly status = 404;
  constructor(what = 'that') {
    super(`We could not find ${what}. It may have been removed, or you may not have access to it.`);
  }
}

export class AlreadyMember extends DomainError {
  readonly code = 'already-member';
  readonly status = 409;
  constructor() {
    super('You are already a member of this workspace.');
  }
}

export class AccountExists extends DomainError {
  readonly code = 'account-exists';
  readonly status = 409;
  constructor() {
    super(
      'An account with this email address already exists. Sign in, then accept the invitation.',
    );
  }
}

export class LastCommissioner extends DomainError {
  readonly code = 'last-commissioner';
  readonly status = 409;
  constructor() {
    super('A workspace needs at least one commissioner. Make another member a commissioner first.');
  }
}

export class InvitationForSomeoneElse extends DomainError {
  readonly code = 'invitation-for-someone-else';
  readonly status = 403;
  constructor() {
    super(
      'This invitation was sent to a different email address. Sign in with that address, or ask for a new invitation.',
    );
  }
}

export class InvitationExpired extends DomainError {
  readonly code = 'invitation-expired';
  readonly status = 410;
  constructor() {
    super('This invitation has expired. Ask the commissioner who invited you for a new one.');
  }
}

export class InvitationUsed extends DomainError {
  readonly code = 'invitation-used';
  readonly status = 410;
  constructor() {
    super('This invitation has already been used. Each invitation works once.');
  }
}

export class InvitationRevoked extends DomainError {
  readonly code = 'invitation-revoked';
  readonly status = 410;
  constructor() {
    super('This invitation was withdrawn. Ask the commissioner who invited you for a new one.');
  }
}

export class PayloadTooLarge extends DomainError {
  readonly code = 'payload-too-large';
  readonly status = 413;
  constructor(limit: string) {
    super(`The request is too large. Send at most ${limit}.`);
  }
}

export class UnsupportedMediaType extends DomainError {
  readonly code = 'unsupported-media-type';
  readonly status = 415;
  constructor() {
    super('Send the request body as JSON, with the header Content-Type: application/json.');
  }
}

/** The request line or headers are longer than the server reads (Node's 16 kB). */
export class HeadersTooLarge extends DomainError {
  readonly code = 'headers-too-large';
  readonly status = 431;
  constructor() {
    super('The address or headers of this request are too long. Shorten them and try again.');
  }
}

export class TooManyRequests extends DomainError {
  readonly code = 'too-many-requests';
  readonly status = 429;
  constructor() {
    super('Too many attempts. Wait a minute, then try again.');
  }
}

/** A collab payload that does not decode, or that Yjs cannot apply (the collab gateway). */
export class BadMessage extends DomainError {
  readonly code = 'bad-message';
  readonly status = 400;
}

/** A collab frame for a specification the socket has not joined (the collab gateway). */
export class NotJoined extends DomainError {
  readonly code = 'not-joined';
  readonly status = 409;
  constructor() {
    super('Join the specification before sending to it.');
  }
}

export class ServiceUnavailable extends DomainError {
  readonly code = 'unavailable';
  readonly status = 503;
  constructor(message = 'The service is not ready. Try again shortly.') {
    super(message);
  }
}

/** First-run set-up (the first commissioner's account) when someone already did it. */
export class SetupDone extends DomainError {
  readonly code = 'setup-done';
  readonly status = 410;
  constructor() {
    super('Coproduce has already been set up. Sign in instead.');
  }
}

export class WrongSetupCode extends DomainError {
  readonly code = 'wrong-setup-code';
  readonly status = 403;
  constructor() {
    super(
      'The set-up code is not right. Check it against the code Coproduce printed when it started, and try again.',
    );
  }
}
