import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/**
 * Someone not signed in accepted an invitation for an address this app had not seen them
 * read, so it was emailed instead of made. `new-account`: the emailed link (only its
 * SHA-256 is here) makes the account with this name and password hash and joins, once.
 * `sign-in`: the address had an account, so the email said to sign in and accept; the
 * record only counts emails to the address, and its token was never sent. Either way
 * nothing else is stored until the link is used; the database removes the record an hour
 * after it expires.
 */
@Schema({
  collection: 'invitation_confirmations',
  timestamps: { createdAt: true, updatedAt: false },
})
export class InvitationConfirmation {
  @Prop({ required: true, unique: true })
  tokenHash: string;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  invitationId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ['new-account', 'sign-in'] })
  kind: 'new-account' | 'sign-in';

  @Prop({ required: true, lowercase: true, trim: true, index: true })
  email: string;

  @Prop({ type: String, default: null, trim: true, maxlength: 120 })
  name: string | null;

  @Prop({ type: String, default: null })
  passwordHash: string | null;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop({ type: Date, default: null })
  usedAt: Date | null;

  createdAt: Date;
}

export type InvitationConfirmationDocument = HydratedDocument<InvitationConfirmation>;

export const InvitationConfirmationSchema = SchemaFactory.createForClass(InvitationConfirmation);
// Kept an hour past expiry, so a late click is told the link expired rather than unknown.
InvitationConfirmationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 60 * 60 });
