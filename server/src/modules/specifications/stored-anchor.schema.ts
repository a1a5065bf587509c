import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An anchor into a specification's text as stored (comment threads, feedback links). */
@Schema({ _id: false })
export class StoredAnchor {
  @Prop({ type: String, required: true })
  start: string;

  @Prop({ type: String, required: true })
  end: string;
}

export const StoredAnchorSchema = SchemaFactory.createForClass(StoredAnchor);
