import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import type { CollabConnection } from '@coproduce/collab-provider';
import { Y } from '@coproduce/protocol';
import { SPECIFICATION_EDIT_ACTION, type AuditEntry } from '@coproduce/domain';
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

  it('every edit acknowledged with doc:saved survives the server being killed mid-stream', async () => {
    const env = { MONGODB_URI: database.uri };
    app = await startApp({ env });
    const docId = await createSpecification(app.url, 'Durable');
    const connection = await connectAs(app.url, 'steering-member');
    connections.push(connection);
    const { doc, provider } = await openSpecification(connection, docId);

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
    killServerHard(app);
    const acknowledged = afterEdit.filter((stateVector) => provider.isDurable(stateVector)).length;
    expect(acknowledged).toBeGreaterThan(200);
    connection.close();
    await app.stop();

    app = await startApp({ env });
    const reader = await connectAs(app.url, 'observer');
    connections.push(reader);
    const reloaded = await openSpecification(reader, docId);
    const stored = reloaded.doc.getText('notes').toString();
    for (let i = 0; i < acknowledged; i++) expect(stored).toContain(`w${i};`);
    // Whatever else made it is a clean prefix of what was typed: nothing torn.
    expect(text.toString().startsWith(stored)).toBe(true);
  });

  it('an edit saved just before a kill is there after restart', async () => {
    const env = { MONGODB_URI: database.uri };
    app = await startApp({ env });
    const docId = await createSpecification(app.url, 'Saved then killed');
    const connection = await connectAs(app.url, 'commissioner');
    connections.push(connection);
    const { doc, provider } = await openSpecification(connection, docId);
    doc.getText('notes').insert(0, 'Agreed at the steering group on 12 March');
    await provider.whenSaved();
    killServerHard(app);
    connection.close();
    await app.stop();

    app = await startApp({ env });
    const reader = await connectAs(app.url, 'observer');
    connections.push(reader);
    const reloaded = await openSpecification(reader, docId);
    expect(reloaded.doc.getText('notes').toString()).toBe(
      'Agreed at the steering group on 12 March',
    );
  });

  it('an edit noted just before a stop is on the audit record after restart', async () => {
    const env = { MONGODB_URI: database.uri };
    app = await startApp({ env });
    const docId = await createSpecification(app.url, 'Edited as the app stops');
    const connection = await connectAs(app.url, 'commissioner');
    connections.push(connection);
    const { doc, provider } = await openSpecification(connection, docId);
    doc.getText('notes').insert(0, 'What the youth council said at the drop-in');
    await provider.whenSaved();
    // The edit's notice waits a moment to be written with others': the stop comes within it.
    app.signal('SIGTERM');
    expect(await app.exited()).toEqual({ code: 0, signal: null });
    connection.close();
    await app.stop();

    app = await startApp({ env });
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const audit = await api<AuditEntry[]>(app.url, 'GET', `/api/workspaces/${workspaceId}/audit`, {
      token,
    });
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
