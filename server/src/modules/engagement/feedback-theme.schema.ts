import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** One of a workspace's own themes for feedback ("Waiting times", "Being listened to"). */
@Schema({ collection: 'feedback_themes', timestamps: true })
export class FeedbackTheme {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: String, required: true })
  name: string;

  /** The name folded for comparison: "Waiting times" and "waiting  times" are one theme. */
  @Prop({ type: String, required: true })
  key: string;

  createdAt: Date;
  updatedAt: Date;
}

export const FeedbackThemeSchema = SchemaFactory.createForClass(FeedbackTheme);
FeedbackThemeSchema.index({ workspaceId: 1, key: 1 }, { unique: true });

export function themeKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
}
