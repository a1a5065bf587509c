import type { MemberSummary } from '@coproduce/domain';
import { validateMemberChange } from './validate-member-change';

const observer: MemberSummary = {
  userId: 'u1',
  name: 'Helen Wright',
  email: 'observer@demo.test',
  role: 'observer',
  organisation: null,
  joinedAt: '2026-01-05T09:00:00.000Z',
};
const provider: MemberSummary = {
  ...observer,
  name: 'Chris Morgan',
  role: 'provider',
  organisation: 'Riverside Families Together',
};

describe("checking a change to a member's role before sending it", () => {
  it('sends only the role for a role that needs no organisation', () => {
    expect(validateMemberChange(observer, { role: 'steering-member', organisation: 'x' })).toEqual({
      request: { role: 'steering-member' },
    });
  });

  it('asks for an organisation when someone without one becomes a provider', () => {
    expect(validateMemberChange(observer, { role: 'provider', organisation: '  ' })).toEqual({
      problem: {
        field: 'organisation',
        text: 'Enter the organisation Helen Wright takes part for',
      },
    });
    expect(
      validateMemberChange(observer, { role: 'provider', organisation: ' Brightwater ' }).request,
    ).toEqual({ role: 'provider', organisation: 'Brightwater' });
  });

  it("changes a provider's organisation on its own", () => {
    expect(
      validateMemberChange(provider, { role: 'provider', organisation: 'Riverside Families CIC' })
        .request,
    ).toEqual({ organisation: 'Riverside Families CIC' });
  });

  it('says so when nothing would change', () => {
    expect(validateMemberChange(observer, { role: 'observer', organisation: '' }).problem).toEqual({
      field: 'role',
      text: 'Choose a different role for Helen Wright',
    });
    expect(
      validateMemberChange(provider, {
        role: 'provider',
        organisation: 'Riverside Families Together ',
      }).problem,
    ).toEqual({ field: 'role', text: 'Choose a different role or organisation for Chris Morgan' });
  });
});
