import type { CreateSpecificationRequest, SpecificationSummary } from '@coproduce/domain';
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
  const request: CreateSpecificationRequest = { title };
  return apiRequest<SpecificationSummary>('POST', specificationsPath(workspaceId), request);
}
