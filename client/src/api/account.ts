import type {
  AccountDetail,
  AccountEvent,
  AccountSession,
  ChangeEmailRequest,
  ChangeNameRequest,
  ChangePasswordRequest,
  EmailChangeAnswer,
  EmailConfirmationPreview,
  EmailConfirmed,
  PasswordChanged,
  SessionsEnded,
} from '@coproduce/domain';
import { apiRequest, apiResponse, segment } from './request';

export function getAccount(): Promise<AccountDetail> {
  return apiRequest<AccountDetail>('GET', '/account');
}

export function changeName(name: string): Promise<AccountDetail> {
  const request: ChangeNameRequest = { name };
  return apiRequest<AccountDetail>('PATCH', '/account', request);
}

export function changeEmail(request: ChangeEmailRequest): Promise<EmailChangeAnswer> {
  return apiRequest<EmailChangeAnswer>('POST', '/account/email', request);
}

export function previewEmailConfirmation(token: string): Promise<EmailConfirmationPreview> {
  return apiRequest<EmailConfirmationPreview>(
    'GET',
    `/account/email-confirmations/${segment(token)}`,
  );
}

export function confirmEmail(token: string): Promise<EmailConfirmed> {
  return apiRequest<EmailConfirmed>('POST', `/account/email-confirmations/${segment(token)}`);
}

export function changePassword(request: ChangePasswordRequest): Promise<PasswordChanged> {
  return apiRequest<PasswordChanged>('POST', '/account/password', request);
}

export function listSessions(): Promise<AccountSession[]> {
  return apiRequest<AccountSession[]>('GET', '/account/sessions');
}

export function endSession(sessionId: string): Promise<void> {
  return apiRequest<void>('DELETE', `/account/sessions/${segment(sessionId)}`);
}

export function endOtherSessions(): Promise<SessionsEnded> {
  return apiRequest<SessionsEnded>('DELETE', '/account/sessions');
}

/** One page of the person's sign-in and password events, and how many there are. */
export async function listAccountEvents(
  page: number,
  pageSize: number,
): Promise<{ events: AccountEvent[]; total: number }> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  const { body, headers } = await apiResponse<AccountEvent[]>('GET', `/account/events?${query}`);
  return { events: body, total: Number(headers.get('X-Total-Count') ?? body.length) };
}
