import { decodeFrame, Y } from '@coproduce/protocol';
import { SyncAnswers } from './sync-answers';

/** What a member asking with `stateVector` ends up with, applying the answer. */
function synced(answer: Uint8Array, from: Y.Doc = new Y.Doc()): string {
  const frame = decodeFrame(answer);
  if (frame.kind !== 'sync-step-2') throw new Error(`answered with ${frame.kind}`);
  Y.applyUpdate(from, frame.update);
  return from.getText('t').toString();
}

describe('a document’s sync answers', () => {
  let doc: Y.Doc;
  let answers: SyncAnswers;

  beforeEach(() => {
    doc = new Y.Doc();
    doc.getText('t').insert(0, 'Key workers meet families.');
    answers = new SyncAnswers(doc);
  });

  afterEach(() => answers.destroy());

  it('encodes the document once for everyone asking with the same state vector', () => {
    const first = answers.answer(Y.encodeStateVector(new Y.Doc()));
    const second = answers.answer(Y.encodeStateVector(new Y.Doc()));
    expect(second).toBe(first);
    expect(synced(first)).toBe('Key workers meet families.');
  });

  it('answers each state vector with what that member lacks', () => {
    const upToDate = new Y.Doc();
    Y.applyUpdate(upToDate, Y.encodeStateAsUpdate(doc));
    const fresh = answers.answer(Y.encodeStateVector(new Y.Doc()));
    const nothingNew = answers.answer(Y.encodeStateVector(upToDate));
    expect(nothingNew).not.toBe(fresh);
    expect(nothingNew.length).toBeLessThan(fresh.length);
    expect(synced(nothingNew, upToDate)).toBe('Key workers meet families.');
  });

  it('forgets every answer when the document changes', () => {
    const before = answers.answer(Y.encodeStateVector(new Y.Doc()));
    doc.getText('t').insert(0, 'All ');
    const after = answers.answer(Y.encodeStateVector(new Y.Doc()));
    expect(after).not.toBe(before);
    expect(synced(after)).toBe('All Key workers meet families.');
  });

  it('answers every state vector rightly, past the few it keeps', () => {
    const members = Array.from({ length: 6 }, (_, index) => {
      const member = new Y.Doc();
      member.getText('t').insert(0, `member ${index} `);
      return member;
    });
    for (const member of members) {
      const answer = answers.answer(Y.encodeStateVector(member));
      expect(synced(answer, member)).toContain('Key workers meet families.');
    }
  });

  it('drops its answers a little while after making them, so an idle document keeps no copy', () => {
    jest.useFakeTimers();
    try {
      const kept = new SyncAnswers(doc);
      const first = kept.answer(Y.encodeStateVector(new Y.Doc()));
      jest.advanceTimersByTime(1_000);
      expect(kept.answer(Y.encodeStateVector(new Y.Doc()))).toBe(first);
      jest.advanceTimersByTime(1_500);
      expect(kept.answer(Y.encodeStateVector(new Y.Doc()))).not.toBe(first);
      kept.destroy();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops following the document once destroyed', () => {
    const following = doc._observers.get('update')?.size ?? 0;
    answers.destroy();
    expect(doc._observers.get('update')?.size ?? 0).toBe(following - 1);
  });
});
