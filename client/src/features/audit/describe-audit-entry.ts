import type { AuditEntry } from '@coproduce/domain';

// The server's action names, in the words a commissioner would use. An action added
// later still reads sensibly through the fallback below until it gets its own words.
const ACTION_WORDS: Record<string, string> = {
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
  'specification.create': 'Started a specification',
  'invitation.create': 'Invited someone',
  'invitation.revoke': 'Withdrew an invitation',
  'invitation.accept': 'Accepted an invitation',
  'member.role-change': 'Changed a member’s role',
  'member.remove': 'Removed a member',
};

/** "member.change-role" → "Member change role" when there are no better words for it. */
export function describeAction(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words === '' ? 'Unknown action' : words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeTarget(target: AuditEntry['target']): string {
  const type = describeAction(target.type);
  return target.id ? `${type} ${target.id}` : type;
}
