import type {
  ChoosePasswordRequest,
  IssuedPasswordReset,
  MailSettings,
  PasswordResetPreview,
  PasswordResetRequest,
  PasswordResetRequested,
  UserSummary,
} from '@coproduce/domain';
import { apiRequest, segment } from './request';

export function requestPasswordReset(email: string): Promise<PasswordResetRequested> {
  const request: PasswordResetRequest = { email };
  return apiRequest<PasswordResetRequested>('POST', '/password-resets', request);
}

export function previewPasswordReset(token: string): Promise<PasswordResetPreview> {
  return apiRequest<PasswordResetPreview>('GET', `/password-resets/${segment(token)}`);
}

export function choosePassword(token: string, password: string): Promise<UserSummary> {
  const request: ChoosePasswordRequest = { password };
  return apiRequest<UserSummary>('POST', `/password-resets/${segment(token)}`, request);
}

export function issuePasswordReset(
  workspaceId: string,
  userId: string,
): Promise<IssuedPasswordReset> {
  return apiRequest<IssuedPasswordReset>(
    'POST',
    `/workspaces/${segment(workspaceId)}/members/${segment(userId)}/password-reset`,
    {},
  );
}

/** Whether this app sends email, for forms that would otherwise promise an email. */
export function fetchMailSettings(): Promise<MailSettings> {
  return apiRequest<MailSettings>('GET', '/mail');
}
