import type {
  CreatedInvitation,
  IssuedPasswordReset,
  PasswordResetRequested,
} from '@coproduce/domain';
import { BSON } from 'mongodb';
import { api, DEMO_EMAIL, DEMO_PASSWORD, signIn } from '../support/api';
import { openDatabase, startApp, type RunningApp } from '../support/app';
import { connectWithToken, demoWorkspaceId, eventually } from '../support/collab';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';

jest.setTimeout(120_000);

const NEW_PASSWORD = 'a brand new passphrase';

async function memberId(app: RunningApp, token: string, workspaceId: string, email: string) {
  const members = await api<Array<{ userId: string; email: string }>>(
    app.url,
    'GET',
    `/api/workspaces/${workspaceId}/members`,
    { token },
  );
  return members.body.find((member) => member.email === email)!.userId;
}

describe('forgotten passwords, with email', () => {
  let mail: MailCatcher;
  let app: RunningApp;

  beforeAll(async () => {
    mail = await startMailCatcher();
    app = await startApp({
      ownDatabase: true,
      env: { SMTP_URL: mail.url, PUBLIC_URL: 'https://coproduce.example.org' },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await mail?.stop();
  });

  it('answers alike whether or not the address has an account, and emails a link only to an account', async () => {
    const ask = (email: string) =>
      api<PasswordResetRequested>(app.url, 'POST', '/api/password-resets', { body: { email } });
    const known = await ask(DEMO_EMAIL['expert-by-experience']);
    const unknown = await ask('nobody.here@example.org');

    expect(known.status).toBe(202);
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
    expect(known.body.delivery).toBe('email');
    const message = await mail.next(DEMO_EMAIL['expert-by-experience']);
    expect(message.subject).toBe('Choose a new Coproduce password');
    expect(linkIn(message, /\/reset-password\//)).toMatch(
      /^https:\/\/coproduce\.example\.org\/reset-password\/[A-Za-z0-9_-]{43}$/,
    );
    expect(message.html).toContain('Choose a new password');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.received.map((each) => each.subject)).toEqual([]);
  });

  it('the link sets the password once, ends every session and open socket of the person', async () => {
    const oldSession = await signIn(app.url, DEMO_EMAIL['engagement-lead']);
    const socket = await connectWithToken(app.url, oldSession);
    let socketClosed = false;
    socket.socket.on('disconnect', () => (socketClosed = true));
    await api(app.url, 'POST', '/api/password-resets', {
      body: { email: DEMO_EMAIL['engagement-lead'] },
    });
    const token = linkIn(await mail.next(DEMO_EMAIL['engagement-lead']), /\/reset-password\//)
      .split('/')
      .pop()!;

    const preview = await api(app.url, 'GET', `/api/password-resets/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email: DEMO_EMAIL['engagement-lead'] });

    const chosen = await api(app.url, 'POST', `/api/password-resets/${token}`, {
      body: { password: NEW_PASSWORD },
    });
    expect(chosen.status).toBe(200);
    await eventually(() => socketClosed, 'the open socket is closed');
    socket.close();
    expect((await api(app.url, 'GET', '/api/session', { token: oldSession })).status).toBe(401);
    const oldPassword = await api(app.url, 'POST', '/api/session', {
      body: { email: DEMO_EMAIL['engagement-lead'], password: DEMO_PASSWORD },
    });
    expect(oldPassword.status).toBe(401);
    expect(await signIn(app.url, DEMO_EMAIL['engagement-lead'], NEW_PASSWORD)).toMatch(/\S{43}/);

    const again = await api(app.url, 'POST', `/api/password-resets/${token}`, {
      body: { password: 'yet another passphrase' },
    });
    expect(again.status).toBe(410);
    expect(again.body).toEqual({
      error: { code: 'gone', message: 'This link has been used already. Ask for a new one.' },
    });
  });

  it('a link older than an hour has expired, and says so', async () => {
    await api(app.url, 'POST', '/api/password-resets', { body: { email: DEMO_EMAIL.observer } });
    const token = linkIn(await mail.next(DEMO_EMAIL.observer), /\/reset-password\//)
      .split('/')
      .pop()!;
    const database = await openDatabase(app);
    try {
      await database.db
        .collection('password_resets')
        .updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1_000) } });
    } finally {
      await database.close();
    }
    const late = await api(app.url, 'POST', `/api/password-resets/${token}`, {
      body: { password: NEW_PASSWORD },
    });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ error: { message: expect.stringContaining('expired') } });
  });

  it('an invitation to an address is emailed there; the inviter is not given its link', async () => {
    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, commissioner);
    expect((await api(app.url, 'GET', '/api/mail', { token: commissioner })).body).toEqual({
      sendsEmail: true,
    });
    const invited = await api<CreatedInvitation>(
      app.url,
      'POST',
      `/api/workspaces/${workspaceId}/invitations`,
      { token: commissioner, body: { email: 'sam.taylor@example.org', role: 'observer' } },
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ emailed: true, token: null, path: null });

    const message = await mail.next('sam.taylor@example.org');
    expect(message.subject).toContain('invited you to');
    const link = linkIn(message, /\/invitations\//);
    expect(link).toMatch(/^https:\/\/coproduce\.example\.org\/invitations\/[A-Za-z0-9_-]{43}$/);
    const accepted = await api(
      app.url,
      'POST',
      `/api/invitations/${link.split('/').pop()!}/accept`,
      {
        body: {
          name: 'Sam Taylor',
          email: 'sam.taylor@example.org',
          password: 'a long enough password',
        },
      },
    );
    expect(accepted.status).toBe(200);
  });

  it('a commissioner’s link for a member is emailed to the member, not shown to the commissioner', async () => {
    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, commissioner);
    const steering = await memberId(app, commissioner, workspaceId, DEMO_EMAIL['steering-member']);

    const issued = await api<IssuedPasswordReset>(
      app.url,
      'POST',
      `/api/workspaces/${workspaceId}/members/${steering}/password-reset`,
      { token: commissioner, headers: { 'content-type': 'application/json' }, rawBody: '{}' },
    );

    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ emailed: true, path: null });
    const message = await mail.next(DEMO_EMAIL['steering-member']);
    expect(message.text).toContain('made you a link to choose a new password');
  });
});

describe('forgotten passwords, without email', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it('the page is told to ask a commissioner, who issues a link that works once', async () => {
    const asked = await api<PasswordResetRequested>(app.url, 'POST', '/api/password-resets', {
      body: { email: DEMO_EMAIL['expert-by-experience'] },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.delivery).toBe('ask-a-commissioner');

    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, commissioner);
    const expert = await memberId(
      app,
      commissioner,
      workspaceId,
      DEMO_EMAIL['expert-by-experience'],
    );
    const issue = (token: string, userId = expert) =>
      api<IssuedPasswordReset>(
        app.url,
        'POST',
        `/api/workspaces/${workspaceId}/members/${userId}/password-reset`,
        { token, headers: { 'content-type': 'application/json' }, rawBody: '{}' },
      );
    const issued = await issue(commissioner);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      emailed: false,
      path: expect.stringMatching(/^\/reset-password\//),
    });

    // Only commissioners issue links, and only for their own members.
    for (const role of ['steering-member', 'observer'] as const) {
      expect((await issue(await signIn(app.url, DEMO_EMAIL[role]))).status).toBe(403);
    }
    expect((await issue(commissioner, new BSON.ObjectId().toHexString())).status).toBe(404);

    const token = issued.body.path!.split('/').pop()!;
    const chosen = await api(app.url, 'POST', `/api/password-resets/${token}`, {
      body: { password: NEW_PASSWORD },
    });
    expect(chosen.status).toBe(200);
    expect(await signIn(app.url, DEMO_EMAIL['expert-by-experience'], NEW_PASSWORD)).toMatch(
      /\S{43}/,
    );
  });

  it('refuses a password too short, and an unknown link, without changing anything', async () => {
    const unknown = await api(app.url, 'POST', `/api/password-resets/${'A'.repeat(43)}`, {
      body: { password: NEW_PASSWORD },
    });
    expect(unknown.status).toBe(404);
    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, commissioner);
    const observer = await memberId(app, commissioner, workspaceId, DEMO_EMAIL.observer);
    const issued = await api<IssuedPasswordReset>(
      app.url,
      'POST',
      `/api/workspaces/${workspaceId}/members/${observer}/password-reset`,
      { token: commissioner, headers: { 'content-type': 'application/json' }, rawBody: '{}' },
    );
    const token = issued.body.path!.split('/').pop()!;
    const short = await api(app.url, 'POST', `/api/password-resets/${token}`, {
      body: { password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(await signIn(app.url, DEMO_EMAIL.observer)).toMatch(/\S{43}/);
    // The link still works after a refused attempt.
    expect((await api(app.url, 'GET', `/api/password-resets/${token}`)).status).toBe(200);
  });
});
