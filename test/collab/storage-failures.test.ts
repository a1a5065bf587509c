// What people notice when the database refuses one specification's edits for good (as it
// would after a schema change): everyone else's specifications keep saving, the refused
// one never claims to be saved, and the app still stops promptly.
import type { CollabConnection } from '@coproduce/collab-provider';
import { openDatabase, startApp, type OpenDatabase, type RunningApp } from '../support/app';
import {
  connectAs,
  createSpecification,
  eventually,
  openSpecification,
  storedState,
} from '../support/collab';

const SHUTDOWN_GRACE_MS = 2_000;

describe('when the database refuses one specification’s edits', () => {
  let app: RunningApp;
  let database: OpenDatabase;
  let connection: CollabConnection | undefined;
  let refusedId: string;

  beforeAll(async () => {
    app = await startApp({
      ownDatabase: true,
      env: { COLLAB_SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS) },
    });
    database = await openDatabase(app);
  });

  afterAll(async () => {
    connection?.close();
    await database?.close();
    await app?.stop();
  });

  it('another specification written at the same moment keeps saving; the refused one is never reported saved', async () => {
    refusedId = await createSpecification(app.url, 'Refused by the database');
    const savingId = await createSpecification(app.url, 'Keeps saving');
    connection = await connectAs(app.url, 'commissioner');
    const refused = await openSpecification(connection, refusedId);
    const saving = await openSpecification(connection, savingId);
    const told: string[] = [];
    refused.provider.on('error', (error) => told.push(error.code));
    await database.db.command({
      collMod: 'specification_updates',
      validator: { specificationId: { $ne: refusedId } },
    });

    for (let round = 0; round < 5; round++) {
      // Both edits leave on one socket in one turn, so the server's group commit across
      // documents takes them into the same write.
      refused.doc.getText('notes').insert(0, `refused ${round} `);
      saving.doc.getText('notes').insert(0, `saved ${round} `);
      await saving.provider.whenSaved(10_000);
    }

    expect(refused.provider.status).not.toBe('saved');
    // After a few failed writes the person waiting is told why "Saved" is not coming.
    await eventually(() => told.includes('unavailable'), 'the writer is told saving is stuck');
    const stored = await storedState(app.databaseUri as string, savingId);
    expect(stored.getText('notes').toString()).toBe(saving.doc.getText('notes').toString());
    const storedRefused = await storedState(app.databaseUri as string, refusedId);
    expect(storedRefused.getText('notes').toString()).toBe('');
  });

  it('the app stops within the shutdown grace while that specification still cannot be saved, and names it', async () => {
    const started = Date.now();
    await app.stop();
    const took = Date.now() - started;

    // The fixture kills the server after 10 s; stopping well before that is the app's doing.
    expect(took).toBeLessThan(SHUTDOWN_GRACE_MS + 5_000);
    expect(app.output()).toContain(`specification ${refusedId}: edits not stored`);
    expect(app.output()).toContain('IndexedDB');
  });
});
