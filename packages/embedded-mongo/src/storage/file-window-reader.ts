import type { FileHandle } from 'node:fs/promises';

const DEFAULT_WINDOW_BYTES = 8 * 1024 * 1024;

/**
 * Reads a file forward through one reusable window, so millions of small
 * records cost a few large reads. A returned view is only valid until the
 * next call: callers decode it before asking for more.
 */
export class FileWindowReader {
  private window: Buffer;
  private windowStart = 0;
  private windowLength = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly fileSize: number,
    windowBytes = DEFAULT_WINDOW_BYTES,
  ) {
    this.window = Buffer.allocUnsafe(windowBytes);
  }

  /** The bytes if the window already holds them: the common case, with no await. */
  peek(offset: number, length: number): Buffer | undefined {
    if (offset < this.windowStart || offset + length > this.windowStart + this.windowLength) {
      return undefined;
    }
    const from = offset - this.windowStart;
    return this.window.subarray(from, from + length);
  }

  async view(offset: number, length: number): Promise<Buffer> {
    if (offset < 0 || offset + length > this.fileSize) {
      throw new RangeError(`read of ${length} bytes at ${offset} is outside the file`);
    }
    const inWindow =
      offset >= this.windowStart && offset + length <= this.windowStart + this.windowLength;
    if (!inWindow) await this.fill(offset, length);
    const from = offset - this.windowStart;
    return this.window.subarray(from, from + length);
  }

  private async fill(offset: number, length: number): Promise<void> {
    if (length > this.window.byteLength) this.window = Buffer.allocUnsafe(length);
    const wanted = Math.min(this.window.byteLength, this.fileSize - offset);
    let filled = 0;
    while (filled < wanted) {
      const { bytesRead } = await this.handle.read(
        this.window,
        filled,
        wanted - filled,
        offset + filled,
      );
      if (bytesRead === 0) throw new Error(`file ended early at byte ${offset + filled}`);
      filled += bytesRead;
    }
    this.windowStart = offset;
    this.windowLength = filled;
  }
}
