import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * A single-use link to choose a new password. Only a SHA-256 of its token is stored, as
 * for sessions and invitations; the database removes it an hour after it expires.
 */
@Schema({ collection: 'password_resets', timestamps: { createdAt: true, updatedAt: false } })
export class PasswordReset {
  @Prop({ required: true, unique: true })
  tokenHash: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ required: true })
  expiresAt: Date;

  /** Set when the link was used: it never works twice. */
  @Prop({ type: Date, default: null })
  usedAt: Date | null;

  /** The commissioner who issued it for a member; null when the person asked for it. */
  @Prop({ type: Types.ObjectId, default: null })
  issuedBy: Types.ObjectId | null;

  createdAt: Date;
}

export type PasswordResetDocument = HydratedDocument<PasswordReset>;

export const PasswordResetSchema = SchemaFactory.createForClass(PasswordReset);
// Kept an hour past expiry, so a late click is told the link expired rather than unknown.
PasswordResetSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 60 * 60 });
