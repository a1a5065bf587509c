import { CreationLedger } from './creation-quota';

describe('CreationLedger', () => {
  const HOUR = 60 * 60 * 1000;
  beforeAll(() => {
    process.env['WORKSPACES_PER_HOUR'] = '2';
  });
  afterAll(() => {
    delete process.env['WORKSPACES_PER_HOUR'];
  });

  it('lets an account create up to its quota, then says how long until the oldest ages out', () => {
    const ledger = new CreationLedger();
    ledger.record('WORKSPACES_PER_HOUR', 'a', 0);
    expect(ledger.waitMs('WORKSPACES_PER_HOUR', 'a', 1_000)).toBe(0);
    ledger.record('WORKSPACES_PER_HOUR', 'a', 1_000);
    expect(ledger.waitMs('WORKSPACES_PER_HOUR', 'a', 2_000)).toBe(HOUR - 2_000);
    // Someone else's creations are theirs.
    expect(ledger.waitMs('WORKSPACES_PER_HOUR', 'b', 2_000)).toBe(0);
    expect(ledger.waitMs('WORKSPACES_PER_HOUR', 'a', HOUR + 1)).toBe(0);
  });
});
