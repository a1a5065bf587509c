import { Y } from '@coproduce/protocol';
import { admitUpdate } from './update-admission';

function serverWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return doc;
}

describe('which updates the server lets into a document', () => {
  it('admits an edit that builds on what the server has', () => {
    const server = serverWith('Named key worker');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    client.getText('notes').insert(5, ' lead');
    client.getText('notes').delete(0, 2);
    expect(admitUpdate(server, Y.encodeStateAsUpdate(client, before))).toEqual({
      verdict: 'changes',
    });
  });

  it('sees an update with nothing new in it as a no-op', () => {
    const server = serverWith('Outcomes');
    expect(admitUpdate(server, Y.encodeStateAsUpdate(server))).toEqual({ verdict: 'no-op' });
    expect(admitUpdate(server, Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ verdict: 'no-op' });
  });

  it('sees deletions the document has already made as a no-op', () => {
    const server = serverWith('Named key worker for every young person');
    server.getText('notes').delete(0, 6);
    server.getText('notes').delete(10, 4);
    // A client restored from its own copy answers sync step 1 with its whole state,
    // deletions included.
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(server));
    const answer = Y.encodeStateAsUpdate(restored, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(answer).ds.clients.size).toBe(1);
    expect(admitUpdate(server, answer)).toEqual({ verdict: 'no-op' });
  });

  it('sees a deletion of collected content as a no-op', () => {
    const server = serverWith('Scope and eligibility');
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(server));
    server.getText('notes').delete(0, 6);
    restored.getText('notes').delete(0, 6);
    const answer = Y.encodeStateAsUpdate(restored, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(answer).ds.clients.size).toBe(1);
    expect(admitUpdate(server, answer)).toEqual({ verdict: 'no-op' });
  });

  it('sees a deletion as a change when any part of it is new to the document', () => {
    const server = serverWith('Outcomes framework');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    server.getText('notes').delete(0, 2);
    client.getText('notes').delete(0, 4);
    const answer = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(admitUpdate(server, answer)).toEqual({ verdict: 'changes' });
  });

  it('sees a deletion spanning deleted and live text as a change', () => {
    const server = serverWith('Key worker service');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    server.getText('notes').delete(4, 6);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('notes').delete(0, 8);
    const answer = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(admitUpdate(server, answer)).toEqual({ verdict: 'changes' });
    Y.applyUpdate(server, answer);
    expect(admitUpdate(server, answer)).toEqual({ verdict: 'no-op' });
  });

  it('refuses an update that depends on edits the server never saw', () => {
    const server = serverWith('Scope');
    const elsewhere = new Y.Doc();
    elsewhere.getText('notes').insert(0, 'first');
    const afterFirst = Y.encodeStateVector(elsewhere);
    elsewhere.getText('notes').insert(2, 'second');
    const dependent = Y.encodeStateAsUpdate(elsewhere, afterFirst);
    expect(admitUpdate(server, dependent).verdict).toBe('refused');
    // Yjs itself would have parked it as pending.
    Y.applyUpdate(server, dependent);
    expect(server.store.pendingStructs).not.toBeNull();
  });

  it('refuses a deletion of text the server never saw', () => {
    const server = serverWith('Evidence');
    const elsewhere = new Y.Doc();
    elsewhere.getText('notes').insert(0, 'unseen');
    const sv = Y.encodeStateVector(elsewhere);
    elsewhere.getText('notes').delete(0, 3);
    expect(admitUpdate(server, Y.encodeStateAsUpdate(elsewhere, sv)).verdict).toBe('refused');
  });

  it('refuses bytes that are not a Yjs update', () => {
    expect(admitUpdate(new Y.Doc(), Uint8Array.of(1, 2, 3, 250, 7)).verdict).toBe('refused');
  });
});
