import { ACTIONS, ROLES, type Action, type Role } from '@coproduce/domain';
import { AccessPolicy } from './access-policy';

/** The product's rules in words (shared DESIGN.md "Who uses it"), checked against the table. */
const EXPECTED: Record<Action, Role[]> = {
  'workspace.read': [...ROLES],
  'member.list': [
    'commissioner',
    'steering-member',
    'expert-by-experience',
    'engagement-lead',
    'observer',
  ],
  'member.invite': ['commissioner'],
  'member.change-role': ['commissioner'],
  'member.remove': ['commissioner'],
  'invitation.list': ['commissioner'],
  'invitation.revoke': ['commissioner'],
  'specification.list': [...ROLES],
  'specification.read-published': [...ROLES],
  'specification.read-draft': [
    'commissioner',
    'steering-member',
    'expert-by-experience',
    'engagement-lead',
    'observer',
  ],
  'specification.create': ['commissioner', 'steering-member'],
  'specification.edit': ['commissioner', 'steering-member', 'expert-by-experience'],
  'specification.comment': [
    'commissioner',
    'steering-member',
    'expert-by-experience',
    'engagement-lead',
  ],
  'specification.publish': ['commissioner'],
  'clarification.ask': ['provider'],
  'clarification.answer': ['commissioner'],
  'engagement.manage': ['commissioner', 'engagement-lead'],
  'feedback.give': ['commissioner', 'steering-member', 'expert-by-experience', 'engagement-lead'],
  'decision.record': ['commissioner', 'steering-member'],
  'audit.read': ['commissioner'],
};

describe('the access policy', () => {
  it.each(ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const)))(
    '%s by %s matches the product rules',
    (action, role) => {
      expect(AccessPolicy.can(role, action)).toBe(EXPECTED[action].includes(role));
    },
  );

  it('never lets a provider read a draft, edit or see the audit log', () => {
    for (const action of [
      'specification.read-draft',
      'specification.edit',
      'audit.read',
    ] as const) {
      expect(AccessPolicy.can('provider', action)).toBe(false);
    }
  });

  it('leaves an observer read-only', () => {
    const allowed = AccessPolicy.allowedActions('observer');
    expect(allowed).toEqual([
      'workspace.read',
      'member.list',
      'specification.list',
      'specification.read-published',
      'specification.read-draft',
    ]);
  });

  it('refuses roles and actions it does not know', () => {
    expect(AccessPolicy.can('owner' as Role, 'workspace.read')).toBe(false);
    expect(AccessPolicy.can('commissioner', 'workspace.delete' as Action)).toBe(false);
  });
});
