import { validateInvitation } from './validate-invitation';

describe('checking a new invitation before sending it', () => {
  it('makes a link invitation when the email is left blank', () => {
    expect(
      validateInvitation({ email: '  ', role: 'expert-by-experience', expiresInDays: '7' }),
    ).toEqual({ problems: [], request: { role: 'expert-by-experience', expiresInDays: 7 } });
  });

  it('sends the trimmed email for an email invitation', () => {
    expect(
      validateInvitation({ email: ' carer@example.org ', role: 'observer', expiresInDays: '30' })
        .request,
    ).toEqual({ email: 'carer@example.org', role: 'observer', expiresInDays: 30 });
  });

  it('sends nothing when the email is malformed or the expiry is out of range', () => {
    const result = validateInvitation({ email: 'carer@', role: 'observer', expiresInDays: '31' });
    expect(result.request).toBeUndefined();
    expect(result.problems.map((problem) => problem.fieldId)).toEqual([
      'invitation-email',
      'invitation-expiry',
    ]);
  });
});
