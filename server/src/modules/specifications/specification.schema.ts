import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { SpecificationStatus } from '@coproduce/domain';
import { HydratedDocument, Types } from 'mongoose';

/**
 * A service specification being written in a workspace. Its text, sections
 * and all, lives only in the collab module's Yjs store under the same id, and
 * is read through `@coproduce/specification-document` (its outline, say).
 */
@Schema({ collection: 'specifications', timestamps: true })
export class Specification {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  workspaceId: Types.ObjectId;

  @Prop({ required: true, trim: true, maxlength: 200 })
  title: string;

  @Prop({ type: String, required: true, enum: ['draft', 'published'], default: 'draft' })
  status: SpecificationStatus;

  /** Archived: read-only for everyone, listed apart; null while in use. */
  @Prop({ type: Date, default: null })
  archivedAt: Date | null;

  @Prop({ type: Types.ObjectId, default: null })
  archivedBy: Types.ObjectId | null;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  updatedBy: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export type SpecificationDocument = HydratedDocument<Specification>;
export const SpecificationSchema = SchemaFactory.createForClass(Specification);
