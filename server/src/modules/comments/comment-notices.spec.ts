import type { ConnectionRegistry } from '../connections/connection-registry';
import { CommentNotices } from './comment-notices';
import type { InboxService } from './inbox.service';

/** An inbox whose counts finish only when the test says so. */
function slowInbox() {
  const pending: Array<{ userId: string; finish: (count: number) => void }> = [];
  const inbox = {
    unreadCountFor: (userId: string) =>
      new Promise<number>((finish) => pending.push({ userId, finish })),
  } as unknown as InboxService;
  return { inbox, pending };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CommentNotices.inboxesChanged', () => {
  it('counts once more after a count under way, however many changes came meanwhile, and sends the last', async () => {
    const { inbox, pending } = slowInbox();
    const sent: Array<[string, unknown]> = [];
    const connections = {
      toPerson: (userId: string, _event: string, body: unknown) => sent.push([userId, body]),
    } as unknown as ConnectionRegistry;
    const notices = new CommentNotices(connections, inbox);

    notices.inboxesChanged(['ana', 'ben']);
    notices.inboxesChanged(['ana']);
    notices.inboxesChanged(['ana']);
    expect(pending.map((count) => count.userId)).toEqual(['ana', 'ben']);

    pending.shift()!.finish(3);
    await settle();
    // One more count for Ana covers both changes that came while hers ran.
    expect(pending.map((count) => count.userId)).toEqual(['ben', 'ana']);
    pending.shift()!.finish(1);
    pending.shift()!.finish(5);
    await settle();

    expect(pending).toEqual([]);
    expect(sent).toEqual([
      ['ana', { unreadCount: 3 }],
      ['ben', { unreadCount: 1 }],
      ['ana', { unreadCount: 5 }],
    ]);
  });
});
