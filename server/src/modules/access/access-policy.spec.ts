import { ACTIONS, ROLES, type Action, type Role } from '@coproduce/domain';
import { AccessPolicy } from './access-policy';

/** The product's rules in words (shared DESIGN.md "Who uses it"), checked against the table. */
const EDITORS: Role[] = ['commissioner', 'steering-member', 'expert-by-experience'];
const COMMENTERS: Role[] = [...EDITORS, 'engagement-lead'];
/** Every member but a provider, who sees only what was deliberately shared. */
const ALL_BUT_PROVIDERS: Role[] = [...COMMENTERS, 'observer'];

/** The product's rules in words (shared DESIGN.md "Who uses it"), checked against the table. */
const EXPECTED: Record<Action, Role[]> = {
  'workspace.read': [...ROLES],
  'workspace.manage': ['commissioner'],
  'member.list': ALL_BUT_PROVIDERS,
  'member.contact': COMMENTERS,
  'member.invite': ['commissioner'],
  'member.change-role': ['commissioner'],
  'member.remove': ['commissioner'],
  'member.reset-password': ['commissioner'],
  'invitation.list': ['commissioner'],
  'invitation.revoke': ['commissioner'],
  'specification.list': [...ROLES],
  'specification.read-published': [...ROLES],
  'specification.read-draft': ALL_BUT_PROVIDERS,
  'specification.create': ['commissioner', 'steering-member'],
  'specification.edit': EDITORS,
  'specification.checkpoint': EDITORS,
  'specification.archive': ['commissioner'],
  'specification.rename': ['commissioner'],
  'specification.comment': COMMENTERS,
  'thread.resolve': COMMENTERS,
  'thread.resolve-any': ['commissioner'],
  'specification.publish': ['commissioner'],
  'version.read': [...ROLES],
  'version.export': [...ROLES],
  'version.withdraw': ['commissioner'],
  'clarification.read': [...ROLES],
  'clarification.ask': ['provider'],
  'clarification.answer': ['commissioner'],
  'engagement.read': ALL_BUT_PROVIDERS,
  'engagement.manage': ['commissioner', 'engagement-lead'],
  'feedback.read': ALL_BUT_PROVIDERS,
  'feedback.give': COMMENTERS,
  'feedback.manage': ['commissioner', 'engagement-lead'],
  'engagement-round.manage': ['commissioner'],
  'engagement-round.take-part': [...EDITORS, 'provider'],
  'outcome.read': ALL_BUT_PROVIDERS,
  'outcome.manage': ['commissioner'],
  'kpi-return.submit': ['provider'],
  'kpi-return.read': ['commissioner', 'steering-member'],
  'record.read': ['commissioner', 'steering-member', 'observer'],
  'decision.propose': ['commissioner', 'steering-member'],
  'decision.approve': ['commissioner'],
  'foi.manage': ['commissioner'],
  'contract.manage': ['commissioner'],
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

  it('shows a provider published versions, never engagement, feedback or other providers’ returns', () => {
    expect(AccessPolicy.can('provider', 'version.read')).toBe(true);
    for (const action of ['engagement.read', 'feedback.read', 'kpi-return.read'] as const) {
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
      'version.read',
      'version.export',
      'clarification.read',
      'engagement.read',
      'feedback.read',
      'outcome.read',
      'record.read',
    ]);
  });

  it('lets steering members propose a decision and only commissioners approve it', () => {
    expect(AccessPolicy.can('steering-member', 'decision.propose')).toBe(true);
    expect(AccessPolicy.can('steering-member', 'decision.approve')).toBe(false);
    expect(AccessPolicy.can('commissioner', 'decision.approve')).toBe(true);
  });

  it('refuses roles and actions it does not know', () => {
    expect(AccessPolicy.can('owner' as Role, 'workspace.read')).toBe(false);
    expect(AccessPolicy.can('commissioner', 'workspace.delete' as Action)).toBe(false);
  });
});
