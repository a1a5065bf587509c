import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * A signed-in session. Only a SHA-256 of the token is stored, so a copy of
 * the database does not let anyone sign in.
 */
@Schema({ collection: 'sessions', timestamps: { createdAt: true, updatedAt: false } })
export class Session {
  @Prop({ required: true, unique: true })
  tokenHash: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  /** The database removes the session once this passes (TTL index); lookups also check it. */
  @Prop({ required: true, expires: 0 })
  expiresAt: Date;

  createdAt: Date;
}

export const SessionSchema = SchemaFactory.createForClass(Session);
