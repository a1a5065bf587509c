import { needsOrganisation, type CreateInvitationRequest, type Role } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmailAddress } from '../../email-address';

export interface InvitationFields {
  email: string;
  role: Role;
  organisation: string;
  expiresInDays: string;
}

export const EXPIRY_OPTIONS = [
  { value: '1', text: '1 day' },
  { value: '7', text: '7 days' },
  { value: '14', text: '14 days' },
  { value: '30', text: '30 days' },
] as const;

/** Problems with the form, or the request to send when there are none. */
export function validateInvitation(fields: InvitationFields): {
  problems: ProblemItem[];
  request?: CreateInvitationRequest;
} {
  const email = fields.email.trim();
  const problems: ProblemItem[] = [];
  if (email !== '' && !looksLikeEmailAddress(email)) {
    problems.push({
      fieldId: 'invitation-email',
      text: `${EMAIL_FORMAT_MESSAGE}, or leave it blank to create a link`,
    });
  }
  const organisation = fields.organisation.trim();
  if (organisation === '' && needsOrganisation(fields.role)) {
    problems.push({
      fieldId: 'invitation-organisation',
      text: 'Enter the organisation of the provider you are inviting',
    });
  }
  const expiresInDays = Number(fields.expiresInDays);
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30) {
    problems.push({ fieldId: 'invitation-expiry', text: 'Choose how long the invitation lasts' });
  }
  if (problems.length > 0) return { problems };
  const request: CreateInvitationRequest = { role: fields.role, expiresInDays };
  if (email !== '') request.email = email;
  if (organisation !== '') request.organisation = organisation;
  return { problems, request };
}
