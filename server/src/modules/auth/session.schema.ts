import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * A signed-in session. Only a SHA-256 of the token is stored, so a copy of
 * the database does not let anyone sign in. The person sees their sessions by `_id`,
 * which is neither the token nor its hash.
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

  /** The browser's User-Agent, cut to a length, as last seen; null when it sent none. */
  @Prop({ type: String, default: null, maxlength: 512 })
  userAgent: string | null;

  /** When the session was last used, to the minute (see `AuthService.noteUse`). */
  @Prop({ type: Date, default: null })
  lastUsedAt: Date | null;

  createdAt: Date;
}

export type SessionDocument = HydratedDocument<Session>;
export const SessionSchema = SchemaFactory.createForClass(Session);
