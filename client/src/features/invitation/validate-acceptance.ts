import type { AcceptInvitationRequest } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { MIN_PASSWORD_LENGTH } from '../../components/NewPasswordInput';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmailAddress } from '../../email-address';

export interface AcceptanceFields {
  name: string;
  /** Asked for only when the invitation is a link, not addressed to an email. */
  email: string | null;
  password: string;
}

/** Problems with the new account's details, or the request to send when there are none. */
export function validateAcceptance(fields: AcceptanceFields): {
  problems: ProblemItem[];
  request?: AcceptInvitationRequest;
} {
  const problems: ProblemItem[] = [];
  const name = fields.name.trim();
  if (name === '') problems.push({ fieldId: 'name', text: 'Enter your full name' });
  if (fields.email !== null) {
    const email = fields.email.trim();
    if (email === '') problems.push({ fieldId: 'email', text: 'Enter your email address' });
    else if (!looksLikeEmailAddress(email)) {
      problems.push({
        fieldId: 'email',
        text: EMAIL_FORMAT_MESSAGE,
      });
    }
  }
  if (fields.password === '') problems.push({ fieldId: 'password', text: 'Create a password' });
  else if (fields.password.length < MIN_PASSWORD_LENGTH) {
    problems.push({
      fieldId: 'password',
      text: `Password must be ${MIN_PASSWORD_LENGTH} characters or more`,
    });
  }
  if (problems.length > 0) return { problems };

  const request: AcceptInvitationRequest = { name, password: fields.password };
  if (fields.email !== null) request.email = fields.email.trim();
  return { problems, request };
}
