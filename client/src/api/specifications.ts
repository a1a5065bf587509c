import type {
  CreateSpecificationRequest,
  RenameSpecificationRequest,
  SpecificationSummary,
} from '@coproduce/domain';
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

export function renameSpecification(
  workspaceId: string,
  specificationId: string,
  title: string,
): Promise<SpecificationSummary> {
  const request: RenameSpecificationRequest = { title };
  return apiRequest<SpecificationSummary>(
    'PATCH',
    `${specificationsPath(workspaceId)}/${segment(specificationId)}`,
    request,
  );
}

/** Archives (`archived`) or restores a specification (commissioners). */
export function setSpecificationArchived(
  workspaceId: string,
  specificationId: string,
  archived: boolean,
): Promise<SpecificationSummary> {
  return apiRequest<SpecificationSummary>(
    archived ? 'POST' : 'DELETE',
    `${specificationsPath(workspaceId)}/${segment(specificationId)}/archive`,
  );
}

/** Deletes a draft that was never published, for good (commissioners). */
export function deleteSpecification(workspaceId: string, specificationId: string): Promise<void> {
  return apiRequest<void>(
    'DELETE',
    `${specificationsPath(workspaceId)}/${segment(specificationId)}`,
  );
}
