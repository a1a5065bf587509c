import { validateSignIn } from './validate-sign-in';

describe('checking the sign-in form before sending it', () => {
  it('asks for both fields when both are empty, each linked to its field', () => {
    expect(validateSignIn({ email: ' ', password: '' })).toEqual([
      { fieldId: 'email', text: 'Enter your email address' },
      { fieldId: 'password', text: 'Enter your password' },
    ]);
  });

  it('points out an email address that cannot be right', () => {
    const [problem] = validateSignIn({ email: 'priya.shah', password: 'x' });
    expect(problem?.fieldId).toBe('email');
    expect(problem?.text).toMatch(/correct format/);
  });

  it('lets a well-formed attempt through, with spaces around the email ignored', () => {
    expect(validateSignIn({ email: ' commissioner@demo.test ', password: 'p' })).toEqual([]);
  });
});
