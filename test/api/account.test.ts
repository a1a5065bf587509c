// The account page's API (/api/account): a person changes their own name, email address
// and password, sees and ends their sessions, and reads their own sign-in and password
// events, against a real server (and a real SMTP server where email is on).
import type {
  AccountDetail,
  AccountEvent,
  AccountSession,
  AuditEntry,
  EmailChangeAnswer,
  EmailConfirmationPreview,
  PasswordChanged,
  SessionResponse,
} from '@coproduce/domain';
import { createHash } from 'node:crypto';
import { api, DEMO_EMAIL, DEMO_PASSWORD, errorWithCode, signIn } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import { connectWithToken, demoWorkspaceId, eventually } from '../support/collab';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';

jest.setTimeout(120_000);

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const NEW_PASSWORD = 'four brand new words';

/** Signs in from a browser that says what it is; returns the session. */
async function signInFrom(
  app: RunningApp,
  email: string,
  userAgent: string,
  password = DEMO_PASSWORD,
): Promise<SessionResponse> {
  const response = await api<SessionResponse>(app.url, 'POST', '/api/session', {
    body: { email, password },
    headers: { 'user-agent': userAgent },
  });
  expect(response.status).toBe(200);
  return response.body;
}

async function eventsOf(app: RunningApp, token: string, query = '') {
  return api<AccountEvent[]>(app.url, 'GET', `/api/account/events${query}`, { token });
}

