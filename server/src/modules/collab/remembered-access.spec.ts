import type { LiveAccess, LiveDocumentRule } from './live-document-kinds';
import { RememberedAccess } from './remembered-access';

const rule = {} as LiveDocumentRule;
const access = (extra: Partial<LiveAccess> = {}): LiveAccess => ({
  role: 'provider',
  workspaceId: 'workspace-1',
  rule,
  readOnly: null,
  ...extra,
});

describe('RememberedAccess', () => {
  let now: number;
  let remembered: RememberedAccess;

  beforeEach(() => {
    now = 1_000;
    remembered = new RememberedAccess(() => now);
  });

  it('recalls an access only under the stamp it was decided on', () => {
    remembered.remember('copy-1', 'user-1', '0:0:0', access());
    expect(remembered.recall('copy-1', 'user-1', '0:0:0')).toBeDefined();
    expect(remembered.recall('copy-1', 'user-2', '0:0:0')).toBeUndefined();
    expect(remembered.recall('copy-1', 'user-1', '1:0:0')).toBeUndefined();
    // A stale one is dropped, not kept beside the new one.
    expect(remembered.size).toBe(0);
  });

  it('recalls nothing past the moment the access changes by itself (a round closing)', () => {
    remembered.remember('copy-1', 'user-1', '0:0:0', access({ changesAt: 2_000 }));
    now = 1_999;
    expect(remembered.recall('copy-1', 'user-1', '0:0:0')).toBeDefined();
    now = 2_000;
    expect(remembered.recall('copy-1', 'user-1', '0:0:0')).toBeUndefined();
  });

  it('forgets everything when told to', () => {
    remembered.remember('spec-1', 'user-1', '0:0:0', access());
    remembered.clear();
    expect(remembered.recall('spec-1', 'user-1', '0:0:0')).toBeUndefined();
  });
});
