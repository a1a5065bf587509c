import type {
  AcceptedInvitation,
  AcceptInvitationRequest,
  CreatedInvitation,
  CreateInvitationRequest,
  InvitationAcceptance,
  InvitationConfirmationPreview,
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
): Promise<InvitationAcceptance> {
  return apiRequest<InvitationAcceptance>('POST', `/invitations/${segment(token)}/accept`, request);
}

/** What the emailed link to confirm an address will do. */
export function previewInvitationConfirmation(
  token: string,
): Promise<InvitationConfirmationPreview> {
  return apiRequest<InvitationConfirmationPreview>(
    'GET',
    `/invitation-confirmations/${segment(token)}`,
  );
}

/** Confirms the address: makes the account, joins and signs in. */
export function confirmInvitation(token: string): Promise<AcceptedInvitation> {
  return apiRequest<AcceptedInvitation>('POST', `/invitation-confirmations/${segment(token)}`);
}
