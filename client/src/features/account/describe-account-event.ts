import type { AccountEvent } from '@coproduce/domain';

// What each of a person's own events was, in their words ("you").
const EVENT_WORDS: Record<string, string> = {
  'session.sign-in': 'You signed in',
  'session.sign-in-failed': 'Someone tried to sign in as you with a wrong password',
  'session.sign-out': 'You signed out',
  'account.session-end': 'You signed out of another browser',
  'account.other-sessions-end': 'You signed out everywhere else',
  'account.password-change': 'You changed your password',
  'password.reset': 'You chose a new password with a link',
  'member.password-reset': 'A link to choose a new password was made for you',
  'account.email-change-request': 'You asked to change your email address',
  'account.email-change': 'Your email address was changed',
};

export function describeAccountEvent(event: AccountEvent): string {
  if (event.action === 'member.password-reset' && event.actor) {
    return `${event.actor.name} made you a link to choose a new password`;
  }
  return EVENT_WORDS[event.action] ?? event.action;
}

/** The details worth a line each: from which browser, how many sessions ended, how confirmed. */
export function describeAccountEventDetail(event: AccountEvent): string[] {
  const lines: string[] = [];
  const { browser, otherSessionsEnded, ended, confirmedWith, confirmationEmailed, emailed } =
    event.detail;
  if (browser) lines.push(browser);
  const count = otherSessionsEnded ?? ended;
  if (count !== undefined) {
    lines.push(
      count === '0'
        ? 'No other sessions to end'
        : `${count} other ${count === '1' ? 'session' : 'sessions'} ended`,
    );
  }
  if (confirmedWith) {
    lines.push(
      confirmedWith === 'password'
        ? 'Confirmed with your password'
        : `Confirmed with ${confirmedWith}`,
    );
  }
  if (confirmationEmailed === 'yes')
    lines.push('A link to confirm it was emailed to the new address');
  if (emailed)
    lines.push(emailed === 'yes' ? 'Emailed to you' : 'Given to the commissioner to pass on');
  return lines;
}
