/**
 * Shapes of the REST API's JSON bodies, shared by the server's DTOs and the
 * web client. The fixed routes are described in shared DESIGN.md.
 */
import type { Role } from './roles';

/** Every error response: `{ error: { code, message } }` with a 4xx/5xx status. */
export interface ApiErrorBody {
  error: { code: string; message: string };
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
}

export interface WorkspaceDetail extends WorkspaceSummary {
  serviceArea: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export type SpecificationStatus = 'draft' | 'published';

/** GET /api/workspaces/:workspaceId/specifications → SpecificationSummary[] */
export interface SpecificationSummary {
  id: string;
  title: string;
  status: SpecificationStatus;
}
