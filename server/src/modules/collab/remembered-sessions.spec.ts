import { RememberedSessions } from './remembered-sessions';

describe('RememberedSessions', () => {
  let now: number;
  let sessions: RememberedSessions<{ userId: string; sessionExpiresAt: number }>;
  const sam = (expiresIn = 3_600_000) => ({ userId: 'sam', sessionExpiresAt: now + expiresIn });

  beforeEach(() => {
    now = 1_000_000;
    sessions = new RememberedSessions(() => now);
  });

  it('recalls an identity until its session ends', () => {
    sessions.remember('key-1', sam());
    expect(sessions.recall('key-1')).toMatchObject({ userId: 'sam' });
    sessions.ended('key-1');
    expect(sessions.recall('key-1')).toBeUndefined();
  });

  it('keeps nothing a lookup found for a session that ended while it ran', () => {
    sessions.ended('key-1');
    sessions.remember('key-1', sam());
    expect(sessions.recall('key-1')).toBeUndefined();
    expect(sessions.hasEnded('key-1')).toBe(true);
  });

  it('recalls nothing once the session expires, or after a minute', () => {
    sessions.remember('short', sam(5_000));
    sessions.remember('long', sam());
    now += 5_000;
    expect(sessions.recall('short')).toBeUndefined();
    expect(sessions.recall('long')).toBeDefined();
    now += 60_000;
    expect(sessions.recall('long')).toBeUndefined();
  });

  it('refuses an ended session for a minute, then lets the list of them go', () => {
    sessions.ended('key-1');
    now += 61_000;
    sessions.ended('key-2');
    expect(sessions.hasEnded('key-1')).toBe(false);
    expect(sessions.hasEnded('key-2')).toBe(true);
  });
});
