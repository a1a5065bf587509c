import type {
  AcceptedInvitation,
  CreatedInvitation,
  InvitationPreview,
  WorkspaceSummary,
} from '@coproduce/domain';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, signIn } from '../support/api';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

let app: RunningApp;
let database: OpenDatabase;
let commissioner: string;
let workspaceId: string;

beforeAll(async () => {
  // Its own database, so the test can make the store refuse the membership.
  app = await startApp({ ownDatabase: true });
  database = await openDatabase(app);
  commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
  const list = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
    token: commissioner,
  });
  workspaceId = list.body[0]!.id;
});
afterAll(async () => {
  await database?.close();
  await app?.stop();
});

const INVITEE = 'carer.of.a.young.person@example.org';

function accept(token: string, password: string) {
  return api<AcceptedInvitation>(app.url, 'POST', `/api/invitations/${token}/accept`, {
    body: { name: 'Parent carer', password },
  });
}

function signInStatus(password: string) {
  return api(app.url, 'POST', '/api/session', { body: { email: INVITEE, password } }).then(
    (response) => response.status,
  );
}

it('when the membership cannot be stored after the account was made, no account is left and the link works again', async () => {
  const invitation = await api<CreatedInvitation>(
    app.url,
    'POST',
    `/api/workspaces/${workspaceId}/invitations`,
    { token: commissioner, body: { email: INVITEE, role: 'observer' } },
  );
  expect(invitation.status).toBe(201);
  const token = invitation.body.token!;

  // Stands in for the database failing the membership write: the demo workspace has an
  // observer already, and this index refuses a second one.
  const memberships = database.db.collection('memberships');
  await memberships.createIndex({ workspaceId: 1, role: 1 }, { unique: true, name: 'refuse' });
  try {
    const failed = await accept(token, 'first choice of password');
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(failed.status).toBeLessThan(500);
  } finally {
    await memberships.dropIndex('refuse');
  }
  expect(await database.db.collection('users').countDocuments({ email: INVITEE })).toBe(0);
  expect(await signInStatus('first choice of password')).toBe(401);
  const preview = await api<InvitationPreview>(app.url, 'GET', `/api/invitations/${token}`);
  expect(preview.body.status).toBe('pending');

  const retried = await accept(token, 'second choice of password');
  expect(retried.status).toBe(200);
  expect(retried.body.workspace.role).toBe('observer');
  expect(await signInStatus('second choice of password')).toBe(200);
  expect(await signInStatus('first choice of password')).toBe(401);
});
