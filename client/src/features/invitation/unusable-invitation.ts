import type { InvitationStatus } from '@coproduce/domain';

/** Why an invitation can no longer be accepted, in words that say what to do next. */
export const UNUSABLE_INVITATION: Record<Exclude<InvitationStatus, 'pending'>, string> = {
  accepted:
    'This invitation has already been used. If it was you, sign in. If not, ask the commissioner who invited you for a new invitation.',
  expired: 'This invitation has expired. Ask the commissioner who invited you for a new one.',
  revoked:
    'This invitation has been withdrawn. Ask the commissioner who invited you if you still need access.',
};
