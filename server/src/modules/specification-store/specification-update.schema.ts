import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The longest specification or writer id a log entry may carry. */
const LOG_ID_MAX_LENGTH = 64;

/**
 * One entry of a specification's append-only Yjs update log: the `seq`-th entry of one
 * writer (see specification-store.ts), so a retried append cannot store an entry twice
 * and a compaction deletes what it folded as a few ranges.
 */
// Journaled before acknowledged, so `doc:saved` survives a crash of the database too; the
// store passes the same write concern on every write (mongoose skips it on bulk inserts).
@Schema({
  collection: 'specification_updates',
  versionKey: false,
  writeConcern: { w: 'majority', j: true },
})
export class SpecificationUpdate {
  @Prop({ required: true, maxlength: LOG_ID_MAX_LENGTH })
  specificationId: string;

  // Absent on entries of the first layout, which one writer numbered per specification.
  @Prop({ type: String, maxlength: LOG_ID_MAX_LENGTH })
  writer?: string | null;

  @Prop({ required: true, min: 1 })
  seq: number;

  @Prop({ required: true, type: Buffer })
  update: Buffer;

  @Prop({ required: true })
  createdAt: Date;
}

export const SpecificationUpdateSchema = SchemaFactory.createForClass(SpecificationUpdate);
// Loading reads one specification's entries; compaction deletes runs of one writer's.
SpecificationUpdateSchema.index({ specificationId: 1, writer: 1, seq: 1 }, { unique: true });

/**
 * The unique index of the log's first layout, when one node numbered a specification's
 * entries: it would refuse two writers' entries with the same number. Dropped at start
 * where it exists.
 */
export const RETIRED_SEQ_INDEX = 'specificationId_1_seq_1';

/**
 * Why an entry would break the schema, or null. Appends are the hot path of live
 * co-editing and skip mongoose's casting (a document built per keystroke); this checks
 * the same rules the schema declares, so a bad entry is still refused on its own.
 */
export function logEntryProblem(entry: SpecificationUpdate): string | null {
  if (typeof entry.specificationId !== 'string' || entry.specificationId.length === 0) {
    return 'specificationId is required';
  }
  if (entry.specificationId.length > LOG_ID_MAX_LENGTH) {
    return `specificationId is longer than ${LOG_ID_MAX_LENGTH} characters`;
  }
  if (entry.writer != null && entry.writer.length > LOG_ID_MAX_LENGTH) {
    return `writer is longer than ${LOG_ID_MAX_LENGTH} characters`;
  }
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 1) return 'seq must be a whole number from 1';
  if (!Buffer.isBuffer(entry.update)) return 'update must be binary';
  return null;
}
