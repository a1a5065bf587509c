/**
 * The things a member can ask to do in a workspace. The server's access
 * policy (server/src/modules/access) decides which role may do which; the
 * client receives the caller's allowed actions with the workspace detail and
 * uses them only to hide controls, never to enforce anything.
 */
export const ACTIONS = [
  'workspace.read',
  'member.list',
  'member.invite',
  'member.change-role',
  'member.remove',
  'invitation.list',
  'invitation.revoke',
  'specification.list',
  'specification.read-published',
  'specification.read-draft',
  'specification.create',
  'specification.edit',
  'specification.comment',
  'specification.publish',
  'clarification.ask',
  'clarification.answer',
  'engagement.manage',
  'feedback.give',
  'decision.record',
  'audit.read',
] as const;

export type Action = (typeof ACTIONS)[number];

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
