import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { FEEDBACK_CSV_FIELDS } from './feedback-columns';
import { REACH_CSV_FIELDS } from './reach-columns';

@Schema({ _id: false })
export class RememberedColumn {
  @Prop({
    type: String,
    required: true,
    enum: [...new Set([...FEEDBACK_CSV_FIELDS, ...REACH_CSV_FIELDS])],
  })
  field: string;

  @Prop({ type: String, required: true })
  header: string;
}

const RememberedColumnSchema = SchemaFactory.createForClass(RememberedColumn);

/**
 * Which of a survey tool's columns hold which field, remembered per workspace (lists, not
 * maps): one list for feedback files, one for reach files. The collection keeps the name
 * it had when it held feedback's only.
 */
@Schema({ collection: 'feedback_import_settings', timestamps: true })
export class ImportSettings {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  /** Feedback files' columns. */
  @Prop({ type: [RememberedColumnSchema], default: [] })
  columns: RememberedColumn[];

  @Prop({ type: [RememberedColumnSchema], default: [] })
  reachColumns: RememberedColumn[];
}

export const ImportSettingsSchema = SchemaFactory.createForClass(ImportSettings);
ImportSettingsSchema.index({ workspaceId: 1 }, { unique: true });
