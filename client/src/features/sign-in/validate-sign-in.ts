import type { ProblemItem } from '../../components/ErrorSummary';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmailAddress } from '../../email-address';

export interface SignInFields {
  email: string;
  password: string;
}

/** Checks made before asking the server, worded as NHS.UK error messages. */
export function validateSignIn({ email, password }: SignInFields): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const trimmed = email.trim();
  if (trimmed === '') {
    problems.push({ fieldId: 'email', text: 'Enter your email address' });
  } else if (!looksLikeEmailAddress(trimmed)) {
    problems.push({
      fieldId: 'email',
      text: EMAIL_FORMAT_MESSAGE,
    });
  }
  if (password === '') problems.push({ fieldId: 'password', text: 'Enter your password' });
  return problems;
}
