import type { Document } from 'mongodb';
import { realMongoUri, useConformanceTarget } from '../support/target';

const ctx = useConformanceTarget('ttl');

/**
 * A real server's TTL monitor wakes every 60 s, so against MONGODB_URI the
 * wait has to cover a full period. The embedded store has no such excuse:
 * sessions and invitations rely on expiry, so it must remove expired
 * documents within seconds.
 */
const expiryWaitMs = realMongoUri !== undefined ? 70_000 : 8_000;

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return condition();
}

describe('TTL indexes', () => {
  test(
    'expired documents disappear in the background; unexpired and non-date ones stay',
    async () => {
      const sessions = ctx.db.collection<Document & { _id: string }>('sessions');
      const invitations = ctx.db.collection<Document & { _id: string }>('invitations');
      await sessions.createIndex({ lastSeenAt: 1 }, { expireAfterSeconds: 1 });
      // The app's shape: an explicit expiry date and expireAfterSeconds 0 (mongoose `expires: 0`).
      await invitations.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
      const now = Date.now();
      await sessions.insertMany([
        { _id: 'expired-long-ago', lastSeenAt: new Date(now - 60 * 60 * 1000) },
        { _id: 'expires-now', lastSeenAt: new Date(now) },
        { _id: 'array-earliest-expired', lastSeenAt: [new Date(now + 3_600_000), new Date(0)] },
        { _id: 'fresh', lastSeenAt: new Date(now + 60 * 60 * 1000) },
        { _id: 'not-a-date', lastSeenAt: 'yesterday' },
        { _id: 'no-field' },
      ]);
      await invitations.insertMany([
        { _id: 'lapsed', expiresAt: new Date(now - 1000) },
        { _id: 'open', expiresAt: new Date(now + 7 * 24 * 60 * 60 * 1000) },
      ]);

      const expiredGone = await waitUntil(
        async () =>
          (await sessions.countDocuments({
            _id: { $in: ['expired-long-ago', 'expires-now', 'array-earliest-expired'] },
          })) === 0 && (await invitations.countDocuments({ _id: 'lapsed' })) === 0,
        expiryWaitMs,
      );
      expect(expiredGone).toBe(true);
      const remaining = (await sessions.find({}).sort({ _id: 1 }).toArray()).map((doc) => doc._id);
      expect(remaining).toEqual(['fresh', 'no-field', 'not-a-date']);
      expect((await invitations.find({}).toArray()).map((doc) => doc._id)).toEqual(['open']);
    },
    expiryWaitMs + 15_000,
  );
});
