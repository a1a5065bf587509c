import { Types } from 'mongoose';

/**
 * A new log writer's id: an ObjectId's hex, unique across processes without asking the
 * database (random per process, then a counter), so nodes append without coordinating.
 */
export function newLogWriterId(): string {
  return new Types.ObjectId().toHexString();
}
