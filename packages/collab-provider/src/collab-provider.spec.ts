import {
  CollabEvent,
  decodeFrame,
  encodeSyncStep1,
  encodeUpdate,
  Y,
  type CollabFrame,
  type JoinAck,
} from '@coproduce/protocol';
import type { CollabConnection, DocumentEndpoint } from './collab-connection';
import { CollabProvider, type SaveStatus } from './collab-provider';

/**
 * The network side of a provider, played by the test: it records what the provider
 * sends and lets the test answer as the server would.
 */
class ScriptedConnection {
  connected = true;
  endpoint: DocumentEndpoint | undefined;
  sentFrames: CollabFrame[] = [];
  pendingJoin: ((timedOut: Error | null, answer: JoinAck) => void) | undefined;
  readonly socket = {
    emit: (event: string, ...args: unknown[]) => {
      if (event === CollabEvent.yjs) this.sentFrames.push(decodeFrame(args[1] as Uint8Array));
    },
    timeout: () => ({
      emit: (_event: string, _request: unknown, ack: ScriptedConnection['pendingJoin']) => {
        this.pendingJoin = ack;
      },
    }),
    get connected(): boolean {
      return connection.connected;
    },
  };

  attach(_docId: string, endpoint: DocumentEndpoint): void {
    this.endpoint = endpoint;
  }

  detach(): void {
    this.endpoint = undefined;
  }

  refuseJoin(code: 'unavailable' | 'not-found'): void {
    this.pendingJoin?.(null, { ok: false, error: { code, message: 'refused by the test' } });
    this.pendingJoin = undefined;
  }

  answerJoin(canEdit = true): void {
    this.pendingJoin?.(null, { ok: true, role: canEdit ? 'steering-member' : 'observer', canEdit });
    this.pendingJoin = undefined;
  }

  /** What was sent about the document (presence aside). */
  kinds(): string[] {
    return this.sentFrames.map((frame) => frame.kind).filter((kind) => kind !== 'awareness');
  }
}

let connection: ScriptedConnection;

function providerFor(doc: Y.Doc): { provider: CollabProvider; statuses: SaveStatus[] } {
  const provider = new CollabProvider(connection as unknown as CollabConnection, 'spec-1', doc);
  const statuses: SaveStatus[] = [];
  provider.on('status', (status) => statuses.push(status));
  return { provider, statuses };
}

/** The server's side: what it would hold, to answer with. */
const serverDoc = new Y.Doc();

/** Plays the server's `doc:saved`: a state vector, and (to the sender) its update count. */
function saved(stateVector: Uint8Array, updatesSaved?: number): void {
  connection.endpoint?.onSaved(
    updatesSaved === undefined ? { stateVector } : { stateVector, updatesSaved },
  );
}

beforeEach(() => {
  connection = new ScriptedConnection();
});

