import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, DEMO_PASSWORD, signIn } from '../support/api';
import { eventually } from '../support/collab';

// Starts a real server process, which on a loaded machine can take a while.
jest.setTimeout(120_000);

const SECRET = 'S3cretTokenNobodyMayRead';

/** The request log's URLs: the `req.url` of every JSON line the server printed. */
function loggedUrls(app: RunningApp): string[] {
  return app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.endsWith('}'))
    .map((line) => JSON.parse(line) as { req?: { url?: string } })
    .flatMap((line) => (line.req?.url ? [line.req.url] : []));
}

describe('what the server keeps of a request', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ env: { LOG_LEVEL: 'info' } });
  });

  afterAll(() => app.stop());

  it('logs the shape of a URL but never a secret in its path or query', async () => {
    const paths = [
      `/invitations/${SECRET}`,
      `/api/invitations/${SECRET}`,
      `/api/invitations/${SECRET}/accept`,
      `/reset-password/${SECRET}`,
      `/confirm-invitation/${SECRET}`,
      `/api/invitation-confirmations/${SECRET}`,
      `/confirm-email/${SECRET}`,
      `/api/account/email-confirmations/${SECRET}`,
      `/sign-in?token=${SECRET}&next=%2Fworkspaces`,
      `/setup?code=${SECRET}`,
    ];
    for (const path of paths) await fetch(`${app.url}${path}`);
    await eventually(
      () => loggedUrls(app).some((url) => url.startsWith('/setup?')),
      'every request is logged',
    );

    expect(app.output()).not.toContain(SECRET);
    expect(loggedUrls(app)).toEqual(
      expect.arrayContaining([
        '/invitations/[token]',
        '/api/invitations/[token]',
        '/api/invitations/[token]/accept',
        '/reset-password/[token]',
        '/confirm-invitation/[token]',
        '/api/invitation-confirmations/[token]',
        '/confirm-email/[token]',
        '/api/account/email-confirmations/[token]',
        '/sign-in?token=[redacted]&next=%2Fworkspaces',
        '/setup?code=[redacted]',
      ]),
    );
  });

  it('tells browsers and proxies to keep no API answer, refusals and sign-in included', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const answers = [
      await api(app.url, 'POST', '/api/session', {
        body: { email: DEMO_EMAIL.commissioner, password: DEMO_PASSWORD },
      }),
      await api(app.url, 'GET', '/api/workspaces', { token }),
      await api(app.url, 'GET', '/api/workspaces'),
      await api(app.url, 'GET', '/api/no-such-route', { token }),
      await api(app.url, 'POST', '/api/session', { rawBody: '{not json' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 404, 400]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');

    // The client's own pages are not API answers: they keep their own caching.
    const page = await fetch(`${app.url}/sign-in`);
    expect(page.headers.get('cache-control')).not.toBe('no-store');
  });
});
