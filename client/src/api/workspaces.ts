import type { CreateWorkspaceRequest, WorkspaceDetail, WorkspaceSummary } from '@coproduce/domain';
import { apiRequest, segment } from './request';

export function listWorkspaces(): Promise<WorkspaceSummary[]> {
  return apiRequest<WorkspaceSummary[]>('GET', '/workspaces');
}

export function getWorkspace(workspaceId: string): Promise<WorkspaceDetail> {
  return apiRequest<WorkspaceDetail>('GET', `/workspaces/${segment(workspaceId)}`);
}

export function createWorkspace(request: CreateWorkspaceRequest): Promise<WorkspaceDetail> {
  return apiRequest<WorkspaceDetail>('POST', '/workspaces', request);
}

export function updateWorkspace(
  workspaceId: string,
  request: CreateWorkspaceRequest,
): Promise<WorkspaceDetail> {
  return apiRequest<WorkspaceDetail>('PATCH', `/workspaces/${segment(workspaceId)}`, request);
}

/** Archives (`archived`) or restores a workspace (commissioners). */
export function setWorkspaceArchived(
  workspaceId: string,
  archived: boolean,
): Promise<WorkspaceDetail> {
  return apiRequest<WorkspaceDetail>(
    archived ? 'POST' : 'DELETE',
    `/workspaces/${segment(workspaceId)}/archive`,
  );
}

/** The caller's archived workspaces (GET /api/workspaces leaves them out). */
export async function listArchivedWorkspaces(): Promise<WorkspaceSummary[]> {
  const all = await apiRequest<WorkspaceSummary[]>('GET', '/workspaces?include=archived');
  return all.filter((workspace) => workspace.archivedAt !== undefined);
}
