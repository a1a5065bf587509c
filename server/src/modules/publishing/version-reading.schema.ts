import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** The newest version of a specification a person has read, for "what changed since". */
@Schema({ collection: 'version_readings' })
export class VersionReading {
  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  specificationId: Types.ObjectId;

  @Prop({ required: true })
  versionNumber: number;
}

export const VersionReadingSchema = SchemaFactory.createForClass(VersionReading);
VersionReadingSchema.index({ userId: 1, specificationId: 1 }, { unique: true });

/** When a person last read their publishing notices: anything later is unread. */
@Schema({ collection: 'notice_readings' })
export class NoticeReading {
  @Prop({ type: Types.ObjectId, required: true, unique: true })
  userId: Types.ObjectId;

  @Prop({ required: true })
  readAt: Date;
}

export const NoticeReadingSchema = SchemaFactory.createForClass(NoticeReading);
