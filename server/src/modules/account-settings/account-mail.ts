import { ukDateTime } from '../../base/uk-time';
import type { MailContent } from '../mail/mail-message';

/** The emails the account page sends: what each says, apart from who it goes to. */

/** To the new address: the link that makes it the person's sign-in address. */
export function confirmNewAddressMail(name: string, url: string, expiresAt: Date): MailContent {
  return {
    subject: 'Confirm your new email address for Coproduce',
    greeting: `Hello ${name},`,
    paragraphs: [
      'You asked to sign in to Coproduce with this email address from now on.',
      'Confirm that it is yours to make the change. Until you do, you sign in with your old address.',
    ],
    action: { text: 'Confirm my new email address', url },
    after: [
      `The link works once, until ${ukDateTime(expiresAt)}.`,
      'If it was not you, you can ignore this email: nothing has changed.',
    ],
  };
}

/** To the old address, once the change is made: so a change nobody asked for is noticed. */
export function addressChangedMail(name: string, newAddress: string, at: Date): MailContent {
  return {
    subject: 'Your Coproduce email address has changed',
    greeting: `Hello ${name},`,
    paragraphs: [
      `On ${ukDateTime(at)} the email address you sign in to Coproduce with was changed to ${newAddress}.`,
      'You will get Coproduce emails there from now on, and not at this address.',
    ],
    after: [
      'If it was not you, someone else may know your password. Tell a commissioner of your workspace straight away.',
    ],
  };
}

/** To the person, once their password has changed. */
export function passwordChangedMail(
  name: string,
  at: Date,
  otherSessionsEnded: number,
): MailContent {
  const signedOut =
    otherSessionsEnded === 0
      ? 'You were not signed in anywhere else.'
      : `You were signed out everywhere else (${otherSessionsEnded === 1 ? '1 other device or browser' : `${otherSessionsEnded} other devices or browsers`}).`;
  return {
    subject: 'Your Coproduce password has changed',
    greeting: `Hello ${name},`,
    paragraphs: [`Your Coproduce password was changed on ${ukDateTime(at)}.`, signedOut],
    after: [
      'If it was not you, choose a new password straight away with “Forgotten your password?” on the sign-in page, and tell a commissioner of your workspace.',
    ],
  };
}
