// When the app sends email, accepting an invitation without being signed in never tells
// whether an address has an account and never makes an account for an address nobody
// has shown to be theirs: the answer is the same either way, and the email to the
// address either confirms it (and then makes the account and joins) or says to sign in.
import type {
  AcceptedInvitation,
  AuditEntry,
  CreatedInvitation,
  InvitationConfirmationEmailed,
  InvitationConfirmationPreview,
  InvitationPreview,
  MemberSummary,
} from '@coproduce/domain';
import type { ParsedMail } from 'mailparser';
import { BSON } from 'mongodb';
import { api, DEMO_EMAIL, errorWithCode, sessionCookieOf, signIn } from '../support/api';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { demoWorkspaceId } from '../support/collab';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';

let mail: MailCatcher;
let app: RunningApp;
let database: OpenDatabase;
let commissioner: string;
let workspaceId: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  app = await startApp({
    ownDatabase: true,
    env: { SMTP_URL: mail.url, PUBLIC_URL: 'https://coproduce.example.org' },
  });
  database = await openDatabase(app);
  commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  workspaceId = await demoWorkspaceId(app.url, commissioner);
});
afterAll(async () => {
  await database?.close();
  await app?.stop();
  await mail?.stop();
});

/** A link invitation (no address): the inviter is given its token even though email works. */
async function linkInvitation(role = 'observer'): Promise<string> {
  const created = await api<CreatedInvitation>(
    app.url,
    'POST',
    `/api/workspaces/${workspaceId}/invitations`,
    { token: commissioner, body: { role } },
  );
  expect(created.status).toBe(201);
  expect(created.body.emailed).toBe(false);
  return created.body.token!;
}

function accept(invitationToken: string, body: Record<string, unknown>) {
  return api<InvitationConfirmationEmailed>(
    app.url,
    'POST',
    `/api/invitations/${invitationToken}/accept`,
    { body },
  );
}

