import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

/** A named point in a draft's history: the whole Yjs state then, for comparing or restoring. */
@Schema({ collection: 'specification_checkpoints' })
export class SpecificationCheckpoint {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  specificationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ required: true })
  name: string;

  @Prop({ type: Buffer, required: true })
  state: Buffer;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  @Prop({ required: true })
  createdAt: Date;

  /** Saved by the server just before a restore, so the restore can itself be undone. */
  @Prop({ type: Boolean, default: false })
  beforeRestore: boolean;
}

export type SpecificationCheckpointDocument = HydratedDocument<SpecificationCheckpoint>;
export const SpecificationCheckpointSchema = SchemaFactory.createForClass(SpecificationCheckpoint);
