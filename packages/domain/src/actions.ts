/**
 * The things a member can ask to do in a workspace. The server's access
 * policy (server/src/modules/access) decides which role may do which; the
 * client receives the caller's allowed actions with the workspace detail and
 * uses them only to hide controls, never to enforce anything.
 */
export const ACTIONS = [
  'workspace.read',
  'workspace.manage',
  'member.list',
  // Members' email addresses: for those who work with them, not those who only look on.
  'member.contact',
  'member.invite',
  'member.change-role',
  'member.remove',
  // Issuing a single-use link to choose a new password, for a member locked out.
  'member.reset-password',
  'invitation.list',
  'invitation.revoke',
  'specification.list',
  'specification.read-published',
  'specification.read-draft',
  'specification.create',
  'specification.edit',
  'specification.checkpoint',
  'specification.archive',
  'specification.rename',
  // Comment threads: starting one or replying is `specification.comment`.
  'specification.comment',
  // Resolving or reopening a thread one started; commissioners may resolve any thread.
  'thread.resolve',
  'thread.resolve-any',
  // Publishing: versions of a specification, and providers' clarification questions.
  'specification.publish',
  'version.read',
  'version.export',
  'version.withdraw',
  'clarification.read',
  'clarification.ask',
  'clarification.answer',
  // Engagement: events, the feedback they produce, and market engagement rounds.
  'engagement.read',
  'engagement.manage',
  'feedback.read',
  'feedback.give',
  'feedback.manage',
  'engagement-round.manage',
  'engagement-round.take-part',
  // Outcomes framework and providers' KPI returns against it.
  'outcome.read',
  'outcome.manage',
  'kpi-return.submit',
  'kpi-return.read',
  // The commissioning record: decisions, FOI requests, the contract.
  'record.read',
  'decision.propose',
  'decision.approve',
  'foi.manage',
  'contract.manage',
  'audit.read',
] as const;

export type Action = (typeof ACTIONS)[number];

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/**
 * What still makes sense in an archived workspace, which is read-only: reading, and for
 * those who may manage it, restoring it. The workspace detail sends only these there.
 */
export const ACTIONS_WHILE_ARCHIVED: readonly Action[] = [
  'workspace.read',
  'workspace.manage',
  'member.list',
  'member.contact',
  'invitation.list',
  'specification.list',
  'specification.read-published',
  'specification.read-draft',
  'version.read',
  'version.export',
  'clarification.read',
  'engagement.read',
  'feedback.read',
  'outcome.read',
  'kpi-return.read',
  'record.read',
  'audit.read',
];