const confirmationTokenIn = (message: ParsedMail) =>
  linkIn(message, /\/confirm-invitation\//)
    .split('/')
    .pop()!;

async function memberEmails(): Promise<string[]> {
  const members = await api<MemberSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspaceId}/members`,
    { token: commissioner },
  );
  return members.body.map((member) => member.email ?? '');
}

async function auditActions(): Promise<string[]> {
  const entries = await api<AuditEntry[]>(app.url, 'GET', `/api/workspaces/${workspaceId}/audit`, {
    token: commissioner,
  });
  return entries.body.map((entry) => `${entry.action} ${JSON.stringify(entry.detail)}`);
}

describe('accepting a link invitation when the app sends email', () => {
  it('answers alike whether or not the address has an account, and stores nothing but the emailed link', async () => {
    const invitation = await linkInvitation();
    const preview = await api<InvitationPreview>(app.url, 'GET', `/api/invitations/${invitation}`);
    expect(preview.body.confirmsByEmail).toBe(true);
    const usersBefore = await database.db.collection('users').countDocuments();
    const auditBefore = await auditActions();

    const newcomer = await accept(invitation, {
      name: 'Ash Newcomer',
      email: 'Ash.Newcomer@example.org',
      password: PASSWORD,
    });
    const existing = await accept(invitation, {
      name: 'Someone Else',
      email: DEMO_EMAIL['steering-member'],
      password: PASSWORD,
    });

    expect(newcomer.status).toBe(202);
    expect(newcomer.body).toEqual({ emailed: true, email: 'ash.newcomer@example.org' });
    expect(existing.status).toBe(newcomer.status);
    expect(existing.body).toEqual({ emailed: true, email: DEMO_EMAIL['steering-member'] });
    expect(newcomer.headers.get('set-cookie')).toBeNull();
    expect(existing.headers.get('set-cookie')).toBeNull();

    // The address with no account is sent a link that confirms it; the one with an account,
    // word to sign in and accept, with no such link.
    const confirm = await mail.next('ash.newcomer@example.org');
    expect(confirm.subject).toBe(
      'Confirm your email address to join Key worker service for children and young people on Coproduce',
    );
    expect(linkIn(confirm, /\/confirm-invitation\//)).toMatch(
      /^https:\/\/coproduce\.example\.org\/confirm-invitation\/[A-Za-z0-9_-]{43}$/,
    );
    const signInInstead = await mail.next(DEMO_EMAIL['steering-member']);
    expect(signInInstead.subject).toContain('Sign in to accept your invitation');
    expect(signInInstead.text).toContain('You already have a Coproduce account');
    expect(signInInstead.text).not.toContain('/confirm-invitation/');
    expect(linkIn(signInInstead, /\/invitations\//)).toBe(
      `https://coproduce.example.org/invitations/${invitation}`,
    );

    // No account, membership or claim yet; the link is kept only as a hash, the password
    // only as a password hash.
    expect(await database.db.collection('users').countDocuments()).toBe(usersBefore);
    expect(await memberEmails()).not.toContain('ash.newcomer@example.org');
    const after = await api<InvitationPreview>(app.url, 'GET', `/api/invitations/${invitation}`);
    expect(after.body.status).toBe('pending');
    const stored = await database.db
      .collection('invitation_confirmations')
      .find({ email: { $in: ['ash.newcomer@example.org', DEMO_EMAIL['steering-member']] } })
      .toArray();
    expect(stored.map((record) => record['kind']).sort()).toEqual(['new-account', 'sign-in']);
    const serialised = JSON.stringify(stored);
    expect(serialised).not.toContain(confirmationTokenIn(confirm));
    expect(serialised).not.toContain(PASSWORD);
    expect(stored.find((record) => record['kind'] === 'sign-in')?.['passwordHash']).toBeNull();
    // The workspace's audit log records no joining yet.
    expect(await auditActions()).toEqual(auditBefore);
  });

  it('the emailed link makes the account and the membership once, and signs the person in', async () => {
    const invitation = await linkInvitation('expert-by-experience');
    expect(
      (
        await accept(invitation, {
          name: 'Kai Brook',
          email: 'kai.brook@example.org',
          password: PASSWORD,
        })
      ).status,
    ).toBe(202);
    const token = confirmationTokenIn(await mail.next('kai.brook@example.org'));

    const preview = await api<InvitationConfirmationPreview>(
      app.url,
      'GET',
      `/api/invitation-confirmations/${token}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      workspaceName: 'Key worker service for children and young people',
      role: 'expert-by-experience',
      email: 'kai.brook@example.org',
      name: 'Kai Brook',
    });

    const confirmed = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitation-confirmations/${token}`,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.workspace).toEqual({
      id: workspaceId,
      name: 'Key worker service for children and young people',
      role: 'expert-by-experience',
    });
    expect(confirmed.body.session?.user).toMatchObject({
      email: 'kai.brook@example.org',
      name: 'Kai Brook',
    });
    expect(sessionCookieOf(confirmed)).toContain(confirmed.body.session!.token);
    expect(await memberEmails()).toContain('kai.brook@example.org');
    // The password chosen when accepting is the account's.
    expect(await signIn(app.url, 'kai.brook@example.org', PASSWORD)).toMatch(/\S{43}/);
    expect(await auditActions()).toContainEqual(
      'invitation.accept {"role":"expert-by-experience","newAccount":"yes","emailConfirmed":"yes"}',
    );

    // Once only.
    const again = await api(app.url, 'POST', `/api/invitation-confirmations/${token}`);
    expect(again.status).toBe(410);
    expect(again.body).toEqual(errorWithCode('gone'));
    expect((again.body as { error: { message: string } }).error.message).toMatch(/used already/);
    expect((await api(app.url, 'GET', `/api/invitation-confirmations/${token}`)).status).toBe(410);
    expect(
      await database.db.collection('users').countDocuments({ email: 'kai.brook@example.org' }),
    ).toBe(1);
  });

  it('an expired link is refused with a plain message and makes nothing', async () => {
    const invitation = await linkInvitation();
    await accept(invitation, {
      name: 'Lee Late',
      email: 'lee.late@example.org',
      password: PASSWORD,
    });
    const token = confirmationTokenIn(await mail.next('lee.late@example.org'));
    await database.db
      .collection('invitation_confirmations')
      .updateOne(
        { email: 'lee.late@example.org' },
        { $set: { expiresAt: new Date(Date.now() - 1000) } },
      );

    const late = await api<{ error: { message: string } }>(
      app.url,
      'POST',
      `/api/invitation-confirmations/${token}`,
    );
    expect(late.status).toBe(410);
    expect(late.body.error.message).toMatch(/expired.*accept it to get a new one/);
    expect((await api(app.url, 'GET', `/api/invitation-confirmations/${token}`)).status).toBe(410);
    expect(
      await database.db.collection('users').countDocuments({ email: 'lee.late@example.org' }),
    ).toBe(0);
    expect(await memberEmails()).not.toContain('lee.late@example.org');
  });

  it('a link someone else used first leaves the other confirmations refused, with nothing made', async () => {
    const invitation = await linkInvitation();
    for (const name of ['first', 'second']) {
      await accept(invitation, { name, email: `${name}.shared@example.org`, password: PASSWORD });
    }
    const first = confirmationTokenIn(await mail.next('first.shared@example.org'));
    const second = confirmationTokenIn(await mail.next('second.shared@example.org'));

    expect((await api(app.url, 'POST', `/api/invitation-confirmations/${second}`)).status).toBe(
      200,
    );
    const refused = await api(app.url, 'POST', `/api/invitation-confirmations/${first}`);
    expect(refused.status).toBe(410);
    expect(refused.body).toEqual(errorWithCode('invitation-used'));
    expect(
      await database.db.collection('users').countDocuments({ email: 'first.shared@example.org' }),
    ).toBe(0);
  });

  it('an unknown or malformed link is 404', async () => {
    for (const token of ['A'.repeat(43), 'short', '%00']) {
      expect((await api(app.url, 'GET', `/api/invitation-confirmations/${token}`)).status).toBe(
        404,
      );
      expect((await api(app.url, 'POST', `/api/invitation-confirmations/${token}`)).status).toBe(
        404,
      );
    }
  });

  it('still refuses, before anything is emailed, what is wrong with the request itself', async () => {
    const invitation = await linkInvitation();
    const withoutEmail = await accept(invitation, { name: 'No Address', password: PASSWORD });
    expect(withoutEmail.status).toBe(400);
    const short = await accept(invitation, {
      name: 'Short',
      email: 'short.password@example.org',
      password: 'short',
    });
    expect(short.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.received.map((each) => each.subject)).toEqual([]);
  });

  it('sends an address at most three such emails an hour, answering alike', async () => {
    const invitation = await linkInvitation();
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      answers.push(
        await accept(invitation, {
          name: 'Many Tries',
          email: 'many.tries@example.org',
          password: PASSWORD,
        }),
      );
    }
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    for (let sent = 0; sent < 3; sent += 1) await mail.next('many.tries@example.org');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.received.map((each) => each.subject)).toEqual([]);
  });

  it('someone signed in joins at once, as themselves', async () => {
    const invitation = await linkInvitation();
    const engagement = await signIn(app.url, DEMO_EMAIL['engagement-lead']);
    // Removed first, so the link can bring them back.
    const members = await api<MemberSummary[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      { token: commissioner },
    );
    const them = members.body.find((member) => member.email === DEMO_EMAIL['engagement-lead'])!;
    await api(app.url, 'DELETE', `/api/workspaces/${workspaceId}/members/${them.userId}`, {
      token: commissioner,
    });
    const joined = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${invitation}/accept`,
      { token: engagement, body: {} },
    );
    expect(joined.status).toBe(200);
    expect(joined.body.workspace.role).toBe('observer');
  });
});

describe('accepting an invitation to an address', () => {
  it('emailed there, it makes the account at once: the link came to that inbox', async () => {
    const created = await api<CreatedInvitation>(
      app.url,
      'POST',
      `/api/workspaces/${workspaceId}/invitations`,
      { token: commissioner, body: { email: 'mo.direct@example.org', role: 'observer' } },
    );
    expect(created.body.emailed).toBe(true);
    const token = linkIn(await mail.next('mo.direct@example.org'), /\/invitations\//)
      .split('/')
      .pop()!;
    const preview = await api<InvitationPreview>(app.url, 'GET', `/api/invitations/${token}`);
    expect(preview.body.confirmsByEmail).toBe(false);
    const accepted = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${token}/accept`,
      { body: { name: 'Mo Direct', password: PASSWORD } },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.session?.user.email).toBe('mo.direct@example.org');
  });

  it('not emailed there (made before the app sent email), it is confirmed at that address, whatever address is given', async () => {
    const created = await api<CreatedInvitation>(
      app.url,
      'POST',
      `/api/workspaces/${workspaceId}/invitations`,
      { token: commissioner, body: { email: 'rae.before@example.org', role: 'observer' } },
    );
    const token = linkIn(await mail.next('rae.before@example.org'), /\/invitations\//)
      .split('/')
      .pop()!;
    await database.db
      .collection('invitations')
      .updateOne({ _id: new BSON.ObjectId(created.body.id) }, { $set: { emailed: false } });

    const answered = await accept(token, {
      name: 'Rae Before',
      email: 'somebody.else@example.org',
      password: PASSWORD,
    });
    expect(answered.status).toBe(202);
    expect(answered.body).toEqual({ emailed: true, email: 'rae.before@example.org' });
    const confirmation = confirmationTokenIn(await mail.next('rae.before@example.org'));
    const confirmed = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitation-confirmations/${confirmation}`,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.session?.user.email).toBe('rae.before@example.org');
    expect(mail.received.map((each) => each.subject)).toEqual([]);
  });
});
