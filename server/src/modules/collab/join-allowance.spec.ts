import { JoinAllowance } from './join-allowance';

describe('JoinAllowance', () => {
  it('allows a burst, then refuses until time has passed', () => {
    const allowance = new JoinAllowance(3, 1, 0);
    expect([allowance.take(0), allowance.take(0), allowance.take(0)]).toEqual([true, true, true]);
    expect(allowance.take(0)).toBe(false);
    expect(allowance.secondsUntilNext()).toBe(1);
    expect(allowance.take(999)).toBe(false);
    expect(allowance.take(1_000)).toBe(true);
  });

  it('refills at its rate but never above the burst', () => {
    const allowance = new JoinAllowance(2, 10, 0);
    allowance.take(0);
    allowance.take(0);
    // An hour idle refills two, not thirty-six thousand.
    expect(allowance.take(3_600_000)).toBe(true);
    expect(allowance.take(3_600_000)).toBe(true);
    expect(allowance.take(3_600_000)).toBe(false);
    expect(allowance.take(3_600_100)).toBe(true);
  });
});
