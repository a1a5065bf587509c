import { logSafeUrl } from './log-safe-url';

describe('the URL a request log keeps', () => {
  it.each([
    ['/invitations/abc123', '/invitations/[token]'],
    ['/api/invitations/abc123', '/api/invitations/[token]'],
    ['/api/invitations/abc123/accept', '/api/invitations/[token]/accept'],
    ['/invitations/abc123?from=email', '/invitations/[token]?from=email'],
    ['/reset-password/abc123', '/reset-password/[token]'],
    ['/api/reset-password/abc123', '/api/reset-password/[token]'],
    ['/api/password-resets/abc123', '/api/password-resets/[token]'],
    ['/confirm-invitation/abc123', '/confirm-invitation/[token]'],
    ['/api/invitation-confirmations/abc123', '/api/invitation-confirmations/[token]'],
    ['/confirm-email/abc123', '/confirm-email/[token]'],
    ['/api/account/email-confirmations/abc123', '/api/account/email-confirmations/[token]'],
  ])('hides the secret in the path %s', (url, kept) => {
    expect(logSafeUrl(url)).toBe(kept);
  });

  it.each([
    ['/sign-in?token=abc&next=%2Fworkspaces', '/sign-in?token=[redacted]&next=%2Fworkspaces'],
    ['/setup?code=HK4C-97TW', '/setup?code=[redacted]'],
    ['/x?Password=hunter2', '/x?Password=[redacted]'],
    ['/x?api%5Fkey=1', '/x?api%5Fkey=[redacted]'],
    ['/x?reset_token=1&b=2', '/x?reset_token=[redacted]&b=2'],
  ])('hides secret query parameters in %s', (url, kept) => {
    expect(logSafeUrl(url)).toBe(kept);
  });

  it.each([
    '/api/workspaces/65a1/specifications/65b2',
    '/workspaces?filter=open',
    '/api/inbox',
    '/x?flag',
    '/x?%E0%A4%A=1',
  ])('leaves %s as it is', (url) => {
    expect(logSafeUrl(url)).toBe(url);
  });
});
