import { isRole, ROLE_LABELS, type AuditEntry } from '@coproduce/domain';
import { formatTime } from '../../dates';

// The server's action names, in the words a commissioner would use. An action added
// later still reads sensibly through the fallback below until it gets its own words.
const ACTION_WORDS: Record<string, string> = {
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
  'specification.create': 'Started a specification',
  'specification.rename': 'Renamed a specification',
  'specification.edit': 'Edited a specification',
  'specification.archive': 'Archived a specification',
  'specification.restore': 'Restored a specification',
  'specification.delete': 'Deleted a specification',
  'workspace.create': 'Started a workspace',
  'workspace.update': 'Changed the workspace’s details',
  'invitation.create': 'Invited someone',
  'invitation.revoke': 'Withdrew an invitation',
  'invitation.accept': 'Accepted an invitation',
  'member.role-change': 'Changed a member’s role',
  'member.organisation-change': 'Changed a member’s organisation',
  'member.remove': 'Removed a member',
  'setup.complete': 'Set up Coproduce and started this workspace',
  'thread.start': 'Started a comment thread',
  'comment.add': 'Replied in a comment thread',
  'comment.edit': 'Edited their comment',
  'comment.delete': 'Deleted their comment',
  'thread.resolve': 'Resolved a comment thread',
  'thread.reopen': 'Reopened a comment thread',
  'version.publish': 'Published a version',
  'version.withdraw': 'Withdrew a published version',
  'question.ask': 'Asked a clarification question',
  'question.answer': 'Answered a clarification question',
  'checkpoint.create': 'Saved a checkpoint',
  'checkpoint.restore': 'Restored a checkpoint',
  'member.password-reset': 'Made a password link for a member',
  'password.reset': 'Chose a new password with a link',
};

/** "member.change-role" or "newAccount" → "Member change role", "New account". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'Unknown' : words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeAction(action: string): string {
  return ACTION_WORDS[action] ?? humanise(action);
}

/**
 * What was changed: by name when the page knows it (a member, a specification),
 * otherwise the kind of thing and its reference.
 */
export function describeTarget(
  target: AuditEntry['target'],
  knownNames: ReadonlyMap<string, string>,
): string {
  const name = target.id ? knownNames.get(target.id) : undefined;
  if (name) return name;
  const kind = humanise(target.type);
  return target.id ? `${kind} ${target.id}` : kind;
}

export function describeDetail(key: string, value: string): string {
  // An hour's summary of someone's editing: how often it was noted, and when last.
  if (key === 'editNotices') {
    return `Editing noted ${value} ${value === '1' ? 'time' : 'times'} in the hour`;
  }
  if (key === 'lastNoticeAt') return `Last noted at ${formatTime(value)}`;
  return `${humanise(key)}: ${isRole(value) ? ROLE_LABELS[value] : value}`;
}

// "specification." in the "what" filter: every action about specifications.
const GROUP_WORDS: Record<string, string> = {
  specification: 'Anything about specifications',
  member: 'Anything about members',
  invitation: 'Anything about invitations',
  thread: 'Anything about comment threads',
  comment: 'Anything about comments',
  version: 'Anything about published versions',
  question: 'Anything about clarification questions',
  checkpoint: 'Anything about checkpoints',
  workspace: 'Anything about the workspace',
};

/** The words for an action group, given as its first part and a dot ("specification."). */
export function describeActionGroup(prefix: string): string {
  const name = prefix.replace(/\.$/, '');
  return GROUP_WORDS[name] ?? `Anything about: ${humanise(name).toLowerCase()}`;
}

/** The "what" filter's choices: each group of two or more actions, then every action. */
export function actionChoices(actions: readonly string[]): Array<{ value: string; text: string }> {
  const groups = new Map<string, number>();
  for (const action of actions) {
    const dot = action.indexOf('.');
    if (dot > 0)
      groups.set(action.slice(0, dot + 1), (groups.get(action.slice(0, dot + 1)) ?? 0) + 1);
  }
  const byWords = (a: { text: string }, b: { text: string }) =>
    a.text.localeCompare(b.text, 'en-GB');
  return [
    ...[...groups]
      .filter(([, count]) => count > 1)
      .map(([prefix]) => ({ value: prefix, text: describeActionGroup(prefix) }))
      .sort(byWords),
    ...actions.map((action) => ({ value: action, text: describeAction(action) })).sort(byWords),
  ];
}