describe('the saved state a person sees', () => {
  it('is offline until joined, saving with unsaved edits, saved once doc:saved covers them', () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    expect(provider.status).toBe('offline');

    connection.answerJoin();
    saved(Y.encodeStateVector(serverDoc));
    expect(provider.status).toBe('saved');

    // The sync answer is update 1, the edit update 2.
    connection.endpoint?.onFrame(encodeSyncStep1(Y.encodeStateVector(serverDoc)));
    doc.getText('notes').insert(0, 'Named key worker');
    expect(provider.status).toBe('saving');

    // A notice from before this edit does not cover it.
    saved(Y.encodeStateVector(serverDoc), 1);
    expect(provider.status).toBe('saving');

    // Nor does the state vector alone, while the server has not counted the update in.
    saved(Y.encodeStateVector(doc));
    expect(provider.status).toBe('saving');

    saved(Y.encodeStateVector(doc), 2);
    expect(provider.status).toBe('saved');

    doc.getText('notes').insert(0, 'A ');
    expect(provider.status).toBe('saving');
    provider.destroy();
  });

  it("a colleague's edit arriving while this device's edit is unsaved does not make it saved", () => {
    const doc = new Y.Doc();
    const { provider, statuses } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    saved(new Uint8Array([0]), 1);
    doc.getText('notes').insert(0, 'mine');
    expect(provider.status).toBe('saving');

    const colleague = new Y.Doc();
    colleague.getText('notes').insert(0, 'theirs');
    connection.endpoint?.onFrame(encodeUpdate(Y.encodeStateAsUpdate(colleague)));
    expect(provider.status).toBe('saving');

    saved(Y.encodeStateVector(doc), 2);
    expect(statuses.slice(-2)).toEqual(['saving', 'saved']);
    // Further edits from colleagues leave it saved, without a status change each.
    for (const words of [' and more', ' and more still']) {
      colleague.getText('notes').insert(0, words);
      connection.endpoint?.onFrame(encodeUpdate(Y.encodeStateAsUpdate(colleague)));
    }
    expect(statuses.slice(-1)).toEqual(['saved']);
    expect(provider.status).toBe('saved');
    provider.destroy();
  });

  it("edits received from the server are the server's to keep; edits from this device are not", () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    saved(new Uint8Array([0]), 1);
    expect(provider.status).toBe('saved');

    const colleague = new Y.Doc();
    colleague.getText('notes').insert(0, 'from a colleague');
    connection.endpoint?.onFrame(encodeUpdate(Y.encodeStateAsUpdate(colleague)));
    expect(provider.status).toBe('saved');

    // Restored from this device's storage (another origin), never sent: not saved.
    const earlier = new Y.Doc();
    earlier.getText('notes').insert(0, 'typed last week, offline');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(earlier), 'indexeddb');
    expect(provider.status).toBe('saving');
    saved(Y.encodeStateVector(doc), 2);
    expect(provider.status).toBe('saved');
    provider.destroy();
  });

  it('a deletion alone is saving until the server says the update carrying it is saved', () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'Outcomes for young carers');
    const { provider } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    saved(Y.encodeStateVector(doc), 1);
    expect(provider.status).toBe('saved');

    // Deleting does not move the state vector, so only the count can tell.
    doc.getText('notes').delete(0, 9);
    expect(provider.status).toBe('saving');
    saved(Y.encodeStateVector(doc));
    expect(provider.status).toBe('saving');
    saved(Y.encodeStateVector(doc), 2);
    expect(provider.status).toBe('saved');
    provider.destroy();
  });

  it('ignores a count of more updates than it sent, and counts again from each join', () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    doc.getText('notes').insert(0, 'x');
    saved(Y.encodeStateVector(doc), 7);
    expect(provider.status).toBe('saving');

    connection.connected = false;
    connection.endpoint?.onDisconnected();
    connection.connected = true;
    connection.endpoint?.onConnected();
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    saved(Y.encodeStateVector(doc), 1);
    expect(provider.status).toBe('saved');
    provider.destroy();
  });

  it('goes offline on disconnect, keeps edits, and sends them in its sync answer on return', () => {
    const doc = new Y.Doc();
    const { provider, statuses } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    connection.connected = false;
    connection.endpoint?.onDisconnected();
    expect(provider.status).toBe('offline');

    connection.sentFrames = [];
    doc.getText('notes').insert(0, 'written on the train');
    expect(connection.kinds()).toEqual([]);
    expect(provider.status).toBe('offline');

    connection.connected = true;
    connection.endpoint?.onConnected();
    connection.answerJoin();
    expect(connection.kinds()).toEqual(['sync-step-1']);
    // No live update goes out before the server's step 1 is answered.
    doc.getText('notes').insert(0, '+');
    expect(connection.kinds()).toEqual(['sync-step-1']);

    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    const answer = connection.sentFrames.at(-1);
    expect(answer?.kind).toBe('sync-step-2');
    const replica = new Y.Doc();
    if (answer?.kind === 'sync-step-2') Y.applyUpdate(replica, answer.update);
    expect(replica.getText('notes').toString()).toBe('+written on the train');

    doc.getText('notes').insert(0, '!');
    expect(connection.kinds().at(-1)).toBe('update');
    expect(statuses).toContain('offline');
    provider.destroy();
  });

  it('follows a role change: made observer with edits unsaved, then steering member again', () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    const roles: Array<[string, boolean]> = [];
    provider.on('role', (role, canEdit) => roles.push([role, canEdit]));
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    doc.getText('notes').insert(0, 'typed just before the change');

    connection.endpoint?.onRole({ role: 'observer', canEdit: false });
    expect([provider.role, provider.canEdit, provider.status]).toEqual([
      'observer',
      false,
      'not-saved',
    ]);
    connection.sentFrames = [];
    doc.getText('notes').insert(0, '!');
    expect(connection.kinds()).toEqual([]);

    connection.endpoint?.onRole({ role: 'steering-member', canEdit: true });
    expect(provider.canEdit).toBe(true);
    expect(provider.status).toBe('saving');
    expect(roles).toEqual([
      ['observer', false],
      ['steering-member', true],
    ]);

    // Malformed notices change nothing.
    connection.endpoint?.onRole({ role: 'observer' });
    connection.endpoint?.onRole(null);
    expect(provider.canEdit).toBe(true);
    provider.destroy();
  });

  it('an engagement copy whose round closes turns read-only at once and offers no more edits', () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    expect(provider.closed).toBe(false);

    connection.endpoint?.onRole({ role: 'provider', canEdit: false, closed: true });
    expect([provider.canEdit, provider.closed]).toEqual([false, true]);
    connection.sentFrames = [];
    doc.getText('notes').insert(0, 'typed after closing');
    expect(connection.kinds()).toEqual([]);
    provider.destroy();
  });

  it('a read-only member never offers edits', () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    connection.answerJoin(false);
    expect(provider.canEdit).toBe(false);
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    doc.getText('notes').insert(0, 'typed into a read-only view');
    expect(connection.kinds()).toEqual(['sync-step-1']);
    provider.destroy();
  });

  it('closing it ends waits for saved or synced at once, with a reason', async () => {
    const doc = new Y.Doc();
    const { provider } = providerFor(doc);
    const saved = provider.whenSaved(60_000);
    const synced = provider.whenSynced(60_000);
    provider.destroy();
    await expect(saved).rejects.toThrow('spec-1 was closed, not saved');
    await expect(synced).rejects.toThrow('spec-1 was closed, not synced');
    await expect(provider.whenSaved()).rejects.toThrow('was closed');
  });

  it('tries a join the server could not serve again, later and later; a missing document it does not', () => {
    jest.useFakeTimers();
    try {
      const doc = new Y.Doc();
      const { provider } = providerFor(doc);
      const failures: string[] = [];
      provider.on('join-failed', (error) => failures.push(error.code));

      connection.refuseJoin('unavailable');
      expect(connection.pendingJoin).toBeUndefined();
      jest.advanceTimersByTime(1_000);
      expect(connection.pendingJoin).toBeDefined();
      connection.refuseJoin('unavailable');
      jest.advanceTimersByTime(1_000);
      expect(connection.pendingJoin).toBeUndefined();
      jest.advanceTimersByTime(1_000);
      expect(connection.pendingJoin).toBeDefined();
      connection.answerJoin();
      expect(provider.role).toBe('steering-member');

      const other = new CollabProvider(
        connection as unknown as CollabConnection,
        'spec-2',
        new Y.Doc(),
      );
      connection.refuseJoin('not-found');
      jest.advanceTimersByTime(60_000);
      expect(connection.pendingJoin).toBeUndefined();
      expect(failures).toEqual(['unavailable', 'unavailable']);
      other.destroy();
      provider.destroy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("others' edits arriving", () => {
  /** A colleague's edit as the server relays it. */
  function colleagueEdit(words: string): Uint8Array {
    const colleague = new Y.Doc();
    colleague.getText('notes').insert(0, words);
    return encodeUpdate(Y.encodeStateAsUpdate(colleague));
  }

  /** Whether Yjs encodes each transaction's update: it does while anyone listens to 'update'. */
  function encodesUpdates(doc: Y.Doc): boolean {
    return doc._observers.has('update');
  }

  function joinedProvider(doc: Y.Doc): CollabProvider {
    const { provider } = providerFor(doc);
    connection.answerJoin();
    connection.endpoint?.onFrame(encodeSyncStep1(new Uint8Array([0])));
    return provider;
  }

  it('are applied without Yjs encoding them again; edits made here are still sent', () => {
    const doc = new Y.Doc();
    const provider = joinedProvider(doc);
    const encodedWhileApplying: boolean[] = [];
    doc.on('afterTransactionCleanup', () => encodedWhileApplying.push(encodesUpdates(doc)));

    connection.endpoint?.onFrame(colleagueEdit('Named key worker'));
    expect(doc.getText('notes').toString()).toBe('Named key worker');
    expect(encodedWhileApplying).toEqual([false]);

    doc.getText('notes').insert(0, 'A ');
    expect(encodedWhileApplying).toEqual([false, true]);
    expect(encodesUpdates(doc)).toBe(false);
    expect(connection.kinds()).toEqual(['sync-step-1', 'sync-step-2', 'update']);
    provider.destroy();
  });

  it('an edit made here in answer to one arriving is sent, and so is an undo', () => {
    const doc = new Y.Doc();
    const provider = joinedProvider(doc);
    const notes = doc.getText('notes');
    const undo = new Y.UndoManager(notes, { captureTimeout: 0 });
    // Something on this device reacting to a colleague's edit with an edit of its own.
    const reply = (event: Y.YTextEvent): void => {
      if (event.transaction.origin === provider) notes.insert(notes.length, ' (seen)');
    };
    notes.observe(reply);

    connection.endpoint?.onFrame(colleagueEdit('Named key worker'));
    notes.unobserve(reply);
    expect(notes.toString()).toBe('Named key worker (seen)');
    expect(connection.kinds()).toEqual(['sync-step-1', 'sync-step-2', 'update']);

    undo.undo();
    expect(notes.toString()).toBe('Named key worker');
    expect(connection.kinds()).toEqual(['sync-step-1', 'sync-step-2', 'update', 'update']);
    undo.destroy();
    provider.destroy();
  });
});
