import type { RoundDecision } from '@coproduce/domain';
import {
  closedNotice,
  countProviders,
  describeDecision,
  formatRoundTime,
  personWithOrganisation,
  shownStatus,
} from './round-words';

describe('how a market engagement round is put into words', () => {
  it('gives times as UK clocks read them, without ":00" on the hour', () => {
    expect(formatRoundTime('2026-12-03T17:00:00.000Z')).toBe('5pm on 3 December 2026');
    // British Summer Time: 08:30 UTC is 9:30am in the UK.
    expect(formatRoundTime('2027-06-01T08:30:00.000Z')).toBe('9:30am on 1 June 2027');
    expect(formatRoundTime('not a time')).toBe('an unknown time');
  });

  it('says when the round closed and that the copy is its record', () => {
    expect(closedNotice('2026-12-03T17:00:00.000Z')).toBe(
      'This round closed at 5pm on 3 December 2026. The engagement copy is kept as the round’s record.',
    );
  });

  it('shows a round closed as soon as its copy says so, before it is fetched again', () => {
    expect(shownStatus({ status: 'open' }, true)).toBe('closed');
    expect(shownStatus({ status: 'open' }, false)).toBe('open');
    expect(shownStatus({ status: 'upcoming' }, false)).toBe('upcoming');
  });

  it('counts providers and names them with their organisation when shown', () => {
    expect(countProviders(1)).toBe('1 provider');
    expect(countProviders(3)).toBe('3 providers');
    expect(personWithOrganisation({ name: 'Sam Patel', organisation: 'Hillside Trust' })).toBe(
      'Sam Patel, Hillside Trust',
    );
    expect(personWithOrganisation({ name: 'A provider' })).toBe('A provider');
  });

  it('describes what was decided about a change', () => {
    const by = { id: 'u1', name: 'Chris Commissioner' };
    const taken: RoundDecision = { kind: 'taken', by, at: '2026-12-04T10:00:00.000Z' };
    expect(describeDecision(taken)).toBe(
      'Taken into the draft by Chris Commissioner at 10am on 4 December 2026.',
    );
    const notTaken: RoundDecision = {
      kind: 'feedback',
      by,
      at: '2026-12-04T10:15:00.000Z',
      feedbackId: 'f1',
      status: 'not-taken-forward',
      reason: 'Outside the budget for this contract',
    };
    expect(describeDecision(notTaken)).toBe(
      'Recorded as feedback: not taken forward — Outside the budget for this contract. By Chris Commissioner at 10:15am on 4 December 2026.',
    );
    expect(describeDecision({ ...notTaken, reason: 'Outside the budget for this contract.' })).toBe(
      'Recorded as feedback: not taken forward — Outside the budget for this contract. By Chris Commissioner at 10:15am on 4 December 2026.',
    );
    expect(describeDecision({ ...notTaken, status: 'considering', reason: undefined })).toBe(
      'Recorded as feedback: being considered. By Chris Commissioner at 10:15am on 4 December 2026.',
    );
  });
});
