/** POST /api/password-resets (public): "Forgotten your password?" */
export interface PasswordResetRequest {
  email: string;
}

/**
 * 202 answer to PasswordResetRequest: the same whether or not an account has that
 * address. `email`: a link was emailed if the address has an account; `ask-a-commissioner`:
 * this app sends no email, so a commissioner of the person's workspace issues the link.
 */
export interface PasswordResetRequested {
  delivery: 'email' | 'ask-a-commissioner';
  message: string;
}

/** GET /api/password-resets/:token (public): whose password the link sets. */
export interface PasswordResetPreview {
  email: string;
  expiresAt: string;
}

/** POST /api/password-resets/:token (public) → 200 UserSummary; the person's sessions all end. */
export interface ChoosePasswordRequest {
  password: string;
}

/**
 * POST /api/workspaces/:workspaceId/members/:userId/password-reset (commissioners) → 201:
 * a link to give the member, valid once, for an hour. Emailed to them too when email is
 * configured (`emailed`), and then not given here (`path` null).
 */
export interface IssuedPasswordReset {
  path: string | null;
  emailed: boolean;
  expiresAt: string;
}

/** GET /api/mail (signed in): whether this app sends email at all (`SMTP_URL`). */
export interface MailSettings {
  sendsEmail: boolean;
}
