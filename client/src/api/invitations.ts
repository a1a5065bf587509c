import type {
  AcceptedInvitation,
  AcceptInvitationRequest,
  CreatedInvitation,
  CreateInvitationRequest,
  InvitationPreview,
  InvitationSummary,
} from '@coproduce/domain';
import { apiRequest, segment } from './request';

const invitationsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/invitations`;

export function listInvitations(workspaceId: string): Promise<InvitationSummary[]> {
  return apiRequest<InvitationSummary[]>('GET', invitationsPath(workspaceId));
}

export function createInvitation(
  workspaceId: string,
  invitation: CreateInvitationRequest,
): Promise<CreatedInvitation> {
  return apiRequest<CreatedInvitation>('POST', invitationsPath(workspaceId), invitation);
}

export function revokeInvitation(workspaceId: string, invitationId: string): Promise<void> {
  return apiRequest<void>('DELETE', `${invitationsPath(workspaceId)}/${segment(invitationId)}`);
}

export function previewInvitation(token: string): Promise<InvitationPreview> {
  return apiRequest<InvitationPreview>('GET', `/invitations/${segment(token)}`);
}

export function acceptInvitation(
  token: string,
  request: AcceptInvitationRequest,
): Promise<AcceptedInvitation> {
  return apiRequest<AcceptedInvitation>('POST', `/invitations/${segment(token)}/accept`, request);
}
