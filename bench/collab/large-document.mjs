// A document built from many single-character edits, each sent to the server as its own
// update the way typing sends them, and how long a new client then takes to load it.
import { round } from '../embedded-mongo/latency-stats.mjs';

const TEXT = 'large-document';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';

/**
 * `edits` characters typed in runs of `runLength` at random places (as people type words
 * into different parts of a specification), paced by waiting every `chunk` edits until
 * the server has taken them. Then `loads` new clients each connect and sync the document:
 * while it is open (the writer still in it) and, where the server keeps documents
 * anywhere but memory, after it has been unloaded (`reloadAfterMs`).
 */
export async function largeDocument(target, { edits, runLength, chunk, loads, reloadAfterMs }) {
  const [docId] = await target.newDocuments(1);
  const writer = await target.openClient(docId);
  const text = writer.doc.getText(TEXT);
  const buildBegin = performance.now();
  let position = 0;
  for (let made = 0; made < edits;) {
    for (let i = 0; i < chunk && made < edits; i++, made++) {
      if (made % runLength === 0) position = Math.floor(Math.random() * (text.length + 1));
      text.insert(position++, ALPHABET[made % ALPHABET.length]);
    }
    await writer.whenFlushed(120_000);
  }
  const buildSeconds = (performance.now() - buildBegin) / 1000;
  const expected = text.toString();

  const open = await loadRepeatedly(target, docId, loads, expected);
  writer.close();
  let reloaded = null;
  if (reloadAfterMs !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, reloadAfterMs));
    // The first client loads it from the store; the rest find it open again.
    reloaded = await loadRepeatedly(target, docId, 1, expected);
  }
  return {
    edits,
    buildSeconds: round(buildSeconds, 1),
    buildEditsPerSecond: Math.round(edits / buildSeconds),
    whileOpen: open,
    ...(reloaded ? { fromStoreAfterUnload: reloaded } : {}),
  };
}

/** New clients, one after another: connect, join, sync; each checked against the writer. */
async function loadRepeatedly(target, docId, loads, expected) {
  const connectAndSyncMs = [];
  const joinAndSyncMs = [];
  let stateBytes = 0;
  for (let i = 0; i < loads; i++) {
    const begin = performance.now();
    const connection = await target.openConnection();
    const connected = performance.now();
    const reader = await connection.open(docId);
    const synced = performance.now();
    connectAndSyncMs.push(synced - begin);
    joinAndSyncMs.push(synced - connected);
    const content = reader.doc.getText(TEXT).toString();
    if (content !== expected) {
      throw new Error(`a new client loaded ${content.length} characters, not ${expected.length}`);
    }
    stateBytes = reader.stateBytes();
    reader.leave();
    connection.close();
  }
  return {
    loads,
    characters: expected.length,
    stateBytes,
    joinAndSyncMs: joinAndSyncMs.map((ms) => round(ms, 1)),
    connectJoinAndSyncMs: connectAndSyncMs.map((ms) => round(ms, 1)),
  };
}
