import type { SessionResponse, SignInRequest, UserSummary } from '@coproduce/domain';
import { isApiError } from './api-error';
import { apiRequest } from './request';

export function signIn(email: string, password: string): Promise<SessionResponse> {
  const request: SignInRequest = { email, password };
  return apiRequest<SessionResponse>('POST', '/session', request);
}

export function signOut(): Promise<void> {
  return apiRequest<void>('DELETE', '/session');
}

/** The signed-in person, or null when there is no valid session. */
export async function fetchCurrentUser(): Promise<UserSummary | null> {
  try {
    const session = await apiRequest<{ user: UserSummary }>('GET', '/session');
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.isUnauthenticated) return null;
    throw error;
  }
}
