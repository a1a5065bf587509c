import { validateEmailField, validateNewPassword } from './validate-password-reset';

describe('the forgotten-password forms', () => {
  it('ask for an email address in the right form', () => {
    expect(validateEmailField(' ')).toEqual([
      { fieldId: 'email', text: 'Enter your email address' },
    ]);
    expect(validateEmailField('not an address')[0]?.fieldId).toBe('email');
    expect(validateEmailField(' sam@example.org ')).toEqual([]);
  });

  it('ask for a long enough password, typed the same twice', () => {
    expect(validateNewPassword('short', 'short')[0]?.fieldId).toBe('password');
    expect(validateNewPassword('three random words', 'three random word')).toEqual([
      { fieldId: 'confirmation', text: 'Enter the same password twice' },
    ]);
    expect(validateNewPassword('three random words', 'three random words')).toEqual([]);
  });
});
