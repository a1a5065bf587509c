import { isRole, ROLE_LABELS, type AuditEntry } from '@coproduce/domain';

// The server's action names, in the words a commissioner would use. An action added
// later still reads sensibly through the fallback below until it gets its own words.
const ACTION_WORDS: Record<string, string> = {
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
  'specification.create': 'Started a specification',
  'specification.rename': 'Renamed a specification',
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
  return `${humanise(key)}: ${isRole(value) ? ROLE_LABELS[value] : value}`;
}
