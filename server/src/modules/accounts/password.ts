import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes), which follow the
 * OWASP recommendation for interactive sign-in.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * A hash of a password nobody has, checked when the email is unknown so that
 * an unknown email takes as long to refuse as a wrong password.
 */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string) {
  decoyHash ??= hash('decoy password never issued to anyone');
  const target = passwordHash ?? (await decoyHash);
  try {
    const matches = await verify(target, password);
    return matches && passwordHash !== undefined;
  } catch {
    // A malformed stored hash must not become a 500 or a sign-in.
    return false;
  }
}
