import { createHash } from 'node:crypto';
import { DEMO_EMAIL, signIn } from '../support/api';
import { openDatabase } from '../support/app';
import { collabApp, rawClient } from '../support/collab';

/**
 * A collab socket lives no longer than the session it was opened with: when the session
 * runs out, the server closes the socket, as it does at sign-out. The session is aged in
 * the store (a real session lasts days), before and after the socket connects.
 */
describe('a collab socket and the session it was opened with', () => {
  const app = collabApp({ ownDatabase: true });

  async function expireSessionIn(token: string, ms: number): Promise<void> {
    const database = await openDatabase(app.app);
    try {
      const tokenHash = createHash('sha256').update(token).digest('hex');
      const { matchedCount } = await database.db
        .collection('sessions')
        .updateOne({ tokenHash }, { $set: { expiresAt: new Date(Date.now() + ms) } });
      expect(matchedCount).toBe(1);
    } finally {
      await database.close();
    }
  }

  it('is closed by the server when the session expires, while another session’s socket stays', async () => {
    const expiring = await signIn(app.url, DEMO_EMAIL['steering-member']);
    const lasting = await signIn(app.url, DEMO_EMAIL['steering-member']);
    await expireSessionIn(expiring, 1_500);
    const socket = await rawClient(app.url, expiring);
    const other = await rawClient(app.url, lasting);
    try {
      const opened = Date.now();
      const reason = await new Promise<string>((resolve) =>
        socket.socket.once('disconnect', resolve),
      );
      expect(reason).toBe('io server disconnect');
      expect(Date.now() - opened).toBeLessThan(5_000);
      expect(other.socket.connected).toBe(true);
    } finally {
      socket.close();
      other.close();
    }
  });
});
