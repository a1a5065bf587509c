import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { CopyDeletion, CopyWriter } from './engagement-round.schema';

/**
 * The draft's state when a round's copy was forked: what the copy's changes are measured
 * from. Written once, apart from the round, which changes while the round runs: a
 * 60-page fork in the round's document would be read and rewritten with every change.
 */
@Schema({ collection: 'engagement_copy_forks' })
export class CopyFork {
  @Prop({ type: Types.ObjectId, required: true })
  roundId: Types.ObjectId;

  @Prop({ type: Buffer, required: true })
  state: Buffer;
}

export const CopyForkSchema = SchemaFactory.createForClass(CopyFork);
CopyForkSchema.index({ roundId: 1 }, { unique: true });

/**
 * Who wrote as which Yjs client, and who deleted what, in one batch of a copy's edits.
 * A batch is a document of its own: a busy round gathers thousands of deletions, which in
 * one document would be rewritten with every batch and could outgrow MongoDB's 16 MB.
 */
@Schema({ collection: 'engagement_copy_authorship' })
export class CopyAuthorshipBatch {
  @Prop({ type: Types.ObjectId, required: true })
  roundId: Types.ObjectId;

  @Prop({ type: [SchemaFactory.createForClass(CopyWriter)], default: [] })
  writers: CopyWriter[];

  @Prop({ type: [SchemaFactory.createForClass(CopyDeletion)], default: [] })
  deletions: CopyDeletion[];

  @Prop({ type: Date, required: true })
  writtenAt: Date;
}

export const CopyAuthorshipBatchSchema = SchemaFactory.createForClass(CopyAuthorshipBatch);
CopyAuthorshipBatchSchema.index({ roundId: 1, _id: 1 });
