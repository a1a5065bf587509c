/** A `yjs` frame that is not exactly one well-formed y-websocket message. */
export class FrameDecodeError extends Error {
  override readonly name = 'FrameDecodeError';
}
