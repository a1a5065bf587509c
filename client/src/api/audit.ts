import type { AuditEntry, AuditFilterOptions, AuditQuery } from '@coproduce/domain';
import { apiRequest, apiResponse, segment } from './request';

/** One page of the workspace's audit log (newest first) that matches, and how many match. */
export async function listAuditEntries(
  workspaceId: string,
  query: AuditQuery = {},
): Promise<{ entries: AuditEntry[]; total: number }> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const suffix = search.toString() === '' ? '' : `?${search.toString()}`;
  const { body, headers } = await apiResponse<AuditEntry[]>(
    'GET',
    `/workspaces/${segment(workspaceId)}/audit${suffix}`,
  );
  return { entries: body, total: Number(headers.get('X-Total-Count') ?? body.length) };
}

/** The people, actions and kinds of thing the log holds, for its filters. */
export function fetchAuditFilterOptions(workspaceId: string): Promise<AuditFilterOptions> {
  return apiRequest<AuditFilterOptions>(
    'GET',
    `/workspaces/${segment(workspaceId)}/audit/filter-options`,
  );
}
