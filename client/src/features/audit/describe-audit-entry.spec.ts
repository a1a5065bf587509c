import {
  actionChoices,
  describeAction,
  describeDetail,
  describeTarget,
} from './describe-audit-entry';

describe('how the audit log words an entry', () => {
  it('uses plain words for the actions it knows, and readable words for new ones', () => {
    expect(describeAction('invitation.create')).toBe('Invited someone');
    expect(describeAction('engagement.event-record')).toBe('Engagement event record');
  });

  it('words every change to comment threads', () => {
    expect(
      [
        'thread.start',
        'comment.add',
        'comment.edit',
        'comment.delete',
        'thread.resolve',
        'thread.reopen',
      ].map(describeAction),
    ).toEqual([
      'Started a comment thread',
      'Replied in a comment thread',
      'Edited their comment',
      'Deleted their comment',
      'Resolved a comment thread',
      'Reopened a comment thread',
    ]);
  });

  it('names a target the page knows, and otherwise shows its kind and reference', () => {
    const known = new Map([['u1', 'Priya Shah']]);
    expect(describeTarget({ type: 'member', id: 'u1' }, known)).toBe('Priya Shah');
    expect(describeTarget({ type: 'invitation', id: 'i9' }, known)).toBe('Invitation i9');
    expect(describeTarget({ type: 'workspace', id: null }, known)).toBe('Workspace');
  });

  it('shows roles in details by their labels', () => {
    expect(describeDetail('previousRole', 'steering-member')).toBe(
      'Previous role: Steering group member',
    );
    expect(describeDetail('newAccount', 'yes')).toBe('New account: yes');
  });

  it('words an hour of someone’s editing', () => {
    expect(describeAction('specification.edit')).toBe('Edited a specification');
    expect(describeDetail('editNotices', '4')).toBe('Editing noted 4 times in the hour');
    expect(describeDetail('lastNoticeAt', '2026-12-04T10:42:00.000Z')).toMatch(
      /^Last noted at \d{1,2}:42(am|pm)$/,
    );
  });

  it('offers each group of actions, then each action, for the filter', () => {
    expect(
      actionChoices(['specification.rename', 'specification.create', 'member.remove']),
    ).toEqual([
      { value: 'specification.', text: 'Anything about specifications' },
      { value: 'member.remove', text: 'Removed a member' },
      { value: 'specification.rename', text: 'Renamed a specification' },
      { value: 'specification.create', text: 'Started a specification' },
    ]);
  });
});
