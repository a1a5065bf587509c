import { describeHistoryChange } from './describe-history-change';

const by = { id: 'u1', name: 'Amara Okafor' };

describe('telling people with the draft open that its history changed', () => {
  it('explains a restore, naming who did it', () => {
    expect(describeHistoryChange({ change: 'restored', by }, 'u2')).toBe(
      'Amara Okafor restored an earlier checkpoint, so the text has changed for everyone. The text as it was is kept in the history.',
    );
  });

  it('says "You" to the person who did it', () => {
    expect(describeHistoryChange({ change: 'version-published', by }, 'u1')).toBe(
      'You published a new version of this specification for providers.',
    );
  });

  it('words each change', () => {
    expect(describeHistoryChange({ change: 'version-withdrawn', by })).toContain('withdrew');
    expect(describeHistoryChange({ change: 'checkpoint-saved', by })).toContain(
      'saved a checkpoint',
    );
  });
});
