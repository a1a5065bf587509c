import type { CompleteSetupRequest, CompletedSetup, SetupStatus } from '@coproduce/domain';
import { apiRequest } from './request';

/** Whether this Coproduce has no accounts yet and waits for its first commissioner. */
export function fetchSetupStatus(): Promise<SetupStatus> {
  return apiRequest<SetupStatus>('GET', '/setup');
}

export function completeSetup(request: CompleteSetupRequest): Promise<CompletedSetup> {
  return apiRequest<CompletedSetup>('POST', '/setup', request);
}
