/**
 * A specification id is the collab docId. Ids are opaque to the protocol, but a
 * frame's docId comes from an untrusted peer, so only short url-safe ids are accepted
 * (MongoDB ObjectIds, UUIDs and slugs all fit).
 */
const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isDocId(value: unknown): value is string {
  return typeof value === 'string' && DOC_ID_PATTERN.test(value);
}
