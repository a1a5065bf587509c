import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { needsOrganisation, ROLES, type Role } from '@coproduce/domain';
import { HydratedDocument, Types } from 'mongoose';

/** A person's role in one workspace; read on every request, never cached in a session. */
@Schema({ collection: 'memberships', timestamps: true })
export class Membership {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true, index: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ROLES })
  role: Role;

  /**
   * Who they take part for. Checked on create: a provider cannot be added without one.
   * Memberships stored before organisations existed have no field at all; the default
   * reads them as null ("not recorded") instead of refusing to load them.
   */
  @Prop({
    type: String,
    default: null,
    trim: true,
    maxlength: 200,
    required: [
      function (this: Membership) {
        return needsOrganisation(this.role);
      },
      'A provider must have an organisation.',
    ],
  })
  organisation: string | null;

  /**
   * The workspace is archived (read-only), kept on each membership so that the access
   * check every request makes already knows it; set and cleared with the workspace.
   */
  @Prop({ type: Boolean, default: false })
  workspaceArchived: boolean;

  createdAt: Date;
  updatedAt: Date;
}

export type MembershipDocument = HydratedDocument<Membership>;
export const MembershipSchema = SchemaFactory.createForClass(Membership);
MembershipSchema.index({ workspaceId: 1, userId: 1 }, { unique: true });
