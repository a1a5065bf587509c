import type { ProblemItem } from '../../components/ErrorSummary';

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
  } else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) {
    problems.push({
      fieldId: 'email',
      text: 'Enter an email address in the correct format, like name@example.com',
    });
  }
  if (password === '') problems.push({ fieldId: 'password', text: 'Enter your password' });
  return problems;
}
