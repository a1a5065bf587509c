import type { SpecificationSummary } from '@coproduce/domain';
import { apiRequest, segment } from './request';

const specificationsPath = (workspaceId: string) =>
  `/workspaces/${segment(workspaceId)}/specifications`;

export function listSpecifications(workspaceId: string): Promise<SpecificationSummary[]> {
  return apiRequest<SpecificationSummary[]>('GET', specificationsPath(workspaceId));
}

export function createSpecification(
  workspaceId: string,
  title: string,
): Promise<SpecificationSummary> {
  return apiRequest<SpecificationSummary>('POST', specificationsPath(workspaceId), { title });
}
