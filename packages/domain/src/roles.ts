/**
 * The six roles a member can hold in a commissioning workspace.
 * What each role may do is decided on the server by the access policy;
 * the labels here are what people read.
 */
export const ROLES = [
  'commissioner',
  'steering-member',
  'expert-by-experience',
  'engagement-lead',
  'provider',
  'observer',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  commissioner: 'Commissioner',
  'steering-member': 'Steering group member',
  'expert-by-experience': 'Expert by experience',
  'engagement-lead': 'Engagement lead',
  provider: 'Provider',
  observer: 'Observer',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether a member in this role must have their organisation recorded. A provider
 * takes part for an organisation (its questions, its place at market engagement,
 * its KPI returns); other members may give one (an ICB, a council, a parent carer
 * forum) but need not.
 */
export function needsOrganisation(role: Role): boolean {
  return role === 'provider';
}
