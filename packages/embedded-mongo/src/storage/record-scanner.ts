import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { FileWindowReader } from './file-window-reader';
import {
  MAX_RECORD_PAYLOAD_BYTES,
  RECORD_HEADER_BYTES,
  RECORD_MAGIC,
  isPlausibleHeader,
  readRecordHeader,
  recordChecksumSeed,
  type RecordFileIdentity,
} from './record-frame';

/** Where the good records of a file end, and what (if anything) follows them. */
export interface RecordScanResult {
  /** Bytes from the start of the file that hold whole, verified records. */
  validLength: number;
  /** Set when bytes follow the last good record. */
  damage?: {
    reason: string;
    /**
     * True when the bytes after the damage cannot all be one interrupted
     * write: a verified record follows, or there are more bytes than one
     * record may hold. False means an ordinary torn tail.
     */
    beyondTail: boolean;
  };
}

const MAGIC_BYTES = Buffer.alloc(4);
MAGIC_BYTES.writeUInt32LE(RECORD_MAGIC, 0);
const VERIFY_STEP_BYTES = 8 * 1024 * 1024;

/**
 * Reads every verified record of a file in order, handing each payload to
 * `onRecord` (valid only during the call). Stops at the first record that is
 * short or does not verify and says whether that is a torn tail.
 */
export async function scanRecords(
  handle: FileHandle,
  fileSize: number,
  file: RecordFileIdentity,
  onRecord: (payload: Uint8Array, offset: number) => void,
): Promise<RecordScanResult> {
  const reader = new FileWindowReader(handle, fileSize);
  let offset = 0;
  while (offset < fileSize) {
    const payload = await verifiedPayloadAt(reader, offset, file);
    if (typeof payload === 'string') {
      return {
        validLength: offset,
        damage: {
          reason: payload,
          beyondTail: await hasDataBeyondTornRecord(handle, fileSize, offset, file),
        },
      };
    }
    onRecord(payload, offset);
    offset += RECORD_HEADER_BYTES + payload.byteLength;
  }
  return { validLength: offset };
}

/**
 * The payload of the verified record at `offset`, or why there is none.
 * Records that fit in the read window (nearly all) are checked without an await.
 */
async function verifiedPayloadAt(
  reader: FileWindowReader,
  offset: number,
  file: RecordFileIdentity,
): Promise<Uint8Array | string> {
  if (reader.fileSize - offset < RECORD_HEADER_BYTES) return 'a record header is cut short';
  const headerBytes =
    reader.peek(offset, RECORD_HEADER_BYTES) ?? (await reader.view(offset, RECORD_HEADER_BYTES));
  const header = readRecordHeader(headerBytes, 0);
  const small = header.payloadLength <= VERIFY_STEP_BYTES;
  if (!small || !isPlausibleHeader(header, offset, reader.fileSize)) {
    const reason = await verifyRecordAt(reader, offset, file);
    if (reason !== null) return reason;
    return reader.view(offset + RECORD_HEADER_BYTES, header.payloadLength);
  }
  const recordLength = RECORD_HEADER_BYTES + header.payloadLength;
  const record = reader.peek(offset, recordLength) ?? (await reader.view(offset, recordLength));
  const payload = record.subarray(RECORD_HEADER_BYTES);
  const checksum = crc32(payload, recordChecksumSeed(file, offset, header.payloadLength));
  return checksum === header.checksum ? payload : 'a record whose checksum does not match';
}

/** Null when a whole record that verifies starts at `offset`, else why not. */
async function verifyRecordAt(
  reader: FileWindowReader,
  offset: number,
  file: RecordFileIdentity,
): Promise<string | null> {
  if (reader.fileSize - offset < RECORD_HEADER_BYTES) return 'a record header is cut short';
  const header = readRecordHeader(await reader.view(offset, RECORD_HEADER_BYTES), 0);
  if (!isPlausibleHeader(header, offset, reader.fileSize)) {
    return header.magic !== RECORD_MAGIC
      ? 'bytes that are not a record header'
      : 'a record whose length runs past the end of the file';
  }
  let checksum = recordChecksumSeed(file, offset, header.payloadLength);
  const payloadStart = offset + RECORD_HEADER_BYTES;
  for (let done = 0; done < header.payloadLength; done += VERIFY_STEP_BYTES) {
    const step = Math.min(VERIFY_STEP_BYTES, header.payloadLength - done);
    checksum = crc32(await reader.view(payloadStart + done, step), checksum);
  }
  return checksum === header.checksum ? null : 'a record whose checksum does not match';
}

/**
 * A crash tears at most the last write, and a write is at most one record.
 * So after damage at `damageAt`, anything that verifies further on, or more
 * bytes than one record can hold, means the damage is not a torn tail.
 */
async function hasDataBeyondTornRecord(
  handle: FileHandle,
  fileSize: number,
  damageAt: number,
  file: RecordFileIdentity,
): Promise<boolean> {
  if (fileSize - damageAt > RECORD_HEADER_BYTES + MAX_RECORD_PAYLOAD_BYTES) return true;
  const searcher = new FileWindowReader(handle, fileSize);
  const verifier = new FileWindowReader(handle, fileSize, VERIFY_STEP_BYTES);
  const stepBytes = VERIFY_STEP_BYTES;
  for (let from = damageAt + 1; from + RECORD_HEADER_BYTES <= fileSize; from += stepBytes) {
    // Overlap windows by a header so a magic number on a boundary is still seen.
    const length = Math.min(stepBytes + RECORD_HEADER_BYTES, fileSize - from);
    const window = await searcher.view(from, length);
    for (
      let at = window.indexOf(MAGIC_BYTES);
      at !== -1;
      at = window.indexOf(MAGIC_BYTES, at + 1)
    ) {
      if (at >= stepBytes) break;
      if ((await verifyRecordAt(verifier, from + at, file)) === null) return true;
    }
  }
  return false;
}
