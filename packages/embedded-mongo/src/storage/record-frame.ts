import { crc32 } from 'node:zlib';

/**
 * The on-disk record: `magic | payload length | CRC32 | payload`, all integers
 * little-endian. The checksum also covers the file's kind and generation and
 * the record's own byte offset, so a record copied from another file or
 * another position (or a stray record-shaped run of bytes inside a payload)
 * never verifies where it does not belong.
 */
export const RECORD_MAGIC = 0x314a4d45; // "EMJ1" read as little-endian bytes
export const RECORD_HEADER_BYTES = 12;
/** No single record is larger; a record claiming more is damage, not data. */
export const MAX_RECORD_PAYLOAD_BYTES = 256 * 1024 * 1024;

export type RecordFileKind = 'journal' | 'snapshot';

/** Which file a record belongs to; part of every checksum. */
export interface RecordFileIdentity {
  kind: RecordFileKind;
  generation: number;
}

export interface RecordHeader {
  magic: number;
  payloadLength: number;
  checksum: number;
}

export function readRecordHeader(bytes: Uint8Array, at: number): RecordHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, RECORD_HEADER_BYTES);
  return {
    magic: view.getUint32(0, true),
    payloadLength: view.getUint32(4, true),
    checksum: view.getUint32(8, true),
  };
}

/** Whether a header could begin a record at `offset` in a file of `fileSize` bytes. */
export function isPlausibleHeader(header: RecordHeader, offset: number, fileSize: number): boolean {
  return (
    header.magic === RECORD_MAGIC &&
    header.payloadLength > 0 &&
    header.payloadLength <= MAX_RECORD_PAYLOAD_BYTES &&
    offset + RECORD_HEADER_BYTES + header.payloadLength <= fileSize
  );
}

/** Scratch space for the checksum context; only ever used synchronously. */
const CHECKSUM_CONTEXT = Buffer.alloc(17);

/** Starts a checksum for a record; feed the payload in with `crc32(part, seed)`. */
export function recordChecksumSeed(
  file: RecordFileIdentity,
  offset: number,
  payloadLength: number,
): number {
  const context = CHECKSUM_CONTEXT;
  context.writeUInt8(file.kind === 'journal' ? 1 : 2, 0);
  context.writeUInt32LE(file.generation, 1);
  // The offset as a little-endian 64-bit integer, without a BigInt per record.
  context.writeUInt32LE(offset % 2 ** 32, 5);
  context.writeUInt32LE(Math.floor(offset / 2 ** 32), 9);
  context.writeUInt32LE(payloadLength, 13);
  return crc32(context);
}

export function recordChecksum(
  file: RecordFileIdentity,
  offset: number,
  payloadParts: readonly Uint8Array[],
): number {
  const length = payloadParts.reduce((total, part) => total + part.byteLength, 0);
  let checksum = recordChecksumSeed(file, offset, length);
  for (const part of payloadParts) checksum = crc32(part, checksum);
  return checksum;
}

/** One contiguous buffer holding a whole record, ready for a single write. */
export function encodeRecord(
  file: RecordFileIdentity,
  offset: number,
  payloadParts: readonly Uint8Array[],
): Buffer {
  const payloadLength = payloadParts.reduce((total, part) => total + part.byteLength, 0);
  if (payloadLength === 0) throw new RangeError('a record needs a non-empty payload');
  if (payloadLength > MAX_RECORD_PAYLOAD_BYTES) {
    throw new RangeError(
      `a record of ${payloadLength} bytes exceeds the ${MAX_RECORD_PAYLOAD_BYTES}-byte limit`,
    );
  }
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payloadLength);
  record.writeUInt32LE(RECORD_MAGIC, 0);
  record.writeUInt32LE(payloadLength, 4);
  record.writeUInt32LE(recordChecksum(file, offset, payloadParts), 8);
  let at = RECORD_HEADER_BYTES;
  for (const part of payloadParts) {
    record.set(part, at);
    at += part.byteLength;
  }
  return record;
}
