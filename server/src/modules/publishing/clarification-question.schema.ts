import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

/**
 * A provider's clarification question on a published version. Private to the asker and
 * those who answer until answered; then every provider of the workspace reads it, never
 * with who asked.
 */
@Schema({ collection: 'clarification_questions' })
export class ClarificationQuestion {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  specificationId: Types.ObjectId;

  @Prop({ required: true })
  versionNumber: number;

  @Prop({ type: String, default: null })
  sectionId: string | null;

  @Prop({ type: String, default: null })
  sectionHeading: string | null;

  @Prop({ required: true })
  body: string;

  @Prop({ type: Types.ObjectId, required: true })
  askedBy: Types.ObjectId;

  /** The asker's organisation when they asked, for the commissioners only. */
  @Prop({ type: String, default: null })
  askedByOrganisation: string | null;

  @Prop({ required: true })
  askedAt: Date;

  @Prop({ type: String, default: null })
  answer: string | null;

  @Prop({ type: Types.ObjectId, default: null })
  answeredBy: Types.ObjectId | null;

  @Prop({ type: Date, default: null })
  answeredAt: Date | null;
}

export type ClarificationQuestionDocument = HydratedDocument<ClarificationQuestion>;
export const ClarificationQuestionSchema = SchemaFactory.createForClass(ClarificationQuestion);
ClarificationQuestionSchema.index({ specificationId: 1, askedAt: 1 });
ClarificationQuestionSchema.index({ workspaceId: 1, answeredAt: 1 });
