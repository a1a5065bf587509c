import {
  calculateObjectSize,
  deserialize,
  serialize,
  serializeWithBufferAndIndex,
  type DeserializeOptions,
  type Document,
} from 'bson';
import type { JournalEntry } from './journal-entry';
import { StorageCorruptionError } from './storage-errors';

/**
 * A record's payload is a run of BSON documents `{ entries: [...] }`. BSON
 * caps one document at 16 MiB, so a command whose entries are larger is split
 * across several documents of the same record; the record's single checksum
 * keeps the command all-or-nothing on replay.
 */
const TARGET_DOCUMENT_BYTES = 4 * 1024 * 1024;

/**
 * Longs stay Longs (not numbers), Binary stays Binary: what was written is
 * what is read. UTF-8 is not re-validated: these bytes came from `serialize`
 * (which only writes valid UTF-8) and passed a checksum, and skipping the
 * check makes start-up replay about a quarter faster.
 */
const READ_OPTIONS: DeserializeOptions = {
  promoteLongs: false,
  promoteBuffers: false,
  validation: { utf8: false },
};

const ENTRIES_KEY = Buffer.from('entries\0', 'latin1');
const ENTRY_OPS = new Set<string>([
  'createCollection',
  'dropCollection',
  'dropDatabase',
  'createIndex',
  'dropIndex',
  'put',
  'delete',
]);

/** BSON bytes of one document, even one past the library's 17 MiB scratch buffer. */
export function serializeDocument(value: Document): Buffer {
  try {
    const bytes = serialize(value);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const bytes = Buffer.alloc(calculateObjectSize(value));
    serializeWithBufferAndIndex(value, bytes);
    return bytes;
  }
}

/** Builds `{ entries: [e0, e1, ...] }` around entries already in BSON, without re-encoding them. */
function wrapEntries(encodedEntries: readonly Buffer[]): Buffer {
  const elements: Buffer[] = [];
  let arrayLength = 4 + 1;
  encodedEntries.forEach((entry, index) => {
    const key = Buffer.from(`\x03${index}\0`, 'latin1');
    elements.push(key, entry);
    arrayLength += key.byteLength + entry.byteLength;
  });
  const totalLength = 4 + 1 + ENTRIES_KEY.byteLength + arrayLength + 1;
  const head = Buffer.allocUnsafe(4 + 1 + ENTRIES_KEY.byteLength + 4);
  head.writeInt32LE(totalLength, 0);
  head.writeUInt8(0x04, 4);
  ENTRIES_KEY.copy(head, 5);
  head.writeInt32LE(arrayLength, 5 + ENTRIES_KEY.byteLength);
  return Buffer.concat([head, ...elements, Buffer.of(0), Buffer.of(0)]);
}

/**
 * Streams entries into `{ entries }` documents of about TARGET_DOCUMENT_BYTES
 * each; `flush` hands over the documents completed so far.
 */
export class EntryDocumentBuilder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private finished: Buffer[] = [];
  private finishedBytes = 0;
  private entryCount = 0;

  add(entry: JournalEntry): void {
    const encoded = serializeDocument(entry);
    if (this.pending.length > 0 && this.pendingBytes + encoded.byteLength > TARGET_DOCUMENT_BYTES) {
      this.closeDocument();
    }
    this.pending.push(encoded);
    this.pendingBytes += encoded.byteLength;
    this.entryCount += 1;
  }

  /** Bytes of encoded entries held, finished or not. */
  get bufferedBytes(): number {
    return this.finishedBytes + this.pendingBytes;
  }

  get entries(): number {
    return this.entryCount;
  }

  /** All documents, including a last partial one. */
  flush(): Buffer[] {
    if (this.pending.length > 0) this.closeDocument();
    const documents = this.finished;
    this.finished = [];
    this.finishedBytes = 0;
    return documents;
  }

  private closeDocument(): void {
    const document = wrapEntries(this.pending);
    this.finished.push(document);
    this.finishedBytes += document.byteLength;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

export function encodeEntries(entries: readonly JournalEntry[]): Buffer[] {
  const builder = new EntryDocumentBuilder();
  for (const entry of entries) builder.add(entry);
  return builder.flush();
}

/** Splits a verified payload into its BSON documents. */
export function decodeDocuments(payload: Uint8Array, where: string): Document[] {
  const documents: Document[] = [];
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  let at = 0;
  while (at < payload.byteLength) {
    const size = at + 4 <= payload.byteLength ? view.getInt32(at, true) : -1;
    if (size < 5 || at + size > payload.byteLength) {
      throw new StorageCorruptionError(`${where}: a checksummed record holds malformed BSON`);
    }
    try {
      documents.push(deserialize(payload.subarray(at, at + size), READ_OPTIONS));
    } catch (error) {
      throw new StorageCorruptionError(
        `${where}: a checksummed record holds BSON that does not decode (${(error as Error).message})`,
      );
    }
    at += size;
  }
  return documents;
}

/** The entries of one `{ entries }` document, checked to be ones this version understands. */
export function entriesOf(document: Document, where: string): JournalEntry[] {
  const entries: unknown = document.entries;
  if (!Array.isArray(entries)) {
    throw new StorageCorruptionError(`${where}: a record document has no entries array`);
  }
  for (const entry of entries) {
    const op: unknown = (entry as Partial<JournalEntry> | null)?.op;
    if (typeof op !== 'string' || !ENTRY_OPS.has(op)) {
      throw new StorageCorruptionError(
        `${where}: unknown journal entry ${JSON.stringify(op)} (written by a newer version?)`,
      );
    }
  }
  return entries as JournalEntry[];
}
