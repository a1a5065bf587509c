import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * One entry of a specification's append-only Yjs update log. Its `_id` is made by the
 * writer (see log-entry-id.ts), so a retried append cannot store an entry twice.
 */
// Journaled before acknowledged, so `doc:saved` survives a crash of the database too; the
// store passes the same write concern on every write (mongoose skips it on bulk inserts).
@Schema({
  collection: 'specification_updates',
  versionKey: false,
  writeConcern: { w: 'majority', j: true },
})
export class SpecificationUpdate {
  _id: Types.ObjectId;

  @Prop({ required: true, maxlength: 64 })
  specificationId: string;

  @Prop({ required: true, type: Buffer })
  update: Buffer;

  @Prop({ required: true })
  createdAt: Date;
}

export const SpecificationUpdateSchema = SchemaFactory.createForClass(SpecificationUpdate);
// Loading reads one specification's entries.
SpecificationUpdateSchema.index({ specificationId: 1, _id: 1 });

/**
 * The index of the log's first layout, when one node numbered its own appends: unique,
 * it would refuse a second entry without a number. Dropped at start where it exists.
 */
export const RETIRED_SEQ_INDEX = 'specificationId_1_seq_1';
