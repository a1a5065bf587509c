import { ROLE_LABELS, ROLES } from '@coproduce/domain';

/** Every role, in the domain's order, labelled as people read it: for role pickers. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }));
