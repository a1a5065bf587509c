/** Default for the server's `COLLAB_MAX_FRAME_BYTES`: larger frames are answered with `bad-message`. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

/** An awareness state (name, colour, cursor) is small; anything larger is not presence. */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
