import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecord, RECORD_HEADER_BYTES, type RecordFileIdentity } from './record-frame';
import { scanRecords, type RecordScanResult } from './record-scanner';

const journalOne: RecordFileIdentity = { kind: 'journal', generation: 1 };
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'embedded-mongo-records-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Lays records out one after another, as the journal writer does. */
function recordsFor(file: RecordFileIdentity, payloads: string[]): Buffer {
  const records: Buffer[] = [];
  let offset = 0;
  for (const payload of payloads) {
    const record = encodeRecord(file, offset, [Buffer.from(payload)]);
    records.push(record);
    offset += record.byteLength;
  }
  return Buffer.concat(records);
}

async function scan(
  bytes: Buffer,
  file: RecordFileIdentity = journalOne,
): Promise<{ payloads: string[]; result: RecordScanResult }> {
  const path = join(directory, 'records');
  await writeFile(path, bytes);
  const handle = await open(path, 'r');
  try {
    const payloads: string[] = [];
    const result = await scanRecords(handle, bytes.byteLength, file, (payload) => {
      payloads.push(Buffer.from(payload).toString());
    });
    return { payloads, result };
  } finally {
    await handle.close();
  }
}

describe('record scanning', () => {
  it('reads every record of an undamaged file', async () => {
    const bytes = recordsFor(journalOne, ['engagement event', 'feedback', 'decision']);
    const { payloads, result } = await scan(bytes);
    expect(payloads).toEqual(['engagement event', 'feedback', 'decision']);
    expect(result).toEqual({ validLength: bytes.byteLength });
  });

  it('does not accept a whole record copied to another position as data', async () => {
    const bytes = recordsFor(journalOne, ['first', 'second']);
    const firstRecord = bytes.subarray(0, RECORD_HEADER_BYTES + 'first'.length);
    const { payloads, result } = await scan(Buffer.concat([bytes, firstRecord]));
    expect(payloads).toEqual(['first', 'second']);
    expect(result.validLength).toBe(bytes.byteLength);
    expect(result.damage).toEqual({
      reason: 'a record whose checksum does not match',
      beyondTail: false,
    });
  });

  it('does not accept a record from another journal generation', async () => {
    const bytes = recordsFor({ kind: 'journal', generation: 2 }, ['from generation two']);
    const { payloads, result } = await scan(bytes);
    expect(payloads).toEqual([]);
    expect(result.damage?.beyondTail).toBe(false);
  });

  it('says damage is beyond the tail when verified records follow it', async () => {
    const bytes = recordsFor(journalOne, ['first', 'second', 'third']);
    bytes[RECORD_HEADER_BYTES] ^= 0xff;
    const { payloads, result } = await scan(bytes);
    expect(payloads).toEqual([]);
    expect(result).toEqual({
      validLength: 0,
      damage: { reason: 'a record whose checksum does not match', beyondTail: true },
    });
  });
});
