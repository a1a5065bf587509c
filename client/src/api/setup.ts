import type { SessionResponse, WorkspaceSummary } from '@coproduce/domain';
import { apiRequest } from './request';

// The server's CompleteSetupDto and CompletedSetup; they belong in @coproduce/domain
// beside the session types once that package takes them.
export interface CompleteSetupRequest {
  code: string;
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  serviceArea: string;
  leadOrganisation: string;
}

export interface CompletedSetup extends SessionResponse {
  workspace: WorkspaceSummary;
}

/** Whether this Coproduce has no accounts yet and waits for its first commissioner. */
export function fetchSetupStatus(): Promise<{ needed: boolean }> {
  return apiRequest<{ needed: boolean }>('GET', '/setup');
}

export function completeSetup(request: CompleteSetupRequest): Promise<CompletedSetup> {
  return apiRequest<CompletedSetup>('POST', '/setup', request);
}
