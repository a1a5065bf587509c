import { Y } from '@coproduce/protocol';
import { Types } from 'mongoose';
import { CopyAuthorship, mergeRuns } from './copy-authorship';
import type { CopyAuthors, CopyRecords } from './copy-records';

const ROUND = new Types.ObjectId().toHexString();
const CHRIS = new Types.ObjectId();
const SAM = new Types.ObjectId();

/** What CopyAuthorship writes: each batch of writers and deletion runs. */
function storeSpy() {
  const pushes: CopyAuthors[] = [];
  const model = {
    addAuthors: (_roundId: Types.ObjectId, authors: CopyAuthors) => {
      pushes.push(authors);
      return Promise.resolve();
    },
  } as unknown as CopyRecords;
  return { model, pushes };
}

/** Every update a replica makes, in order. */
function replica(clientID: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

const run = (userId: Types.ObjectId, client: number, clock: number, length: number) => ({
  userId,
  client,
  clock,
  length,
});

describe('who wrote and deleted what in an engagement copy', () => {
  it('names a Yjs client after the first person whose update writes as it, once', async () => {
    const { model, pushes } = storeSpy();
    const authorship = new CopyAuthorship(model);
    const chris = replica(11);
    chris.doc.getText('t').insert(0, 'Key workers');
    chris.doc.getText('t').insert(11, ' meet families');
    for (const update of chris.updates) authorship.record(ROUND, CHRIS.toHexString(), update);
    await authorship.flush(ROUND);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.writers).toEqual([{ client: 11, userId: CHRIS }]);
    expect(pushes[0]!.deletions).toEqual([]);
    // The same client in someone else's update stays Chris's.
    authorship.record(ROUND, SAM.toHexString(), chris.updates[0]!);
    await authorship.flush(ROUND);
    expect(pushes).toHaveLength(1);
  });

  it('records deletions character by character as one run for the person who made them', async () => {
    const { model, pushes } = storeSpy();
    const authorship = new CopyAuthorship(model);
    const chris = replica(11);
    chris.doc.getText('t').insert(0, 'Key workers');
    const sam = replica(22);
    Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(chris.doc));
    sam.updates.length = 0;
    // Backspacing "Key " one keystroke at a time, from the end.
    for (let at = 3; at >= 0; at--) sam.doc.getText('t').delete(at, 1);
    for (const update of sam.updates) authorship.record(ROUND, SAM.toHexString(), update);
    await authorship.flush(ROUND);
    expect(pushes[0]!.writers).toEqual([]);
    expect(pushes[0]!.deletions).toEqual([run(SAM, 11, 0, 4)]);
  });

  it('writes nothing when an update neither writes as a new client nor deletes', async () => {
    const { model, pushes } = storeSpy();
    const authorship = new CopyAuthorship(model);
    authorship.record(ROUND, CHRIS.toHexString(), new Uint8Array([1, 2, 3]));
    await authorship.flush(ROUND);
    expect(pushes).toEqual([]);
  });
});

describe('merging deletion runs', () => {
  it('joins one person’s adjacent and overlapping runs of one client, in any order', () => {
    expect(
      mergeRuns([run(SAM, 11, 5, 2), run(SAM, 11, 0, 3), run(SAM, 11, 3, 2), run(SAM, 11, 4, 4)]),
    ).toEqual([run(SAM, 11, 0, 8)]);
  });

  it('keeps runs apart across a gap, another client or another person', () => {
    const merged = mergeRuns([
      run(SAM, 11, 0, 2),
      run(SAM, 11, 3, 1),
      run(SAM, 12, 2, 1),
      run(CHRIS, 11, 2, 1),
    ]);
    expect(merged).toHaveLength(4);
    expect(merged).toEqual(
      expect.arrayContaining([
        run(SAM, 11, 0, 2),
        run(SAM, 11, 3, 1),
        run(SAM, 12, 2, 1),
        run(CHRIS, 11, 2, 1),
      ]),
    );
  });

  it('leaves the runs it was given as they were', () => {
    const given = [run(SAM, 11, 0, 2), run(SAM, 11, 2, 2)];
    mergeRuns(given);
    expect(given).toEqual([run(SAM, 11, 0, 2), run(SAM, 11, 2, 2)]);
  });
});
