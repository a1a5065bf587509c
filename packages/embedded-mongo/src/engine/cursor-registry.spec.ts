import { CursorRegistry } from './cursor-registry';

function* engagementEvents(count: number) {
  for (let seq = 0; seq < count; seq++) yield { _id: seq, kind: 'drop-in' };
}

describe('cursor registry', () => {
  it('hands out batches until the results run out, then forgets the cursor', () => {
    const cursors = new CursorRegistry();
    try {
      const first = cursors.open('coproduce.engagementEvents', engagementEvents(25), 10);
      expect(first.firstBatch).toHaveLength(10);
      const id = first.id.toNumber();
      expect(cursors.getMore(id, 'coproduce.engagementEvents', 10).nextBatch).toHaveLength(10);
      const last = cursors.getMore(id, 'coproduce.engagementEvents', 10);
      expect(last.nextBatch).toHaveLength(5);
      expect(last.id.toNumber()).toBe(0);
      expect(() => cursors.getMore(id, 'coproduce.engagementEvents', 10)).toThrow(/not found/);
    } finally {
      cursors.close();
    }
  });

  it('returns a cursor id of 0 when the first batch holds everything', () => {
    const cursors = new CursorRegistry();
    try {
      expect(cursors.open('coproduce.feedback', engagementEvents(3), 101).id.toNumber()).toBe(0);
      expect(cursors.openCount).toBe(0);
    } finally {
      cursors.close();
    }
  });

  it('drops a cursor nobody asked for within the idle timeout', async () => {
    const cursors = new CursorRegistry(40);
    try {
      const { id } = cursors.open('coproduce.feedback', engagementEvents(50), 5);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(cursors.openCount).toBe(0);
      expect(() => cursors.getMore(id.toNumber(), 'coproduce.feedback', 5)).toThrow(/not found/);
    } finally {
      cursors.close();
    }
  });

  it('refuses a getMore that names another collection, keeping the cursor', () => {
    const cursors = new CursorRegistry();
    try {
      const { id } = cursors.open('coproduce.feedback', engagementEvents(50), 5);
      expect(() => cursors.getMore(id.toNumber(), 'coproduce.members', 5)).toThrow(
        /different namespace/,
      );
      expect(cursors.getMore(id.toNumber(), 'coproduce.feedback', 5).nextBatch).toHaveLength(5);
    } finally {
      cursors.close();
    }
  });
});
