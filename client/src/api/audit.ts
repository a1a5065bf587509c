import type { AuditEntry } from '@coproduce/domain';
import { apiRequest, segment } from './request';

/** The workspace's audit log, newest first. */
export function listAuditEntries(workspaceId: string): Promise<AuditEntry[]> {
  return apiRequest<AuditEntry[]>('GET', `/workspaces/${segment(workspaceId)}/audit`);
}
