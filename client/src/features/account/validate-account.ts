import type { ProblemItem } from '../../components/ErrorSummary';
import { MIN_PASSWORD_LENGTH } from '../../components/NewPasswordInput';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmailAddress } from '../../email-address';

/** The most characters a name may have: the server's rule, checked here first. */
export const MAX_NAME_LENGTH = 120;

export function validateName(name: string): ProblemItem[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ fieldId: 'name', text: 'Enter your name' }];
  if (trimmed.length > MAX_NAME_LENGTH) {
    return [{ fieldId: 'name', text: `Your name must be ${MAX_NAME_LENGTH} characters or fewer` }];
  }
  return [];
}

/** A new email address, and the current password where the change needs it. */
export function validateEmailChange(
  email: string,
  currentEmail: string,
  password: string | null,
): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const trimmed = email.trim().toLowerCase();
  if (trimmed === '') problems.push({ fieldId: 'email', text: 'Enter your new email address' });
  else if (!looksLikeEmailAddress(trimmed)) {
    problems.push({ fieldId: 'email', text: EMAIL_FORMAT_MESSAGE });
  } else if (trimmed === currentEmail.toLowerCase()) {
    problems.push({
      fieldId: 'email',
      text: 'That is already your email address. Enter a different one',
    });
  }
  if (password !== null && password === '') {
    problems.push({ fieldId: 'password', text: 'Enter your current password' });
  }
  return problems;
}

/** The current password, and a new one typed twice. */
export function validatePasswordChange(
  currentPassword: string,
  newPassword: string,
  confirmation: string,
): ProblemItem[] {
  const problems: ProblemItem[] = [];
  if (currentPassword === '') {
    problems.push({ fieldId: 'currentPassword', text: 'Enter your current password' });
  }
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    problems.push({
      fieldId: 'newPassword',
      text: `Choose a new password of at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  } else if (confirmation !== newPassword) {
    problems.push({ fieldId: 'confirmation', text: 'Enter the same new password twice' });
  }
  return problems;
}
