/**
 * Shapes of the REST API's JSON bodies, shared by the server's DTOs and the
 * web client. The fixed routes are described in shared DESIGN.md.
 */
import type { Action } from './actions';
import type { ErrorCode } from './errors';
import type { Role } from './roles';

/** Every error response: `{ error: { code, message } }` with a 4xx/5xx status. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

/** POST /api/session → 200 */
export interface SessionResponse {
  token: string;
  user: UserSummary;
}

/** GET /api/workspaces → WorkspaceSummary[] */
export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
  /**
   * A finished commissioning project: read-only, left out of GET /api/workspaces unless
   * asked for with `?include=archived`, restorable. Absent while in use (DESIGN.md fixes
   * the list's shape as `{ id, name, role }`).
   */
  archivedAt?: string;
}

export interface WorkspaceDetail extends WorkspaceSummary {
  serviceArea: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
  /** What the caller's role allows here; for showing controls only. */
  permissions: Action[];
}

export interface MemberSummary {
  userId: string;
  name: string;
  /** Null for a caller who may not see members' addresses (an observer). */
  email: string | null;
  role: Role;
  /** The organisation they take part for; null when none is recorded. */
  organisation: string | null;
  joinedAt: string;
}

export type SpecificationStatus = 'draft' | 'published';

/** GET /api/workspaces/:workspaceId/specifications → SpecificationSummary[] */
export interface SpecificationSummary {
  id: string;
  title: string;
  status: SpecificationStatus;
  /**
   * Archived: read-only for everyone and listed apart, until a commissioner restores it.
   * Absent while in use (DESIGN.md fixes the list's shape as `{ id, title, status }`).
   */
  archivedAt?: string;
}

/** GET /api/workspaces/:workspaceId/specifications/:specificationId */
export interface SpecificationDetail extends SpecificationSummary {
  workspaceId: string;
  createdBy: UserSummary;
  updatedBy: UserSummary;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/workspaces → 201 WorkspaceDetail; the creator becomes its commissioner. */
export interface CreateWorkspaceRequest {
  name: string;
  serviceArea: string;
  leadOrganisation: string;
  partnerOrganisations?: string[];
}

/** PATCH /api/workspaces/:workspaceId/specifications/:specificationId (commissioners) → 200 SpecificationSummary */
export interface RenameSpecificationRequest {
  title: string;
}

/** POST /api/session */
export interface SignInRequest {
  email: string;
  password: string;
}

/** POST /api/workspaces/:workspaceId/specifications */
export interface CreateSpecificationRequest {
  title: string;
}

/**
 * PATCH /api/workspaces/:workspaceId/members/:userId: a new role, a new organisation,
 * or both. Becoming a provider needs an organisation, given here or already recorded.
 */
export interface ChangeMemberRequest {
  role?: Role;
  organisation?: string;
}

/**
 * PATCH /api/workspaces/:workspaceId/members/:userId → 200. `organisation` and
 * `previousOrganisation` (null when none was recorded) are there when the request
 * gave an organisation.
 */
export interface MemberChange {
  userId: string;
  role: Role;
  previousRole: Role;
  organisation?: string;
  previousOrganisation?: string | null;
}

/** POST /api/workspaces/:workspaceId/invitations — without `email` it is a link anyone may use once. */
export interface CreateInvitationRequest {
  email?: string;
  role: Role;
  /** The organisation they will take part for; needed when the role is provider. */
  organisation?: string;
  /** 1 to 30; 7 when left out. */
  expiresInDays?: number;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

/** GET /api/workspaces/:workspaceId/invitations → InvitationSummary[] */
export interface InvitationSummary {
  id: string;
  email: string | null;
  role: Role;
  organisation: string | null;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  createdBy: UserSummary;
}

/**
 * POST /api/workspaces/:workspaceId/invitations → 201. The token is shown
 * only here (the server keeps a hash); `path` is the page that accepts it.
 */
export interface CreatedInvitation extends InvitationSummary {
  /**
   * The link's secret and the app path that opens it: for the inviter to send on. Null when
   * the invitation was emailed to the invited person (`emailed`): then only they have it.
   */
  token: string | null;
  path: string | null;
  emailed: boolean;
}

/** GET /api/invitations/:token (public) */
export interface InvitationPreview {
  workspaceName: string;
  leadOrganisation: string;
  role: Role;
  /** The organisation the invited person will take part for, when the inviter gave one. */
  organisation: string | null;
  email: string | null;
  status: InvitationStatus;
  expiresAt: string;
  /**
   * Whether someone not signed in who accepts is sent an email to confirm their address
   * (this app sends email, and the invitation's link did not come by email to that address)
   * rather than having their account made at once.
   */
  confirmsByEmail: boolean;
}

/**
 * POST /api/invitations/:token/accept. Signed in: joins as the current user
 * (body may be empty). Not signed in: creates an account — `email` is needed
 * only for a link invitation. When the app sends email and the link was not
 * emailed to the address (`confirmsByEmail`), nothing is made yet: the answer
 * is 202 InvitationConfirmationEmailed whether or not the address has an
 * account, and the email says what to do. Otherwise the account is made at
 * once, and an email that already has an account must sign in first (409
 * `account-exists`).
 */
export interface AcceptInvitationRequest {
  name?: string;
  email?: string;
  password?: string;
}

/** POST /api/invitations/:token/accept → 200; POST /api/invitation-confirmations/:token → 200 */
export interface AcceptedInvitation {
  workspace: WorkspaceSummary;
  /** Present when the acceptance created an account and signed it in. */
  session?: SessionResponse;
}

/**
 * POST /api/invitations/:token/accept → 202, not signed in, when the address must be
 * confirmed: the same answer whether or not the address has an account. The email to
 * `email` holds a link that makes the account and joins (no account yet), or says to
 * sign in and accept (an account already).
 */
export interface InvitationConfirmationEmailed {
  emailed: true;
  email: string;
}

/** What accepting an invitation answers: joined, or an email to confirm the address. */
export type InvitationAcceptance = AcceptedInvitation | InvitationConfirmationEmailed;

/**
 * GET /api/invitation-confirmations/:token (public): what confirming the address will do
 * (404 unknown; 410 used or expired, and the invitation's own 410s).
 */
export interface InvitationConfirmationPreview {
  workspaceName: string;
  role: Role;
  organisation: string | null;
  /** The address being confirmed, and the name the account will have. */
  email: string;
  name: string;
  expiresAt: string;
}

/** GET /api/workspaces/:workspaceId/audit → AuditEntry[] (newest first) */
export interface AuditEntry {
  id: string;
  at: string;
  actor: UserSummary | null;
  action: string;
  target: { type: string; id: string | null };
  detail: Record<string, string>;
}

/** GET /api/setup → 200: whether this Coproduce has no accounts yet and waits for its first commissioner. */
export interface SetupStatus {
  needed: boolean;
}

/** POST /api/setup: the one-time code printed at start, the first commissioner and their workspace. */
export interface CompleteSetupRequest {
  code: string;
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  serviceArea: string;
  leadOrganisation: string;
}

/** POST /api/setup → 201: signed in, with the new workspace. */
export interface CompletedSetup extends SessionResponse {
  workspace: WorkspaceSummary;
}
