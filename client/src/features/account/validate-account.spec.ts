import { validateEmailChange, validateName, validatePasswordChange } from './validate-account';

describe('the account forms', () => {
  it('ask for a name of at most 120 characters', () => {
    expect(validateName('  ')).toEqual([{ fieldId: 'name', text: 'Enter your name' }]);
    expect(validateName('x'.repeat(121))[0]?.fieldId).toBe('name');
    expect(validateName(' Sam Okafor ')).toEqual([]);
  });

  it('ask for a new email address, and the password only where it is needed', () => {
    expect(validateEmailChange('', 'sam@example.org', null)).toEqual([
      { fieldId: 'email', text: 'Enter your new email address' },
    ]);
    expect(validateEmailChange('not an address', 'sam@example.org', null)[0]?.fieldId).toBe(
      'email',
    );
    expect(validateEmailChange('SAM@example.org', 'sam@example.org', null)[0]?.text).toBe(
      'That is already your email address. Enter a different one',
    );
    expect(validateEmailChange('new@example.org', 'sam@example.org', null)).toEqual([]);
    expect(validateEmailChange('new@example.org', 'sam@example.org', '')).toEqual([
      { fieldId: 'password', text: 'Enter your current password' },
    ]);
  });

  it('ask for the current password and a long enough new one, typed the same twice', () => {
    expect(validatePasswordChange('', 'short', 'short').map((p) => p.fieldId)).toEqual([
      'currentPassword',
      'newPassword',
    ]);
    expect(validatePasswordChange('old', 'four new words', 'four new word')).toEqual([
      { fieldId: 'confirmation', text: 'Enter the same new password twice' },
    ]);
    expect(validatePasswordChange('old', 'four new words', 'four new words')).toEqual([]);
  });
});
