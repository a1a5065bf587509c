import type {
  AcceptedInvitation,
  CreatedInvitation,
  InvitationPreview,
  InvitationSummary,
  MemberSummary,
  WorkspaceSummary,
} from '@coproduce/domain';
import { MongoClient } from 'mongodb';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, errorWithCode, sessionCookieOf, signIn } from '../support/api';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

let app: RunningApp;
let commissioner: string;
let workspaceId: string;

beforeAll(async () => {
  // Its own database, so the expiry test can age an invitation.
  app = await startApp({ ownDatabase: true });
  commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  const list = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
    token: commissioner,
  });
  workspaceId = list.body[0]!.id;
});
afterAll(async () => {
  await app?.stop();
});

const invitationsPath = () => `/api/workspaces/${workspaceId}/invitations`;

async function invite(body: Record<string, unknown>) {
  const response = await api<CreatedInvitation>(app.url, 'POST', invitationsPath(), {
    token: commissioner,
    body,
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function memberEmails(): Promise<Array<string | null>> {
  const members = await api<MemberSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspaceId}/members`,
    { token: commissioner },
  );
  return members.body.map((m) => m.email);
}

describe('inviting by email', () => {
  it('a commissioner invites a parent carer; they preview, sign up and are in the workspace', async () => {
    const invitation = await invite({
      email: 'Parent.Carer@example.org',
      role: 'expert-by-experience',
    });
    expect(invitation).toMatchObject({
      email: 'parent.carer@example.org',
      role: 'expert-by-experience',
      status: 'pending',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      path: `/invitations/${invitation.token}`,
    });

    const preview = await api<InvitationPreview>(
      app.url,
      'GET',
      `/api/invitations/${invitation.token}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      workspaceName: 'Key worker service for children and young people',
      role: 'expert-by-experience',
      email: 'parent.carer@example.org',
      status: 'pending',
    });

    const accepted = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${invitation.token}/accept`,
      { body: { name: 'Sam Taylor', password: 'a long enough password' } },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace).toEqual({
      id: workspaceId,
      name: 'Key worker service for children and young people',
      role: 'expert-by-experience',
    });
    expect(sessionCookieOf(accepted)).toContain(accepted.body.session!.token);
    const theirs = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
      token: accepted.body.session!.token,
    });
    expect(theirs.body).toEqual([accepted.body.workspace]);
    expect(await memberEmails()).toContain('parent.carer@example.org');
    // The new account can sign in with its password.
    await expect(
      signIn(app.url, 'parent.carer@example.org', 'a long enough password'),
    ).resolves.toBeTruthy();
  });

  it('works once: a second acceptance is 410 and creates nothing', async () => {
    const invitation = await invite({ email: 'once@example.org', role: 'observer' });
    const accept = () =>
      api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
        body: { name: 'Once', password: 'a long enough password' },
      });
    expect((await accept()).status).toBe(200);
    const again = await accept();
    expect(again.status).toBe(410);
    expect(again.body).toEqual(errorWithCode('invitation-used'));
    const preview = await api<InvitationPreview>(
      app.url,
      'GET',
      `/api/invitations/${invitation.token}`,
    );
    expect(preview.body.status).toBe('accepted');
  });

  it('an email that already has an account must sign in first, then joins as itself', async () => {
    // The demo steering member belongs to the demo workspace only; invite them to join again as a
    // different person's address would be refused, so use a fresh account made through a link.
    const link = await invite({ role: 'observer' });
    const created = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${link.token}/accept`,
      {
        body: {
          name: 'Existing Person',
          email: 'existing@example.org',
          password: 'a long enough password',
        },
      },
    );
    expect(created.status).toBe(200);
    const existingToken = created.body.session!.token;
    // Removed, then invited again by email.
    const members = await api<MemberSummary[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      {
        token: commissioner,
      },
    );
    const existing = members.body.find((m) => m.email === 'existing@example.org')!;
    expect(
      (
        await api(app.url, 'DELETE', `/api/workspaces/${workspaceId}/members/${existing.userId}`, {
          token: commissioner,
        })
      ).status,
    ).toBe(204);

    const invitation = await invite({ email: 'existing@example.org', role: 'steering-member' });
    const anonymous = await api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
      body: { name: 'Someone', password: 'a long enough password' },
    });
    expect(anonymous.status).toBe(409);
    expect(anonymous.body).toEqual(errorWithCode('account-exists'));

    const someoneElse = await api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
      token: await signIn(app.url, 'parent.carer@example.org', 'a long enough password'),
    });
    expect(someoneElse.status).toBe(403);
    expect(someoneElse.body).toEqual(errorWithCode('invitation-for-someone-else'));

    const signedIn = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${invitation.token}/accept`,
      {
        token: existingToken,
      },
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.session).toBeUndefined();
    expect(signedIn.body.workspace.role).toBe('steering-member');
  });

  it('inviting someone who is already a member is 409', async () => {
    const response = await api(app.url, 'POST', invitationsPath(), {
      token: commissioner,
      body: {
        email: DEMO_EMAIL.observer,
        role: 'provider',
        organisation: 'Riverside Families Together',
      },
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual(errorWithCode('already-member'));
  });
});

describe('inviting by link', () => {
  it('a link invitation asks for an email when accepted', async () => {
    const invitation = await invite({
      role: 'provider',
      organisation: 'Bidders Together',
      expiresInDays: 3,
    });
    expect(invitation.email).toBeNull();
    const withoutEmail = await api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
      body: { name: 'Bidder', password: 'a long enough password' },
    });
    expect(withoutEmail.status).toBe(400);
    const accepted = await api<AcceptedInvitation>(
      app.url,
      'POST',
      `/api/invitations/${invitation.token}/accept`,
      {
        body: {
          name: 'Bidder',
          email: 'bids@provider.example',
          password: 'a long enough password',
        },
      },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace.role).toBe('provider');
  });

  it('a link shared with several people works for whoever is first, even at the same moment', async () => {
    const invitation = await invite({ role: 'observer' });
    const people = ['first', 'second', 'third', 'fourth'];
    const answers = await Promise.all(
      people.map((name) =>
        api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
          body: { name, email: `${name}.race@example.org`, password: 'a long enough password' },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410, 410, 410]);
    const joined = (await memberEmails()).filter((email) => email?.endsWith('.race@example.org'));
    expect(joined).toHaveLength(1);
    // The others' accounts were not left behind half-made: they can still sign up elsewhere.
    for (const name of people) {
      const signedIn = await api(app.url, 'POST', '/api/session', {
        body: { email: `${name}.race@example.org`, password: 'a long enough password' },
      });
      expect([name, signedIn.status]).toEqual([
        name,
        joined.includes(`${name}.race@example.org`) ? 200 : 401,
      ]);
    }
  });
});

describe('withdrawing and expiry', () => {
  it('a withdrawn invitation cannot be accepted (410) and says so', async () => {
    const invitation = await invite({ email: 'withdrawn@example.org', role: 'observer' });
    const revoked = await api(app.url, 'DELETE', `${invitationsPath()}/${invitation.id}`, {
      token: commissioner,
    });
    expect(revoked.status).toBe(204);
    const accept = await api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
      body: { name: 'Too late', password: 'a long enough password' },
    });
    expect(accept.status).toBe(410);
    expect(accept.body).toEqual(errorWithCode('invitation-revoked'));
    expect(await memberEmails()).not.toContain('withdrawn@example.org');
    const list = await api<InvitationSummary[]>(app.url, 'GET', invitationsPath(), {
      token: commissioner,
    });
    expect(list.body.find((i) => i.id === invitation.id)?.status).toBe('revoked');
    expect(JSON.stringify(list.body)).not.toContain(invitation.token);
  });

  it('an expired invitation is 410 with a plain message', async () => {
    const invitation = await invite({
      email: 'expired@example.org',
      role: 'observer',
      expiresInDays: 1,
    });
    const client = await MongoClient.connect(app.databaseUri!);
    try {
      const database = client.db(new URL(app.databaseUri!).pathname.slice(1) || 'coproduce');
      const result = await database
        .collection('invitations')
        .updateOne(
          { email: 'expired@example.org' },
          { $set: { expiresAt: new Date(Date.now() - 1000) } },
        );
      expect(result.modifiedCount).toBe(1);
    } finally {
      await client.close();
    }
    const preview = await api<InvitationPreview>(
      app.url,
      'GET',
      `/api/invitations/${invitation.token}`,
    );
    expect(preview.body.status).toBe('expired');
    const accept = await api<{ error: { message: string } }>(
      app.url,
      'POST',
      `/api/invitations/${invitation.token}/accept`,
      { body: { name: 'Late', password: 'a long enough password' } },
    );
    expect(accept.status).toBe(410);
    expect(accept.body).toEqual(errorWithCode('invitation-expired'));
    expect(accept.body.error.message).toMatch(/expired/);
    expect(await memberEmails()).not.toContain('expired@example.org');
  });

  it('an unknown or malformed token is 404', async () => {
    for (const token of ['A'.repeat(43), 'short', '%00']) {
      expect((await api(app.url, 'GET', `/api/invitations/${token}`)).status).toBe(404);
      expect(
        (await api(app.url, 'POST', `/api/invitations/${token}/accept`, { body: {} })).status,
      ).toBe(404);
    }
  });
});
