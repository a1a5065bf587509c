import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import type { CollabConnection } from '@coproduce/collab-provider';
import { Y } from '@coproduce/protocol';
import { SPECIFICATION_EDIT_ACTION, type AuditEntry, type Role } from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { DEMO_EMAIL, api, signIn } from '../support/api';
import {
  connectAs,
  createSpecification,
  demoWorkspaceId,
  openSpecification,
} from '../support/collab';

type Database = Awaited<ReturnType<typeof launchEmbeddedMongo>>;

/**
 * SIGKILLs the app's server. The fixture stops servers politely; a crash has to be
 * simulated from outside, by pid.
 */
function killServerHard(app: RunningApp): void {
  process.kill(app.pid, 'SIGKILL');
}

describe('durability', () => {
  let workDir: string;
  let database: Database;
  let app: RunningApp | undefined;
  const connections: CollabConnection[] = [];

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'coproduce-durability-'));
    database = await launchEmbeddedMongo({ dbpath: join(workDir, 'db') });
  });

  // Each test starts its servers again after a crash or a stop: the last one must go too.
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await database?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Starts (or starts again) the app on the test's store. */
  async function start(): Promise<RunningApp> {
    app = await startApp({ env: { MONGODB_URI: database.uri } });
    return app;
  }

  /** A new specification on a freshly started app, open in `role`'s editor. */
  async function startAndOpen(title: string, role: Role) {
    const running = await start();
    const docId = await createSpecification(running.url, title);
    const connection = await connectAs(running.url, role);
    connections.push(connection);
    return { running, docId, connection, ...(await openSpecification(connection, docId)) };
  }

  /** What an observer reads of `docId` from the app now running. */
  async function reopen(running: RunningApp, docId: string) {
    const reader = await connectAs(running.url, 'observer');
    connections.push(reader);
    return (await openSpecification(reader, docId)).doc;
  }

  it('every edit acknowledged with doc:saved survives the server being killed mid-stream', async () => {
    const { running, docId, connection, doc, provider } = await startAndOpen(
      'Durable',
      'steering-member',
    );

    // Type steadily; remember the state vector after each edit.
    const text = doc.getText('notes');
    const afterEdit: Uint8Array[] = [];
    for (let i = 0; i < 400; i++) {
      text.insert(text.length, `w${i};`);
      afterEdit.push(Y.encodeStateVector(doc));
      if (i === 200) await provider.whenSaved();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Kill while the last writes may still be in flight.
    killServerHard(running);
    const acknowledged = afterEdit.filter((stateVector) => provider.isDurable(stateVector)).length;
    expect(acknowledged).toBeGreaterThan(200);
    connection.close();
    await running.stop();

    const stored = (await reopen(await start(), docId)).getText('notes').toString();
    for (let i = 0; i < acknowledged; i++) expect(stored).toContain(`w${i};`);
    // Whatever else made it is a clean prefix of what was typed: nothing torn.
    expect(text.toString().startsWith(stored)).toBe(true);
  });

  it('an edit saved just before a kill is there after restart', async () => {
    const { running, docId, connection, doc, provider } = await startAndOpen(
      'Saved then killed',
      'commissioner',
    );
    doc.getText('notes').insert(0, 'Agreed at the steering group on 12 March');
    await provider.whenSaved();
    killServerHard(running);
    connection.close();
    await running.stop();

    const reloaded = await reopen(await start(), docId);
    expect(reloaded.getText('notes').toString()).toBe('Agreed at the steering group on 12 March');
  });

  it('an edit noted just before a stop is on the audit record after restart', async () => {
    const { running, docId, connection, doc, provider } = await startAndOpen(
      'Edited as the app stops',
      'commissioner',
    );
    doc.getText('notes').insert(0, 'What the youth council said at the drop-in');
    await provider.whenSaved();
    // The edit's notice waits a moment to be written with others': the stop comes within it.
    running.signal('SIGTERM');
    expect(await running.exited()).toEqual({ code: 0, signal: null });
    connection.close();
    await running.stop();

    const restarted = await start();
    const token = await signIn(restarted.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(restarted.url, token);
    const audit = await api<AuditEntry[]>(
      restarted.url,
      'GET',
      `/api/workspaces/${workspaceId}/audit`,
      {
        token,
      },
    );
    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: SPECIFICATION_EDIT_ACTION,
          target: { type: 'specification', id: docId },
        }),
      ]),
    );
  });
});
