/**
 * A light check that catches typing slips before a round trip; the server's
 * validation is the one that decides.
 */
export function looksLikeEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export const EMAIL_FORMAT_MESSAGE =
  'Enter an email address in the correct format, like name@example.com';
