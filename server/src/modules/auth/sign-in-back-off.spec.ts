import { SIGN_IN_BACK_OFF, SignInBackOff, waitAfter, waitInWords } from './sign-in-back-off';

class SignInBackOffOnAClock extends SignInBackOff {
  time = 1_000_000;

  protected override now(): number {
    return this.time;
  }

  failTimes(email: string, address: string, times: number): void {
    for (let i = 0; i < times; i += 1) this.failed(email, address);
  }
}

const { freeFailures, longestWaitMs } = SIGN_IN_BACK_OFF;
const CARER = 'carer@example.org';
const HOME = '192.0.2.10';
const ELSEWHERE = '198.51.100.7';

describe('wrong passwords, slowed per email and address', () => {
  it('lets the first few through, then doubles the wait up to a ceiling', () => {
    expect([0, 1, freeFailures - 1].map(waitAfter)).toEqual([0, 0, 0]);
    expect(waitAfter(freeFailures)).toBe(1_000);
    expect(waitAfter(freeFailures + 1)).toBe(2_000);
    expect(waitAfter(freeFailures + 3)).toBe(8_000);
    expect(waitAfter(freeFailures + 40)).toBe(longestWaitMs);
  });

  it('holds back the pair that failed, and only for as long as it says', () => {
    const backOff = new SignInBackOffOnAClock();
    backOff.failTimes(CARER, ELSEWHERE, freeFailures - 1);
    expect(backOff.waitMs(CARER, ELSEWHERE)).toBe(0);
    backOff.failed(CARER, ELSEWHERE);
    expect(backOff.waitMs(CARER, ELSEWHERE)).toBe(1_000);
    backOff.time += 999;
    expect(backOff.waitMs(CARER, ELSEWHERE)).toBe(1);
    backOff.time += 1;
    expect(backOff.waitMs(CARER, ELSEWHERE)).toBe(0);
  });

  it('never holds back the same person at another address, however many failures elsewhere', () => {
    const backOff = new SignInBackOffOnAClock();
    backOff.failTimes(CARER, ELSEWHERE, 200);
    expect(backOff.waitMs(CARER, ELSEWHERE)).toBe(longestWaitMs);
    expect(backOff.waitMs(CARER, HOME)).toBe(0);
    expect(backOff.waitMs(' Carer@Example.org ', ELSEWHERE)).toBe(longestWaitMs);
  });

  it('starts afresh after signing in, or after a quiet spell longer than the longest wait', () => {
    const backOff = new SignInBackOffOnAClock();
    backOff.failTimes(CARER, HOME, freeFailures + 2);
    backOff.signedIn(CARER, HOME);
    expect(backOff.waitMs(CARER, HOME)).toBe(0);
    backOff.failTimes(CARER, HOME, freeFailures + 20);
    backOff.time += longestWaitMs + 1;
    backOff.failed(CARER, HOME);
    expect(backOff.waitMs(CARER, HOME)).toBe(0);
  });

  it('says the wait in words', () => {
    expect([1, 999, 1_000, 1_001, 59_000, 60_000, 61_000, 900_000].map(waitInWords)).toEqual([
      '1 second',
      '1 second',
      '1 second',
      '2 seconds',
      '59 seconds',
      '1 minute',
      '2 minutes',
      '15 minutes',
    ]);
  });
});
