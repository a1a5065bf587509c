import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { FEEDBACK_CSV_FIELDS, type FeedbackCsvField } from './feedback-columns';

@Schema({ _id: false })
export class RememberedColumn {
  @Prop({ type: String, required: true, enum: FEEDBACK_CSV_FIELDS })
  field: FeedbackCsvField;

  @Prop({ type: String, required: true })
  header: string;
}

const RememberedColumnSchema = SchemaFactory.createForClass(RememberedColumn);

/** Which of a survey tool's columns hold which field, remembered per workspace (a list, not a map). */
@Schema({ collection: 'feedback_import_settings', timestamps: true })
export class FeedbackImportSettings {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: [RememberedColumnSchema], default: [] })
  columns: RememberedColumn[];
}

export const FeedbackImportSettingsSchema = SchemaFactory.createForClass(FeedbackImportSettings);
FeedbackImportSettingsSchema.index({ workspaceId: 1 }, { unique: true });
