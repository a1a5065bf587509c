import { latestVersion } from './latest-version';

describe('the version a reader lands on', () => {
  it('is the newest version that was not withdrawn, whatever order the list came in', () => {
    expect(
      latestVersion([
        { number: 2, withdrawn: false },
        { number: 3, withdrawn: true },
        { number: 1, withdrawn: false },
      ]),
    ).toBe(2);
  });

  it('is the newest withdrawn one when all were withdrawn, and none before publishing', () => {
    expect(
      latestVersion([
        { number: 1, withdrawn: true },
        { number: 2, withdrawn: true },
      ]),
    ).toBe(2);
    expect(latestVersion([])).toBeUndefined();
  });
});
