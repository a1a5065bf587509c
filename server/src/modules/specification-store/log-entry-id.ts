import { Types } from 'mongoose';

/**
 * A new log entry's id: an ObjectId, unique across processes without asking the
 * database (random per process, then a counter), so nodes append without coordinating.
 */
export function newLogEntryId(): string {
  return new Types.ObjectId().toHexString();
}