describe('your account, where Coproduce sends email', () => {
  let mail: MailCatcher;
  let app: RunningApp;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await startApp({
      env: { SMTP_URL: mail.url, PUBLIC_URL: 'https://coproduce.example.org' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await mail?.stop();
  });

  it('shows your name and address, and changes your name', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.observer);
    const account = await api<AccountDetail>(app.url, 'GET', '/api/account', { token });
    expect(account.status).toBe(200);
    expect(account.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: expect.any(String),
      email: DEMO_EMAIL.observer,
      pendingEmail: null,
    });

    const renamed = await api<AccountDetail>(app.url, 'PATCH', '/api/account', {
      token,
      body: { name: '  Sam Okafor ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Sam Okafor');
    const session = await api<{ user: { name: string } }>(app.url, 'GET', '/api/session', {
      token,
    });
    expect(session.body.user.name).toBe('Sam Okafor');
  });

  it('refuses a name that is empty, too long or on two lines, saying why', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.observer);
    const cases: Array<[unknown, string]> = [
      [{ name: '   ' }, 'Enter your name.'],
      [{ name: 'x'.repeat(121) }, 'Your name must be 120 characters or fewer.'],
      [{ name: 'Sam\nOkafor' }, 'Your name must be on one line.'],
      [
        { name: 'Sam', role: 'commissioner' },
        '"role" is not a field this request accepts; remove it.',
      ],
      [{}, 'Enter your name.'],
    ];
    for (const [body, message] of cases) {
      const response = await api(app.url, 'PATCH', '/api/account', { token, body });
      expect([JSON.stringify(body), response.status, response.body]).toEqual([
        JSON.stringify(body),
        400,
        { error: { code: 'bad-request', message } },
      ]);
    }
  });

  it('changes your address only when the link emailed to the new one is opened, and tells the old one', async () => {
    const token = await signIn(app.url, DEMO_EMAIL['expert-by-experience']);
    const asked = await api<EmailChangeAnswer>(app.url, 'POST', '/api/account/email', {
      token,
      body: { email: ' Jordan.New@Example.org ' },
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({
      status: 'confirmation-emailed',
      email: 'jordan.new@example.org',
      expiresAt: expect.any(String),
    });
    const pending = await api<AccountDetail>(app.url, 'GET', '/api/account', { token });
    expect(pending.body.email).toBe(DEMO_EMAIL['expert-by-experience']);
    expect(pending.body.pendingEmail).toEqual({
      email: 'jordan.new@example.org',
      expiresAt: asked.body.status === 'confirmation-emailed' ? asked.body.expiresAt : '',
    });

    const message = await mail.next('jordan.new@example.org');
    expect(message.subject).toBe('Confirm your new email address for Coproduce');
    const link = linkIn(message, /\/confirm-email\//);
    expect(link).toMatch(/^https:\/\/coproduce\.example\.org\/confirm-email\/[A-Za-z0-9_-]{43}$/);
    const linkToken = link.split('/').pop()!;
    // Until the link is opened, nothing has changed.
    expect(await signIn(app.url, DEMO_EMAIL['expert-by-experience'])).toMatch(/\S{43}/);

    const preview = await api<EmailConfirmationPreview>(
      app.url,
      'GET',
      `/api/account/email-confirmations/${linkToken}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.email).toBe('jordan.new@example.org');

    // Opened in another browser, signed in or not: the link is what proves the address.
    const confirmed = await api(app.url, 'POST', `/api/account/email-confirmations/${linkToken}`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ user: { email: 'jordan.new@example.org' } });

    const notice = await mail.next(DEMO_EMAIL['expert-by-experience']);
    expect(notice.subject).toBe('Your Coproduce email address has changed');
    expect(notice.text).toContain('jordan.new@example.org');
    expect(await signIn(app.url, 'jordan.new@example.org')).toMatch(/\S{43}/);
    const oldAddress = await api(app.url, 'POST', '/api/session', {
      body: { email: DEMO_EMAIL['expert-by-experience'], password: DEMO_PASSWORD },
    });
    expect(oldAddress.status).toBe(401);
    const after = await api<AccountDetail>(app.url, 'GET', '/api/account', { token });
    expect(after.body).toMatchObject({ email: 'jordan.new@example.org', pendingEmail: null });

    const again = await api(app.url, 'POST', `/api/account/email-confirmations/${linkToken}`);
    expect(again.status).toBe(410);
    expect(again.body).toEqual(errorWithCode('gone'));

    const actions = (await eventsOf(app, token)).body.map((event) => event.action);
    expect(actions.slice(0, 3)).toEqual([
      'session.sign-in',
      'account.email-change',
      'session.sign-in',
    ]);
    expect(actions).toContain('account.email-change-request');
  });

  it('only the newest link works, and an address another account has is refused', async () => {
    const token = await signIn(app.url, DEMO_EMAIL['engagement-lead']);
    const ask = (email: string) =>
      api<EmailChangeAnswer>(app.url, 'POST', '/api/account/email', { token, body: { email } });
    expect((await ask('first.try@example.org')).status).toBe(202);
    expect((await ask('second.try@example.org')).status).toBe(202);
    const first = linkIn(await mail.next('first.try@example.org'), /\/confirm-email\//);
    const second = linkIn(await mail.next('second.try@example.org'), /\/confirm-email\//);
    const use = (link: string) =>
      api(app.url, 'POST', `/api/account/email-confirmations/${link.split('/').pop()!}`);
    expect((await use(first)).status).toBe(410);

    const taken = await ask(DEMO_EMAIL.commissioner);
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(errorWithCode('conflict'));
    const same = await ask(DEMO_EMAIL['engagement-lead']);
    expect(same.status).toBe(400);
    expect(same.body).toEqual({
      error: {
        code: 'bad-request',
        message: 'That is already your email address. Enter a different one.',
      },
    });
    const wrongPassword = await api(app.url, 'POST', '/api/account/email', {
      token,
      body: { email: 'third.try@example.org', password: 'not my password' },
    });
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body).toEqual(errorWithCode('wrong-password'));

    expect((await use(second)).status).toBe(200);
    expect(await signIn(app.url, 'second.try@example.org')).toMatch(/\S{43}/);
  });

  it('changing your password needs the current one, ends your other sessions and their open documents, and keeps this one', async () => {
    const here = await signInFrom(app, DEMO_EMAIL['steering-member'], FIREFOX);
    const elsewhere = await signInFrom(app, DEMO_EMAIL['steering-member'], SAFARI_ON_IPHONE);
    const socket = await connectWithToken(app.url, elsewhere.token);
    let socketClosed = false;
    socket.socket.on('disconnect', () => (socketClosed = true));

    const wrong = await api(app.url, 'POST', '/api/account/password', {
      token: here.token,
      body: { currentPassword: 'not the password', newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({
      error: {
        code: 'wrong-password',
        message: 'Your current password is not right. Check it and try again.',
      },
    });
    const short = await api(app.url, 'POST', '/api/account/password', {
      token: here.token,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body).toEqual({
      error: { code: 'bad-request', message: 'Choose a password of at least 10 characters.' },
    });
    // Refused attempts changed nothing.
    expect((await api(app.url, 'GET', '/api/session', { token: elsewhere.token })).status).toBe(
      200,
    );

    const changed = await api<PasswordChanged>(app.url, 'POST', '/api/account/password', {
      token: here.token,
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    await eventually(() => socketClosed, 'the other session’s open socket is closed');
    socket.close();
    expect((await api(app.url, 'GET', '/api/session', { token: elsewhere.token })).status).toBe(
      401,
    );
    expect((await api(app.url, 'GET', '/api/session', { token: here.token })).status).toBe(200);
    const oldPassword = await api(app.url, 'POST', '/api/session', {
      body: { email: DEMO_EMAIL['steering-member'], password: DEMO_PASSWORD },
    });
    expect(oldPassword.status).toBe(401);
    expect(await signIn(app.url, DEMO_EMAIL['steering-member'], NEW_PASSWORD)).toMatch(/\S{43}/);
    const notice = await mail.next(DEMO_EMAIL['steering-member']);
    expect(notice.subject).toBe('Your Coproduce password has changed');
  });
});

describe('your sessions and sign-in events', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it('lists where you are signed in, this session first, by an id that is not its token', async () => {
    const here = await signInFrom(app, DEMO_EMAIL.provider, FIREFOX);
    const phone = await signInFrom(app, DEMO_EMAIL.provider, SAFARI_ON_IPHONE);
    const sessions = await api<AccountSession[]>(app.url, 'GET', '/api/account/sessions', {
      token: here.token,
    });
    expect(sessions.status).toBe(200);
    expect(sessions.body[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      current: true,
      startedAt: expect.any(String),
      lastUsedAt: expect.any(String),
      browser: 'Firefox on Windows',
    });
    expect(sessions.body.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.body.map((session) => session.browser)).toContain('Safari on an iPhone');
    const secrets = [here.token, phone.token].flatMap((token) => [
      token,
      createHash('sha256').update(token).digest('hex'),
    ]);
    const body = JSON.stringify(sessions.body);
    for (const secret of secrets) expect(body).not.toContain(secret);
  });

  it('ends one other session by its id, all others at once, but not this one (sign out instead)', async () => {
    const here = await signInFrom(app, DEMO_EMAIL.observer, FIREFOX);
    const phone = await signInFrom(app, DEMO_EMAIL.observer, SAFARI_ON_IPHONE);
    const tablet = await signIn(app.url, DEMO_EMAIL.observer);
    const socket = await connectWithToken(app.url, phone.token);
    let socketClosed = false;
    socket.socket.on('disconnect', () => (socketClosed = true));
    const list = async () =>
      (await api<AccountSession[]>(app.url, 'GET', '/api/account/sessions', { token: here.token }))
        .body;
    const phoneSession = (await list()).find((s) => s.browser === 'Safari on an iPhone')!;
    const thisSession = (await list()).find((s) => s.current)!;

    const ended = await api(app.url, 'DELETE', `/api/account/sessions/${phoneSession.id}`, {
      token: here.token,
    });
    expect(ended.status).toBe(204);
    await eventually(() => socketClosed, 'the ended session’s socket is closed');
    socket.close();
    expect((await api(app.url, 'GET', '/api/session', { token: phone.token })).status).toBe(401);
    expect((await list()).map((s) => s.id)).not.toContain(phoneSession.id);

    const own = await api(app.url, 'DELETE', `/api/account/sessions/${thisSession.id}`, {
      token: here.token,
    });
    expect(own.status).toBe(409);
    expect(own.body).toEqual(errorWithCode('conflict'));
    // Someone else's session is not yours to end: it is as if it did not exist.
    const someoneElse = await signIn(app.url, DEMO_EMAIL.commissioner);
    const theirs = (
      await api<AccountSession[]>(app.url, 'GET', '/api/account/sessions', { token: someoneElse })
    ).body[0]!;
    const refused = await api(app.url, 'DELETE', `/api/account/sessions/${theirs.id}`, {
      token: here.token,
    });
    expect(refused.status).toBe(404);
    expect((await api(app.url, 'GET', '/api/session', { token: someoneElse })).status).toBe(200);
    expect(
      (await api(app.url, 'DELETE', '/api/account/sessions/not-an-id', { token: here.token }))
        .status,
    ).toBe(404);

    const rest = await api<{ ended: number }>(app.url, 'DELETE', '/api/account/sessions', {
      token: here.token,
    });
    expect(rest.status).toBe(200);
    expect(rest.body.ended).toBeGreaterThanOrEqual(1);
    expect((await api(app.url, 'GET', '/api/session', { token: tablet })).status).toBe(401);
    expect((await list()).map((s) => s.current)).toEqual([true]);
  });

  it('lists your sign-ins, failed sign-ins and password events, newest first, and nobody else’s', async () => {
    const email = DEMO_EMAIL['engagement-lead'];
    const first = await signInFrom(app, email, FIREFOX);
    const failed = await api(app.url, 'POST', '/api/session', {
      body: { email, password: 'a wrong guess' },
      headers: { 'user-agent': SAFARI_ON_IPHONE },
    });
    expect(failed.status).toBe(401);
    // A wrong password for an address with no account is nobody's event.
    await api(app.url, 'POST', '/api/session', {
      body: { email: 'nobody@example.org', password: 'a wrong guess' },
    });
    await api(app.url, 'POST', '/api/account/password', {
      token: first.token,
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
    });
    // A commissioner's password link for them, in the workspace.
    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, commissioner);
    const members = await api<Array<{ userId: string; email: string }>>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      { token: commissioner },
    );
    const userId = members.body.find((member) => member.email === email)!.userId;
    const link = await api<{ path: string }>(
      app.url,
      'POST',
      `/api/workspaces/${workspaceId}/members/${userId}/password-reset`,
      { token: commissioner, headers: { 'content-type': 'application/json' }, rawBody: '{}' },
    );
    const reset = await api(
      app.url,
      'POST',
      `/api/password-resets/${link.body.path.split('/').pop()!}`,
      { body: { password: 'yet another passphrase' } },
    );
    expect(reset.status).toBe(200);
    const latest = await signInFrom(app, email, FIREFOX, 'yet another passphrase');

    // The failed sign-in is recorded alongside the answer, not before it.
    let events = await eventsOf(app, latest.token);
    for (let tries = 0; tries < 50; tries++) {
      if (events.body.some((event) => event.action === 'session.sign-in-failed')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      events = await eventsOf(app, latest.token);
    }
    expect(events.status).toBe(200);
    expect(events.body.map((event) => event.action)).toEqual([
      'session.sign-in',
      'password.reset',
      'member.password-reset',
      'account.password-change',
      'session.sign-in-failed',
      'session.sign-in',
    ]);
    expect(events.headers.get('x-total-count')).toBe('6');
    const [signedIn, , byCommissioner, , failure] = events.body;
    expect(signedIn).toMatchObject({
      actor: { id: userId },
      detail: { browser: 'Firefox on Windows' },
    });
    expect(byCommissioner!.actor?.name).toEqual(expect.any(String));
    expect(byCommissioner!.actor?.id).not.toBe(userId);
    expect(failure).toMatchObject({ actor: null, detail: { browser: 'Safari on an iPhone' } });
    const times = events.body.map((event) => event.at);
    expect([...times].sort().reverse()).toEqual(times);

    const paged = await eventsOf(app, latest.token, '?page=2&pageSize=4');
    expect(paged.body.map((event) => event.id)).toEqual(events.body.slice(4).map((e) => e.id));
    expect(paged.headers.get('x-total-count')).toBe('6');
    for (const query of ['?page=0', '?pageSize=101', '?page=two', '?since=yesterday']) {
      expect([query, (await eventsOf(app, latest.token, query)).status]).toEqual([query, 400]);
    }

    // Someone else sees only their own.
    const theirs = await eventsOf(app, commissioner);
    expect(theirs.body.every((event) => event.action !== 'session.sign-in-failed')).toBe(true);
    // Account events belong to no workspace: the workspace's audit log does not show them.
    const audit = await api<AuditEntry[]>(app.url, 'GET', `/api/workspaces/${workspaceId}/audit`, {
      token: commissioner,
    });
    expect(audit.body.filter((entry) => entry.action.startsWith('account.'))).toEqual([]);
  });

  it('needs you to be signed in', async () => {
    for (const [method, path] of [
      ['GET', '/api/account'],
      ['GET', '/api/account/sessions'],
      ['GET', '/api/account/events'],
      ['DELETE', '/api/account/sessions'],
    ] as const) {
      expect([path, (await api(app.url, method, path)).status]).toEqual([path, 401]);
    }
  });
});

describe('your account, where Coproduce sends no email', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it('changes your address at once, with your current password', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.observer);
    const change = (body: Record<string, unknown>) =>
      api<EmailChangeAnswer>(app.url, 'POST', '/api/account/email', { token, body });
    const without = await change({ email: 'sam.new@example.org' });
    expect(without.status).toBe(400);
    expect(without.body).toEqual({
      error: {
        code: 'bad-request',
        message: 'Enter your current password to change your email address.',
      },
    });
    expect((await change({ email: 'sam.new@example.org', password: 'wrong' })).status).toBe(403);
    expect((await change({ email: 'not an address', password: DEMO_PASSWORD })).status).toBe(400);

    const changed = await change({ email: 'Sam.New@example.org', password: DEMO_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      status: 'changed',
      account: expect.objectContaining({ email: 'sam.new@example.org', pendingEmail: null }),
    });
    expect(await signIn(app.url, 'sam.new@example.org')).toMatch(/\S{43}/);
    const events = await eventsOf(app, token);
    expect(events.body.find((event) => event.action === 'account.email-change')).toMatchObject({
      detail: { confirmedWith: 'password' },
    });
  });
});
