/**
 * An anchor that cannot be decoded. Features turn it into a 400 for the request that
 * carried it; it is never a reason for a 500.
 */
export class MalformedAnchorError extends Error {
  override readonly name = 'MalformedAnchorError';
}
