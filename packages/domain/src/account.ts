/**
 * The signed-in person's own account (`/api/account`): their name, email address,
 * password, the places they are signed in, and what happened to their sign-in.
 */

/** GET /api/account → 200; PATCH /api/account answers the same. */
export interface AccountDetail {
  id: string;
  name: string;
  email: string;
  /** A new address waiting for its emailed link to be opened; null when there is none. */
  pendingEmail: { email: string; expiresAt: string } | null;
}

/** PATCH /api/account */
export interface ChangeNameRequest {
  name: string;
}

/**
 * POST /api/account/email. When this Coproduce sends email (GET /api/mail), a link goes
 * to the new address and the change happens when it is opened (202 `confirmation-emailed`);
 * without email the current password is needed and the change happens at once
 * (200 `changed`).
 */
export interface ChangeEmailRequest {
  email: string;
  password?: string;
}

export type EmailChangeAnswer =
  | { status: 'confirmation-emailed'; email: string; expiresAt: string }
  | { status: 'changed'; account: AccountDetail };

/** GET /api/account/email-confirmations/:token (public): the address the link confirms. */
export interface EmailConfirmationPreview {
  email: string;
  expiresAt: string;
}

/** POST /api/account/email-confirmations/:token (public) → 200: whose address changed. */
export interface EmailConfirmed {
  user: { id: string; name: string; email: string };
}

/** POST /api/account/password */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** 200 answer to ChangePasswordRequest: every other session ended, with its open sockets. */
export interface PasswordChanged {
  otherSessionsEnded: number;
}

/**
 * GET /api/account/sessions → AccountSession[]: where the person is signed in, this one
 * first. `id` names the session for ending it; it is neither its token nor the token's hash.
 */
export interface AccountSession {
  id: string;
  /** The session this request came with. */
  current: boolean;
  startedAt: string;
  /** Roughly: noted at most once a minute. Null when not used since signing in. */
  lastUsedAt: string | null;
  /** "Firefox on Windows", as far as the browser said; null when it did not. */
  browser: string | null;
}

/** DELETE /api/account/sessions (all but this one) → 200 */
export interface SessionsEnded {
  ended: number;
}

/** The audit actions the account page lists as the person's sign-in and password events. */
export const ACCOUNT_EVENT_ACTIONS = [
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-out',
  'account.session-end',
  'account.other-sessions-end',
  'account.password-change',
  'password.reset',
  'member.password-reset',
  'account.email-change-request',
  'account.email-change',
] as const;

export type AccountEventAction = (typeof ACCOUNT_EVENT_ACTIONS)[number];

/**
 * GET /api/account/events?page=&pageSize= → AccountEvent[], newest first; X-Total-Count
 * says how many there are. `actor` is who did it: the person themselves, someone else (a
 * commissioner who made them a password link), or null when nobody was signed in (a
 * failed sign-in).
 */
export interface AccountEvent {
  id: string;
  at: string;
  action: AccountEventAction;
  actor: { id: string; name: string } | null;
  detail: Record<string, string>;
}

export const MAX_ACCOUNT_EVENTS_PAGE_SIZE = 100;
