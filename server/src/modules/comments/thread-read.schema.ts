import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** How far one person has read one thread: comments by others after `readAt` are unread. */
@Schema({ collection: 'comment_thread_reads' })
export class ThreadRead {
  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  threadId: Types.ObjectId;

  @Prop({ type: Date, required: true })
  readAt: Date;
}

export const ThreadReadSchema = SchemaFactory.createForClass(ThreadRead);
ThreadReadSchema.index({ userId: 1, threadId: 1 }, { unique: true });
