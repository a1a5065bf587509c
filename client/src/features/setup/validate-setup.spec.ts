import { validateSetup, type SetupFields } from './validate-setup';

const complete: SetupFields = {
  code: ' hk4c-97tw-mqxa ',
  name: ' Priya Shah ',
  email: 'priya.shah@example.org',
  password: ' three random words ',
  workspaceName: 'Short breaks for disabled children',
  serviceArea: 'Disabled children and their families',
  leadOrganisation: 'North Riverside Integrated Care Board',
};

describe('checking the set-up form before sending it', () => {
  it('sends trimmed values, but the password exactly as typed', () => {
    const { problems, request } = validateSetup(complete);
    expect(problems).toEqual([]);
    expect(request).toMatchObject({
      code: 'hk4c-97tw-mqxa',
      name: 'Priya Shah',
      password: ' three random words ',
    });
  });

  it('names every empty field, in the order of the form', () => {
    const empty = Object.fromEntries(Object.keys(complete).map((k) => [k, '  '])) as SetupFields;
    const { problems, request } = validateSetup({ ...empty, password: '' });
    expect(request).toBeUndefined();
    expect(problems.map((p) => p.fieldId)).toEqual([
      'code',
      'name',
      'email',
      'password',
      'workspaceName',
      'serviceArea',
      'leadOrganisation',
    ]);
  });

  it.each([
    ['a code that is too short', { code: 'HK4C-97TW' }, 'code', '12 letters and numbers'],
    ['an email without an @', { email: 'priya.example.org' }, 'email', 'correct format'],
    ['a short password', { password: '123456789' }, 'password', '10 characters or more'],
  ])('says what is wrong with %s', (_, change, fieldId, text) => {
    const { problems } = validateSetup({ ...complete, ...change });
    expect(problems).toEqual([{ fieldId, text: expect.stringContaining(text) as string }]);
  });
});
