import { ACTIONS, ROLES, type Action, type Role } from '@coproduce/domain';

type Allowed = 0 | 1;
type RoleColumns = readonly [Allowed, Allowed, Allowed, Allowed, Allowed, Allowed];

/**
 * THE authorisation policy: which role may do what in a workspace. Every
 * controller reaches it through `@Allow(action)`, the collab gateway through
 * `AccessPolicy.can`. Columns follow ROLES' order.
 */
// prettier-ignore
const TABLE: Record<Action, RoleColumns> = {
  //                              commissioner  steering  expert  engagement  provider  observer
  'workspace.read':               [1,           1,        1,      1,          1,        1],
  'workspace.manage':             [1,           0,        0,      0,          0,        0],
  'member.list':                  [1,           1,        1,      1,          0,        1],
  // An observer sees who takes part, not how to reach them.
  'member.contact':               [1,           1,        1,      1,          0,        0],
  'member.invite':                [1,           0,        0,      0,          0,        0],
  'member.change-role':           [1,           0,        0,      0,          0,        0],
  'member.remove':                [1,           0,        0,      0,          0,        0],
  'member.reset-password':        [1,           0,        0,      0,          0,        0],
  'invitation.list':              [1,           0,        0,      0,          0,        0],
  'invitation.revoke':            [1,           0,        0,      0,          0,        0],
  'specification.list':           [1,           1,        1,      1,          1,        1],
  'specification.read-published': [1,           1,        1,      1,          1,        1],
  // A provider never receives a draft: not its text, not its existence.
  'specification.read-draft':     [1,           1,        1,      1,          0,        1],
  'specification.create':         [1,           1,        0,      0,          0,        0],
  'specification.edit':           [1,           1,        1,      0,          0,        0],
  // Whoever may edit the text may name a point in its history to come back to.
  'specification.checkpoint':     [1,           1,        1,      0,          0,        0],
  'specification.archive':        [1,           0,        0,      0,          0,        0],
  'specification.rename':         [1,           0,        0,      0,          0,        0],
  'specification.comment':        [1,           1,        1,      1,          0,        0],
  // Whoever may comment may resolve and reopen the threads they started (the feature checks
  // who started it); a resolved thread stays readable. Only its author edits or deletes a comment.
  'thread.resolve':               [1,           1,        1,      1,          0,        0],
  // Commissioners decide what is still unresolved before publishing.
  'thread.resolve-any':           [1,           0,        0,      0,          0,        0],
  'specification.publish':        [1,           0,        0,      0,          0,        0],
  // A published version was shared on purpose: the one way a provider reads a specification.
  'version.read':                 [1,           1,        1,      1,          1,        1],
  'version.export':               [1,           1,        1,      1,          1,        1],
  'version.withdraw':             [1,           0,        0,      0,          0,        0],
  // A provider reads the published answers and their own questions (the feature filters).
  'clarification.read':           [1,           1,        1,      1,          1,        1],
  'clarification.ask':            [0,           0,        0,      0,          1,        0],
  'clarification.answer':         [1,           0,        0,      0,          0,        0],
  // A provider sees only the market engagement events they attended, which the feature
  // shows through `engagement-round.take-part`, never through this row.
  'engagement.read':              [1,           1,        1,      1,          0,        1],
  'engagement.manage':            [1,           0,        0,      1,          0,        0],
  'feedback.read':                [1,           1,        1,      1,          0,        1],
  'feedback.give':                [1,           1,        1,      1,          0,        0],
  // Moving feedback on (considering, reflected, not taken forward) and importing it from CSV.
  'feedback.manage':              [1,           0,        0,      1,          0,        0],
  'engagement-round.manage':      [1,           0,        0,      0,          0,        0],
  // Co-editing a round's engagement copy (its own document, never the draft); the feature
  // admits a provider only to the rounds they were invited to.
  'engagement-round.take-part':   [1,           1,        1,      0,          1,        0],
  'outcome.read':                 [1,           1,        1,      1,          0,        1],
  'outcome.manage':               [1,           0,        0,      0,          0,        0],
  // Each provider for its own organisation (the feature checks), and sees those returns.
  'kpi-return.submit':            [0,           0,        0,      0,          1,        0],
  // Every provider's performance: for those who hold the contract to account.
  'kpi-return.read':              [1,           1,        0,      0,          0,        0],
  // Decisions, FOI requests and the contract: for those accountable for the commissioning
  // and those who scrutinise it.
  'record.read':                  [1,           1,        0,      0,          0,        1],
  'decision.propose':             [1,           1,        0,      0,          0,        0],
  // Approving is the commissioners' delegated authority.
  'decision.approve':             [1,           0,        0,      0,          0,        0],
  'foi.manage':                   [1,           0,        0,      0,          0,        0],
  'contract.manage':              [1,           0,        0,      0,          0,        0],
  'audit.read':                   [1,           0,        0,      0,          0,        0],
};

export const AccessPolicy = {
  can(role: Role, action: Action): boolean {
    const columns = TABLE[action] as RoleColumns | undefined;
    const column = ROLES.indexOf(role);
    return columns !== undefined && column >= 0 && columns[column] === 1;
  },

  /** Everything a role may do, in ACTIONS' order; sent to the client to shape its pages. */
  allowedActions(role: Role): Action[] {
    return ACTIONS.filter((action) => AccessPolicy.can(role, action));
  },
} as const;
