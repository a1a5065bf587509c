import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEmbeddedMongo, type EmbeddedMongoProcess } from '@coproduce/embedded-mongo';
import type { CollabConnection, SaveStatus } from '@coproduce/collab-provider';
import { DEMO_EMAIL } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import {
  changeDemoRole,
  collabApp,
  connectAs,
  createSpecification,
  eventually,
  openSpecification,
  storedState,
} from '../support/collab';

/**
 * "Saved" must be true when it shows. The store is paused (SIGSTOP) so writes cannot
 * finish, which is how a test can see what a person would see while they are pending.
 */
describe('the saved status a person sees', () => {
  let workDir: string;
  let database: EmbeddedMongoProcess;
  let app: RunningApp;
  const connections: CollabConnection[] = [];

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'coproduce-saved-status-'));
    database = await launchEmbeddedMongo({ dbpath: join(workDir, 'db') });
    app = await startApp({ env: { MONGODB_URI: database.uri } });
  });

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await app?.stop();
    await database?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function connect(role: Parameters<typeof connectAs>[1]): Promise<CollabConnection> {
    const connection = await connectAs(app.url, role);
    connections.push(connection);
    return connection;
  }

  it('a deletion alone shows "Saving…" until the database has it, then "Saved"', async () => {
    const docId = await createSpecification(app.url, 'Deleting only');
    const { doc, provider } = await openSpecification(await connect('steering-member'), docId);
    const notes = doc.getText('notes');
    notes.insert(0, 'Drop-in sessions at the youth centre on Tuesdays');
    await provider.whenSaved();

    const whilePaused: SaveStatus[] = [];
    const record = (status: SaveStatus) => whilePaused.push(status);
    provider.on('status', record);
    process.kill(database.pid, 'SIGSTOP');
    try {
      notes.delete(0, 'Drop-in sessions '.length);
      // Long enough for a write and its doc:saved, were the database answering.
      await new Promise((resolve) => setTimeout(resolve, 400));
      provider.off('status', record);
    } finally {
      process.kill(database.pid, 'SIGCONT');
    }
    expect(whilePaused).toEqual(['saving']);
    await provider.whenSaved();

    const stored = await storedState(database.uri, docId);
    expect(stored.getText('notes').toString()).toBe('at the youth centre on Tuesdays');
  });

  it('an edit made while the database is paused is not "Saved" until it is stored', async () => {
    const docId = await createSpecification(app.url, 'Paused store');
    const { doc, provider } = await openSpecification(await connect('expert-by-experience'), docId);
    process.kill(database.pid, 'SIGSTOP');
    try {
      doc.getText('notes').insert(0, 'Young people want evening appointments');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(provider.status).toBe('saving');
    } finally {
      process.kill(database.pid, 'SIGCONT');
    }
    await provider.whenSaved();
    const stored = await storedState(database.uri, docId);
    expect(stored.getText('notes').toString()).toBe('Young people want evening appointments');
  });
});

describe('a role change reaches an open specification at once', () => {
  const app = collabApp({ ownDatabase: true });

  it('an observer made steering member can edit without rejoining; made observer again, cannot', async () => {
    const docId = await createSpecification(app.url, 'Role changes');
    const { doc, provider } = await openSpecification(await app.connect('observer'), docId);
    expect([provider.role, provider.canEdit]).toEqual(['observer', false]);

    await changeDemoRole(app.url, DEMO_EMAIL.observer, 'steering-member');
    await eventually(() => provider.canEdit, 'the client is told it may edit');
    expect(provider.role).toBe('steering-member');
    doc.getText('notes').insert(0, 'Added after the promotion');
    await provider.whenSaved();

    await changeDemoRole(app.url, DEMO_EMAIL.observer, 'observer');
    await eventually(() => !provider.canEdit, 'the client is told it may no longer edit');
    doc.getText('notes').insert(0, 'Typed after the change; ');
    expect(provider.status).toBe('not-saved');

    const reader = await openSpecification(await app.connect('commissioner'), docId);
    expect(reader.doc.getText('notes').toString()).toBe('Added after the promotion');
  });
});
