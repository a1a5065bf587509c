/**
 * Where to go after signing in. Only paths inside this app are accepted, so a
 * crafted link cannot send someone to another site after they sign in.
 */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string') return '/workspaces';
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/workspaces';
  }
  if (candidate.startsWith('/sign-in')) return '/workspaces';
  return candidate;
}

export interface SignInState {
  from?: string;
}
