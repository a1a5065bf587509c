import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
import type { SingleUseLinkRecord } from '../auth/single-use-link';

/**
 * A change of sign-in address waiting for its link, emailed to the new address, to be
 * opened: only then does the address change. Only a SHA-256 of the link's token is kept;
 * the database removes the record an hour after it expires.
 */
@Schema({ collection: 'email_changes', timestamps: { createdAt: true, updatedAt: false } })
export class EmailChange implements SingleUseLinkRecord {
  @Prop({ required: true, unique: true })
  tokenHash: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  /** The new address, in lower case. */
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 })
  email: string;

  @Prop({ required: true })
  expiresAt: Date;

  /** Set when the link was used, or when a newer change or a direct one replaced it. */
  @Prop({ type: Date, default: null })
  usedAt: Date | null;

  createdAt: Date;
}

export type EmailChangeDocument = HydratedDocument<EmailChange>;

export const EmailChangeSchema = SchemaFactory.createForClass(EmailChange);
// Kept an hour past expiry, so a late click is told the link expired rather than unknown.
EmailChangeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 60 * 60 });
