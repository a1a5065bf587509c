import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

/** A section heading of a published text, for its reader's contents list. */
export class StoredVersionSection {
  @Prop({ type: String, default: null })
  id: string | null;

  @Prop({ required: true })
  level: number;

  @Prop({ required: true })
  text: string;
}

export class StoredWithdrawal {
  @Prop({ required: true })
  reason: string;

  @Prop({ required: true })
  at: Date;

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;
}

/**
 * A published version of a specification: numbered from 1, immutable. It keeps the whole
 * Yjs state as it was at publishing, and the HTML and Markdown rendered from it then, so
 * what providers read never changes with the draft. Withdrawing only adds `withdrawal`.
 */
@Schema({ collection: 'specification_versions' })
export class SpecificationVersion {
  @Prop({ type: Types.ObjectId, required: true })
  specificationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  workspaceId: Types.ObjectId;

  @Prop({ required: true })
  number: number;

  @Prop({ required: true })
  name: string;

  @Prop({ type: String, default: '' })
  notes: string;

  @Prop({ type: String, default: null })
  clarificationDeadline: string | null;

  @Prop({ type: String, default: null })
  submissionDeadline: string | null;

  @Prop({ required: true })
  specificationTitle: string;

  @Prop({ type: Buffer, required: true })
  state: Buffer;

  @Prop({ required: true })
  html: string;

  @Prop({ required: true })
  markdown: string;

  @Prop({ type: [StoredVersionSection], default: [] })
  outline: StoredVersionSection[];

  @Prop({ type: Types.ObjectId, required: true })
  publishedBy: Types.ObjectId;

  @Prop({ required: true })
  publishedAt: Date;

  @Prop({ type: StoredWithdrawal, default: null })
  withdrawal: StoredWithdrawal | null;
}

export type SpecificationVersionDocument = HydratedDocument<SpecificationVersion>;
export const SpecificationVersionSchema = SchemaFactory.createForClass(SpecificationVersion);
// One number per specification: two commissioners publishing at once never share one.
SpecificationVersionSchema.index({ specificationId: 1, number: 1 }, { unique: true });
