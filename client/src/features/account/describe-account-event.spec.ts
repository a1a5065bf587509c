import type { AccountEvent } from '@coproduce/domain';
import { describeAccountEvent, describeAccountEventDetail } from './describe-account-event';

const event = (action: AccountEvent['action'], detail: Record<string, string> = {}) =>
  ({ id: '1', at: '2026-12-04T10:00:00.000Z', action, actor: null, detail }) as AccountEvent;

describe('how the account page words your events', () => {
  it('says what happened, to you or by you', () => {
    expect(describeAccountEvent(event('session.sign-in'))).toBe('You signed in');
    expect(describeAccountEvent(event('session.sign-in-failed'))).toBe(
      'Someone tried to sign in as you with a wrong password',
    );
    expect(
      describeAccountEvent({
        ...event('member.password-reset'),
        actor: { id: '2', name: 'Priya Shah' },
      }),
    ).toBe('Priya Shah made you a link to choose a new password');
  });

  it('gives the details that help you recognise it', () => {
    expect(
      describeAccountEventDetail(event('session.sign-in', { browser: 'Firefox on Windows' })),
    ).toEqual(['Firefox on Windows']);
    expect(
      describeAccountEventDetail(event('account.password-change', { otherSessionsEnded: '2' })),
    ).toEqual(['2 other sessions ended']);
    expect(
      describeAccountEventDetail(event('account.email-change', { confirmedWith: 'password' })),
    ).toEqual(['Confirmed with your password']);
  });
});
