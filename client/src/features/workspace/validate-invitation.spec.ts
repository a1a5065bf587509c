import { validateInvitation } from './validate-invitation';

describe('checking a new invitation before sending it', () => {
  it('makes a link invitation when the email is left blank', () => {
    expect(
      validateInvitation({
        email: '  ',
        role: 'expert-by-experience',
        organisation: '',
        expiresInDays: '7',
      }),
    ).toEqual({ problems: [], request: { role: 'expert-by-experience', expiresInDays: 7 } });
  });

  it('sends the trimmed email for an email invitation', () => {
    expect(
      validateInvitation({
        email: ' carer@example.org ',
        role: 'observer',
        organisation: '',
        expiresInDays: '30',
      }).request,
    ).toEqual({ email: 'carer@example.org', role: 'observer', expiresInDays: 30 });
  });

  it('sends nothing when the email is malformed or the expiry is out of range', () => {
    const result = validateInvitation({
      email: 'carer@',
      role: 'observer',
      organisation: '',
      expiresInDays: '31',
    });
    expect(result.request).toBeUndefined();
    expect(result.problems.map((problem) => problem.fieldId)).toEqual([
      'invitation-email',
      'invitation-expiry',
    ]);
  });

  it('needs an organisation for a provider, between the email and the expiry in the summary', () => {
    const result = validateInvitation({
      email: 'bids@',
      role: 'provider',
      organisation: '   ',
      expiresInDays: '0',
    });
    expect(result.request).toBeUndefined();
    expect(result.problems.map((problem) => problem.fieldId)).toEqual([
      'invitation-email',
      'invitation-organisation',
      'invitation-expiry',
    ]);
  });

  it('sends the trimmed organisation, and leaves it out for anyone else when blank', () => {
    expect(
      validateInvitation({
        email: '',
        role: 'provider',
        organisation: ' Riverside Families Together ',
        expiresInDays: '7',
      }).request,
    ).toEqual({ role: 'provider', organisation: 'Riverside Families Together', expiresInDays: 7 });
    expect(
      validateInvitation({ email: '', role: 'observer', organisation: ' ', expiresInDays: '7' })
        .request,
    ).toEqual({ role: 'observer', expiresInDays: 7 });
  });
});
