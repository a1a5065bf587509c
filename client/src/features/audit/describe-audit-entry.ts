import type { AuditEntry } from '@coproduce/domain';

/** "member.change-role" → "Member change role": readable without a lookup table that could drift from the server's. */
export function describeAction(action: string): string {
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words === '' ? 'Unknown action' : words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeTarget(target: AuditEntry['target']): string {
  const type = describeAction(target.type);
  return target.id ? `${type} ${target.id}` : type;
}
