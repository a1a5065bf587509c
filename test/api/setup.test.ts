// First run without the demo: the code the app prints lets one person create the
// first commissioner and their workspace, once.
import type { AuditEntry, SessionResponse, UserSummary, WorkspaceSummary } from '@coproduce/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import { api, errorWithCode, sessionCookieOf, signIn } from '../support/api';

jest.setTimeout(180_000);

const PRINTED_CODE =
  /open http:\/\/localhost:\d+\/setup and enter the code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/;

function printedCode(app: RunningApp): string | undefined {
  return PRINTED_CODE.exec(app.output())?.[1];
}

/** The code is printed once the app listens, which can be just after /health answers. */
async function waitForCode(app: RunningApp): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const code = printedCode(app);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No set-up code was printed:\n${app.output()}`);
}

const firstCommissioner = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: 'Priya Shah',
  email: 'priya.shah@example.org',
  password: 'three random words',
  workspaceName: 'Short breaks for disabled children',
  serviceArea: 'Disabled children and their families',
  leadOrganisation: 'North Riverside Integrated Care Board',
  ...overrides,
});

const setUp = (app: RunningApp, body: unknown) =>
  api<SessionResponse & { workspace: WorkspaceSummary }>(app.url, 'POST', '/api/setup', { body });

describe('a Coproduce started without the demo', () => {
  let app: RunningApp;
  let database: OpenDatabase;
  let code: string;
  beforeAll(async () => {
    app = await startApp({ env: { SEED_DEMO: 'false' }, ownDatabase: true });
    database = await openDatabase(app);
    code = await waitForCode(app);
  });
  afterAll(async () => {
    await database?.close();
    await app?.stop();
  });

  const stored = async () => ({
    users: await database.db.collection('users').countDocuments(),
    workspaces: await database.db.collection('workspaces').countDocuments(),
    memberships: await database.db.collection('memberships').countDocuments(),
  });
  const nothing = { users: 0, workspaces: 0, memberships: 0 };

  it('prints a set-up code and says set-up is needed', async () => {
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679-]{14}$/);
    const status = await api(app.url, 'GET', '/api/setup');
    expect([status.status, status.body]).toEqual([200, { needed: true }]);
  });

  it('refuses a wrong code with 403 and creates nothing', async () => {
    const wrong = code.startsWith('A') ? `C${code.slice(1)}` : `A${code.slice(1)}`;
    const response = await setUp(app, firstCommissioner(wrong));
    expect(response.status).toBe(403);
    expect(response.body).toEqual(errorWithCode('wrong-setup-code'));
    expect(await stored()).toEqual(nothing);
  });

  it.each([
    ['no code', { code: undefined }, 'Enter the set-up code.'],
    ['an email address without an @', { email: 'priya.example.org' }, 'email address'],
    ['a password of 9 characters', { password: '123456789' }, 'at least 10 characters'],
    ['an empty workspace name', { workspaceName: '   ' }, 'name for the workspace'],
  ])('refuses %s with 400 and a message, and creates nothing', async (_, change, message) => {
    const response = await setUp(app, firstCommissioner(code, change));
    expect(response.status).toBe(400);
    expect((response.body as unknown as { error: { message: string } }).error.message).toContain(
      message,
    );
    expect(await stored()).toEqual(nothing);
  });

  it('two set-ups at once: exactly one creates the first commissioner, the other is told it is done', async () => {
    const [first, second] = await Promise.all([
      setUp(app, firstCommissioner(code.toLowerCase().replace(/-/g, ' '))),
      setUp(app, firstCommissioner(code, { email: 'someone.else@example.org', name: 'Someone' })),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 410]);
    const winner = first.status === 201 ? first : second;
    const loser = first.status === 201 ? second : first;
    expect(loser.body).toEqual(errorWithCode('setup-done'));
    expect(await stored()).toEqual({ users: 1, workspaces: 1, memberships: 1 });

    // Signed in, by token and by cookie, like POST /api/session.
    expect(winner.body.token).toEqual(expect.any(String));
    const byCookie = await api<{ user: UserSummary }>(app.url, 'GET', '/api/session', {
      cookie: sessionCookieOf(winner),
    });
    expect(byCookie.body.user).toEqual(winner.body.user);
    const workspaces = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
      token: winner.body.token,
    });
    expect(workspaces.body).toEqual([
      {
        id: winner.body.workspace.id,
        name: 'Short breaks for disabled children',
        role: 'commissioner',
      },
    ]);
    // Recorded in the new workspace's audit log, by the new commissioner.
    const audit = await api<AuditEntry[]>(
      app.url,
      'GET',
      `/api/workspaces/${winner.body.workspace.id}/audit`,
      { token: winner.body.token },
    );
    expect(audit.body).toContainEqual(
      expect.objectContaining({
        action: 'setup.complete',
        actor: winner.body.user,
        target: { type: 'workspace', id: winner.body.workspace.id },
      }),
    );
    // And the account signs in like any other.
    await expect(signIn(app.url, winner.body.user.email, 'three random words')).resolves.toEqual(
      expect.any(String),
    );
  });

  it('is closed for good afterwards: 410 even with the right code, and not needed', async () => {
    const again = await setUp(app, firstCommissioner(code, { email: 'late@example.org' }));
    expect(again.status).toBe(410);
    expect(again.body).toEqual(errorWithCode('setup-done'));
    const status = await api(app.url, 'GET', '/api/setup');
    expect(status.body).toEqual({ needed: false });
    expect(await stored()).toEqual({ users: 1, workspaces: 1, memberships: 1 });
  });
});

describe('a Coproduce started with the demo', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('makes no code and says set-up is not needed', async () => {
    expect(app.output()).not.toContain('No accounts yet');
    const status = await api(app.url, 'GET', '/api/setup');
    expect(status.body).toEqual({ needed: false });
    const attempt = await setUp(app, firstCommissioner('ACDE-FGHJ-KMNP'));
    expect(attempt.body).toEqual(errorWithCode('setup-done'));
    expect(app.output()).not.toContain('No accounts yet');
  });

  it('slows down one address that keeps trying', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      statuses.push((await setUp(app, firstCommissioner('ACDE-FGHJ-KMNP'))).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(3);
  });
});

describe('a restart before set-up is done', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-setup-restart-'));
  const apps: RunningApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes a new code, and the old one no longer works', async () => {
    const first = await startApp({ env: { SEED_DEMO: 'false' }, dataDir });
    apps.push(first);
    const oldCode = await waitForCode(first);
    await first.stop();

    const second = await startApp({ env: { SEED_DEMO: 'false' }, dataDir });
    apps.push(second);
    const newCode = await waitForCode(second);
    expect(newCode).not.toBe(oldCode);
    const withOld = await setUp(second, firstCommissioner(oldCode));
    expect([withOld.status, withOld.body]).toEqual([403, errorWithCode('wrong-setup-code')]);
    const withNew = await setUp(second, firstCommissioner(newCode));
    expect(withNew.status).toBe(201);
  });
});
