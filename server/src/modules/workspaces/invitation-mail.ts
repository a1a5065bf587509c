import { ROLE_LABELS, type Role } from '@coproduce/domain';
import { ukDateTime } from '../../base/uk-time';
import type { MailContent } from '../mail/mail-message';

/** The emails invitations send: what each says, apart from who it goes to. */

interface Invited {
  /** The workspace's name, or null when it could not be read. */
  workspaceName: string | null;
  role: Role;
}

const roleWords = (role: Role) => ROLE_LABELS[role].toLowerCase();

/** The invitation itself, to the address it was made for. */
export function invitationMail(
  invited: Invited & { inviterName: string },
  url: string,
  expiresAt: Date,
): MailContent {
  return {
    subject: `${invited.inviterName} invited you to ${invited.workspaceName ?? 'a workspace'} on Coproduce`,
    greeting: 'Hello,',
    paragraphs: [
      `${invited.inviterName} invited you to take part in ${invited.workspaceName ?? 'a commissioning workspace'} on Coproduce, as ${roleWords(invited.role)}.`,
      'Coproduce is where commissioners, families, young people and providers write and discuss a service specification together.',
    ],
    action: { text: 'Accept the invitation', url },
    after: [`The link works once, until ${ukDateTime(expiresAt)}.`],
  };
}

/** Someone accepted with this address and no account has it: the link that makes it. */
export function confirmAddressMail(
  invited: Invited & { name: string },
  url: string,
  expiresAt: Date,
): MailContent {
  const workspace = invited.workspaceName ?? 'a workspace';
  return {
    subject: `Confirm your email address to join ${workspace} on Coproduce`,
    greeting: `Hello ${invited.name},`,
    paragraphs: [
      `You asked to join ${workspace} on Coproduce as ${roleWords(invited.role)}, with this email address.`,
      'Confirm that it is yours to make your account and join.',
    ],
    action: { text: 'Confirm and join', url },
    after: [
      `The link works once, until ${ukDateTime(expiresAt)}.`,
      'If it was not you, you can ignore this email: no account has been made.',
    ],
  };
}

/** Someone accepted with this address and an account has it already: sign in instead. */
export function signInToAcceptMail(
  invited: Invited & { accountName: string },
  invitationUrl: string,
): MailContent {
  const workspace = invited.workspaceName ?? 'a workspace';
  return {
    subject: `Sign in to accept your invitation to ${workspace} on Coproduce`,
    greeting: `Hello ${invited.accountName},`,
    paragraphs: [
      `Someone asked to join ${workspace} on Coproduce as ${roleWords(invited.role)}, with this email address.`,
      'You already have a Coproduce account with this address, so no new account was made. To accept the invitation, open it and sign in with your account.',
    ],
    action: { text: 'Open the invitation', url: invitationUrl },
    after: [
      'Forgotten your password? You can choose a new one from the sign-in page.',
      'If it was not you, you can ignore this email: nothing has changed.',
    ],
  };
}
