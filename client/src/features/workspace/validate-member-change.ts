import {
  needsOrganisation,
  type ChangeMemberRequest,
  type MemberSummary,
  type Role,
} from '@coproduce/domain';

export interface MemberChangeFields {
  role: Role;
  /** Asked for only while the chosen role needs one; ignored otherwise. */
  organisation: string;
}

export interface MemberChangeProblem {
  field: 'role' | 'organisation';
  text: string;
}

/** The problem with a member's changed role or organisation, or the change to send. */
export function validateMemberChange(
  member: MemberSummary,
  fields: MemberChangeFields,
): { problem?: MemberChangeProblem; request?: ChangeMemberRequest } {
  const asksOrganisation = needsOrganisation(fields.role);
  const organisation = fields.organisation.trim();
  if (asksOrganisation && organisation === '') {
    return {
      problem: {
        field: 'organisation',
        text: `Enter the organisation ${member.name} takes part for`,
      },
    };
  }
  const request: ChangeMemberRequest = {};
  if (fields.role !== member.role) request.role = fields.role;
  if (asksOrganisation && organisation !== member.organisation) {
    request.organisation = organisation;
  }
  if (request.role === undefined && request.organisation === undefined) {
    const text = asksOrganisation
      ? `Choose a different role or organisation for ${member.name}`
      : `Choose a different role for ${member.name}`;
    return { problem: { field: 'role', text } };
  }
  return { request };
}
