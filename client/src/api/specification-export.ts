import type { ExportFormat } from '@coproduce/domain';
import { segment } from './request';

/** Where the draft of a specification downloads as a file (signed in by the session cookie). */
export function draftExportUrl(
  workspaceId: string,
  specificationId: string,
  format: ExportFormat,
): string {
  return `/api/workspaces/${segment(workspaceId)}/specifications/${segment(specificationId)}/export?format=${format}`;
}
