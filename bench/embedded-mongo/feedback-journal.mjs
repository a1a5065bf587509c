// Writes a data directory whose journal holds about `megabytes` MiB of
// engagement feedback, straight through the storage layer (much faster than
// inserting it over the wire), in the exact format the server replays.
import { ObjectId } from 'mongodb';
import { createFileStorage } from '@coproduce/embedded-mongo/dist/storage/file-storage.js';

const FEEDBACK_TEXT =
  'Parents said they want one key worker who knows their child, answers the phone and ' +
  'stays with the family through transitions between children and adult services. ';

export function feedbackDocument(sequence) {
  return {
    _id: new ObjectId(),
    workspaceId: 'icb-key-worker-service',
    engagementEventId: `drop-in-${sequence % 500}`,
    sequence,
    theme: ['access', 'continuity', 'transitions', 'crisis support'][sequence % 4],
    text: FEEDBACK_TEXT.repeat(5),
    recordedAt: new Date(1_767_225_600_000 + sequence * 1000),
  };
}

export async function writeFeedbackJournal(dbpath, megabytes, { batch = 1000 } = {}) {
  const storage = createFileStorage(dbpath, { log: () => undefined });
  await storage.open(() => undefined);
  const where = { db: 'coproduce', coll: 'feedback' };
  await storage.append([
    { op: 'createCollection', ...where, options: {} },
    { op: 'createIndex', ...where, spec: { key: { sequence: 1 }, name: 'sequence_1', v: 2 } },
  ]);
  let documents = 0;
  while (storage.journalBytes() < megabytes * 1024 * 1024) {
    const entries = [];
    for (let i = 0; i < batch; i += 1) {
      entries.push({ op: 'put', ...where, doc: feedbackDocument(documents++) });
    }
    await storage.append(entries);
  }
  const bytes = storage.journalBytes();
  await storage.close();
  return { documents, bytes };
}
