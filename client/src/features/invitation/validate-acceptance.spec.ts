import { MIN_PASSWORD_LENGTH } from '../../components/NewPasswordInput';
import { validateAcceptance } from './validate-acceptance';

const goodPassword = 'x'.repeat(MIN_PASSWORD_LENGTH);

describe('checking a new account before accepting an invitation', () => {
  it('asks for an email only for a link invitation', () => {
    expect(validateAcceptance({ name: 'Sam', email: null, password: goodPassword })).toEqual({
      problems: [],
      request: { name: 'Sam', password: goodPassword },
    });
    expect(validateAcceptance({ name: 'Sam', email: '', password: goodPassword }).problems).toEqual(
      [{ fieldId: 'email', text: 'Enter your email address' }],
    );
  });

  it('refuses a password shorter than the server accepts', () => {
    const { problems, request } = validateAcceptance({
      name: 'Sam',
      email: null,
      password: goodPassword.slice(1),
    });
    expect(request).toBeUndefined();
    expect(problems).toEqual([
      { fieldId: 'password', text: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` },
    ]);
  });

  it('sends the name and email trimmed, and the password exactly as typed', () => {
    expect(
      validateAcceptance({
        name: ' Sam A ',
        email: ' sam@example.org ',
        password: ` ${goodPassword}`,
      }).request,
    ).toEqual({ name: 'Sam A', email: 'sam@example.org', password: ` ${goodPassword}` });
  });
});
