import { ERROR_CODES, ERROR_NAMES, ERRORS, errorMessage, isErrorCode } from './errors';

describe('the error catalogue', () => {
  it('gives every error its own code, so a client can tell them apart', () => {
    const repeated = ERROR_CODES.filter((code, index) => ERROR_CODES.indexOf(code) !== index);
    expect(repeated).toEqual([]);
  });

  it.each(ERROR_NAMES)('%s has a kebab-case code and a 4xx or 5xx status', (name) => {
    const { code, status } = ERRORS[name];
    expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it('includes the codes answered outside any thrown error', () => {
    for (const code of [
      'bad-request',
      'malformed-json',
      'payload-too-large',
      'unsupported-media-type',
      'not-found',
      'too-many-requests',
      'unavailable',
      'headers-too-large',
      'csrf',
      'internal',
      'bad-message',
      'not-joined',
    ]) {
      expect(isErrorCode(code)).toBe(true);
    }
    expect(isErrorCode('acount-exists')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });

  it('makes a message from its parts, or uses the default a part has', () => {
    expect(errorMessage('NotFound', 'that member')).toBe(
      'We could not find that member. It may have been removed, or you may not have access to it.',
    );
    expect(errorMessage('NotFound')).toMatch(/^We could not find that\. /);
    expect(errorMessage('PayloadTooLarge', '2 MB')).toBe(
      'The request is too large. Send at most 2 MB.',
    );
    expect(errorMessage('AlreadyMember')).toBe('You are already a member of this workspace.');
  });
});
