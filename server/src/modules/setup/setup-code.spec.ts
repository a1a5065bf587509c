import { hashSetupCode, matchesSetupCode, newSetupCode, normaliseSetupCode } from './setup-code';

describe('the first-run set-up code', () => {
  it('is three groups of four unambiguous letters and digits', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(newSetupCode()).toMatch(
        /^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){2}$/,
      );
    }
  });

  it('is different each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newSetupCode));
    expect(codes.size).toBe(1000);
  });

  it('is accepted however the person types its case, spaces and dashes', () => {
    const code = newSetupCode();
    const hash = hashSetupCode(code);
    expect(matchesSetupCode(hash, code)).toBe(true);
    expect(matchesSetupCode(hash, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(true);
    expect(matchesSetupCode(hash, code.replace(/-/g, ''))).toBe(true);
    expect(normaliseSetupCode('hk4c 97tw-mqxa')).toBe('HK4C97TWMQXA');
  });

  it('refuses another code, a part of it, and nothing at all', () => {
    const hash = hashSetupCode('HK4C-97TW-MQXA');
    expect(matchesSetupCode(hash, 'HK4C-97TW-MQXC')).toBe(false);
    expect(matchesSetupCode(hash, 'HK4C-97TW')).toBe(false);
    expect(matchesSetupCode(hash, '')).toBe(false);
  });
});
