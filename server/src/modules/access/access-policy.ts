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
  'member.list':                  [1,           1,        1,      1,          0,        1],
  'member.invite':                [1,           0,        0,      0,          0,        0],
  'member.change-role':           [1,           0,        0,      0,          0,        0],
  'member.remove':                [1,           0,        0,      0,          0,        0],
  'invitation.list':              [1,           0,        0,      0,          0,        0],
  'invitation.revoke':            [1,           0,        0,      0,          0,        0],
  'specification.list':           [1,           1,        1,      1,          1,        1],
  'specification.read-published': [1,           1,        1,      1,          1,        1],
  // A provider never receives a draft: not its text, not its existence.
  'specification.read-draft':     [1,           1,        1,      1,          0,        1],
  'specification.create':         [1,           1,        0,      0,          0,        0],
  'specification.edit':           [1,           1,        1,      0,          0,        0],
  'specification.comment':        [1,           1,        1,      1,          0,        0],
  'specification.publish':        [1,           0,        0,      0,          0,        0],
  'clarification.ask':            [0,           0,        0,      0,          1,        0],
  'clarification.answer':         [1,           0,        0,      0,          0,        0],
  'engagement.manage':            [1,           0,        0,      1,          0,        0],
  'feedback.give':                [1,           1,        1,      1,          0,        0],
  'decision.record':              [1,           1,        0,      0,          0,        0],
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
