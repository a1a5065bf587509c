/**
 * Paths whose next segment is a secret: whoever reads it in a log could use it. Both the
 * client's pages and the API's routes, for invitations, confirming an invited address,
 * password resets and confirming a new email address.
 */
const SECRET_SEGMENT =
  /(\/(?:api\/)?(?:invitations|invitation-confirmations|confirm-invitation|reset-password|password-resets|confirm-email|account\/email-confirmations)\/)[^/?#]+/g;

/** Query parameters that carry a credential, whatever the route. */
const SECRET_PARAMETER = /token|code|password|secret|key|signature/i;

/**
 * A request's URL as the request log may keep it: its shape (which route, which other
 * parameters) with every secret it carries replaced.
 */
export function logSafeUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const safePath = path.replace(SECRET_SEGMENT, '$1[token]');
  if (queryAt === -1) return safePath;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && SECRET_PARAMETER.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${safePath}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
