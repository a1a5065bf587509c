import { FAILED_SIGN_INS_PER_EMAIL, FailedSignIns } from './failed-sign-ins';

class FailedSignInsOnAClock extends FailedSignIns {
  time = 1_000_000;

  protected override now(): number {
    return this.time;
  }

  failTimes(email: string, times: number): void {
    for (let i = 0; i < times; i += 1) this.record(email);
  }
}

const { limit, windowMs } = FAILED_SIGN_INS_PER_EMAIL;

describe('wrong passwords for one account, from anywhere', () => {
  it('holds the account back at the limit, not before', () => {
    const failures = new FailedSignInsOnAClock();
    failures.failTimes('carer@example.org', limit - 1);
    expect(failures.isHeldBack('carer@example.org')).toBe(false);
    failures.record('carer@example.org');
    expect(failures.isHeldBack('carer@example.org')).toBe(true);
  });

  it('counts an email however it is written, and only that email', () => {
    const failures = new FailedSignInsOnAClock();
    failures.failTimes(' Carer@Example.org ', limit);
    expect(failures.isHeldBack('carer@example.org')).toBe(true);
    expect(failures.isHeldBack('someone.else@example.org')).toBe(false);
  });

  it('lets the account be tried again once the window has passed', () => {
    const failures = new FailedSignInsOnAClock();
    failures.failTimes('carer@example.org', limit);
    failures.time += windowMs - 1;
    expect(failures.isHeldBack('carer@example.org')).toBe(true);
    failures.time += 1;
    expect(failures.isHeldBack('carer@example.org')).toBe(false);
    failures.record('carer@example.org');
    expect(failures.isHeldBack('carer@example.org')).toBe(false);
  });

  it('forgets ended windows without forgetting later ones', () => {
    const failures = new FailedSignInsOnAClock();
    failures.failTimes('early@example.org', limit);
    failures.time += windowMs / 2;
    failures.failTimes('later@example.org', limit);
    failures.time += windowMs / 2;
    expect(failures.isHeldBack('early@example.org')).toBe(false);
    expect(failures.isHeldBack('later@example.org')).toBe(true);
  });
});
