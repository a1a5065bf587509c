import { HEADER_BYTES, MAX_MESSAGE_BYTES } from './wire-message';

/** The byte stream cannot be re-synchronised after a bad length: the connection must close. */
export class FramingError extends Error {}

/** Splits a connection's byte stream into whole wire messages by their length prefix. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      // Only the length prefix is read until the whole message is here: no re-copying per chunk.
      if (this.chunks[0].length < 4) this.flatten();
      const length = this.chunks[0].readInt32LE(0);
      if (length < HEADER_BYTES || length > MAX_MESSAGE_BYTES) {
        throw new FramingError(`invalid message length ${length}`);
      }
      if (this.buffered < length) break;
      const all = this.flatten();
      frames.push(all.subarray(0, length));
      const rest = all.subarray(length);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }

  private flatten(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }
}
