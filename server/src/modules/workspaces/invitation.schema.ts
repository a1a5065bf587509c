import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROLES, type Role } from '@coproduce/domain';
import { HydratedDocument, Types } from 'mongoose';

/**
 * An invitation to join a workspace with a role: to one email address, or
 * (email null) a link anyone may use. Single use; only the token's SHA-256
 * is kept.
 */
@Schema({ collection: 'invitations', timestamps: { createdAt: true, updatedAt: false } })
export class Invitation {
  @Prop({ type: Types.ObjectId, required: true, index: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: String, default: null, lowercase: true, trim: true })
  email: string | null;

  @Prop({ type: String, required: true, enum: ROLES })
  role: Role;

  /** Copied into the membership on acceptance; null for invitations made before there was one. */
  @Prop({ type: String, default: null, trim: true, maxlength: 200 })
  organisation: string | null;

  @Prop({ required: true, unique: true })
  tokenHash: string;

  /**
   * Whether the link was emailed to `email`: then whoever holds it has read that inbox,
   * so accepting makes the account at once; otherwise the address is confirmed by email
   * first, when this app sends email.
   */
  @Prop({ type: Boolean, default: false })
  emailed: boolean;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  @Prop({ type: Date, default: null })
  acceptedAt: Date | null;

  @Prop({ type: Types.ObjectId, default: null })
  acceptedBy: Types.ObjectId | null;

  @Prop({ type: Date, default: null })
  revokedAt: Date | null;

  createdAt: Date;
}

export type InvitationDocument = HydratedDocument<Invitation>;
export const InvitationSchema = SchemaFactory.createForClass(Invitation);
