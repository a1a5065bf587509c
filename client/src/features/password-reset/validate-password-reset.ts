import type { ProblemItem } from '../../components/ErrorSummary';
import { MIN_PASSWORD_LENGTH } from '../../components/NewPasswordInput';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmailAddress } from '../../email-address';

/** The email field of "Forgotten your password?", worded as NHS.UK error messages. */
export function validateEmailField(email: string): ProblemItem[] {
  const trimmed = email.trim();
  if (trimmed === '') return [{ fieldId: 'email', text: 'Enter your email address' }];
  if (!looksLikeEmailAddress(trimmed)) return [{ fieldId: 'email', text: EMAIL_FORMAT_MESSAGE }];
  return [];
}

/** A new password and its confirmation. */
export function validateNewPassword(password: string, confirmation: string): ProblemItem[] {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [
      {
        fieldId: 'password',
        text: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters`,
      },
    ];
  }
  if (confirmation !== password) {
    return [{ fieldId: 'confirmation', text: 'Enter the same password twice' }];
  }
  return [];
}
