import { ERROR_NAMES, ERRORS, errorMessage } from '@coproduce/domain';
import * as errors from './errors';
import {
  AccountExists,
  BadRequest,
  DOMAIN_ERRORS,
  DomainError,
  Forbidden,
  NotFound,
  NotJoined,
  ServiceUnavailable,
  Unauthorized,
} from './errors';

/** Every catalogue entry's class, made with the parts its message needs (if any). */
function raise(name: (typeof ERROR_NAMES)[number]): DomainError {
  const made = DOMAIN_ERRORS[name] as unknown as new (...parts: string[]) => DomainError;
  return new made('the part');
}

describe('the error classes made from the catalogue', () => {
  it.each(ERROR_NAMES)('%s is exported under its name', (name) => {
    expect((errors as Record<string, unknown>)[name]).toBe(DOMAIN_ERRORS[name]);
    expect(DOMAIN_ERRORS[name].name).toBe(name);
  });

  it.each(ERROR_NAMES)('%s carries its code, status and message', (name) => {
    const error = raise(name);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DOMAIN_ERRORS[name]);
    expect({ code: error.code, status: error.status }).toEqual({
      code: ERRORS[name].code,
      status: ERRORS[name].status,
    });
    expect(error.message).toBe(
      (errorMessage as (n: string, p: string) => string)(name, 'the part'),
    );
  });

  it('tells one class from another', () => {
    expect(new NotFound()).not.toBeInstanceOf(Forbidden);
    expect(new Forbidden()).not.toBeInstanceOf(NotFound);
  });

  it('keeps the messages people already read', () => {
    expect(new NotFound('that specification').message).toBe(
      'We could not find that specification. It may have been removed, or you may not have access to it.',
    );
    expect(new Forbidden().message).toBe('Your role in this workspace does not allow this.');
    expect(new Forbidden('That presence belongs to someone else.').message).toBe(
      'That presence belongs to someone else.',
    );
    expect(new Unauthorized().message).toBe('Sign in to continue.');
    expect(new ServiceUnavailable().message).toBe('The service is not ready. Try again shortly.');
    expect(new BadRequest('Enter a title.').message).toBe('Enter a title.');
    expect(new NotJoined().message).toBe('Join the specification before sending to it.');
    expect(new AccountExists()).toMatchObject({
      code: 'account-exists',
      status: 409,
      message:
        'An account with this email address already exists. Sign in, then accept the invitation.',
    });
  });
});
