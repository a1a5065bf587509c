import type { SizeWarning } from '@coproduce/protocol';
import { MongoClient } from 'mongodb';
import {
  collabApp,
  createSpecification,
  eventually,
  openSpecification,
  storedState,
} from '../support/collab';

describe('how a specification is stored', () => {
  const app = collabApp({
    ownDatabase: true,
    env: { COLLAB_COMPACT_AFTER_ENTRIES: '10', COLLAB_WARN_ABOVE_BYTES: '4096' },
  });

  async function open(role: 'commissioner' | 'steering-member', docId: string) {
    return openSpecification(await app.connect(role), docId);
  }

  it('compaction folds the log into the snapshot while edits keep arriving, losing none', async () => {
    const docId = await createSpecification(app.url, 'Compacted while edited');
    const writers = [await open('commissioner', docId), await open('steering-member', docId)];
    for (let i = 0; i < 300; i++) {
      const writer = writers[i % 2];
      writer.doc.getText('notes').insert(0, `e${i} `);
      if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await Promise.all(writers.map((writer) => writer.provider.whenSaved(20_000)));

    const client = new MongoClient(app.databaseUri);
    try {
      const db = client.db('coproduce');
      const snapshot = await db
        .collection('specification_snapshots')
        .findOne({ specificationId: docId });
      expect(snapshot?.['version']).toBeGreaterThan(0);
      const unfolded = await db
        .collection('specification_updates')
        .countDocuments({ specificationId: docId });
      // Folded entries leave the log; what is left is what came since the last compaction
      // (one may be between its snapshot and its deletion right now).
      expect(unfolded).toBeLessThan(50);
    } finally {
      await client.close();
    }
    const stored = await storedState(app.databaseUri, docId);
    const text = writers[0].doc.getText('notes').toString();
    expect(stored.getText('notes').toString()).toBe(text);
    for (let i = 0; i < 300; i++) expect(text).toContain(`e${i} `);
  });

  it('commissioners are warned when a specification grows past the configured size; others are not', async () => {
    const docId = await createSpecification(app.url, 'Large appendix');
    const commissioner = await open('commissioner', docId);
    const steering = await open('steering-member', docId);
    const warnings: { commissioner: SizeWarning[]; steering: SizeWarning[] } = {
      commissioner: [],
      steering: [],
    };
    commissioner.provider.on('warning', (warning) => warnings.commissioner.push(warning));
    steering.provider.on('warning', (warning) => warnings.steering.push(warning));

    steering.doc.getText('appendix').insert(0, 'Table of provider premises. '.repeat(300));
    await steering.provider.whenSaved();
    await eventually(() => warnings.commissioner.length > 0, 'the commissioner is warned');
    expect(warnings.commissioner[0]).toMatchObject({ code: 'document-large', limitBytes: 4096 });
    expect(warnings.commissioner[0].bytes).toBeGreaterThan(4096);
    expect(warnings.steering).toEqual([]);
  });
});
