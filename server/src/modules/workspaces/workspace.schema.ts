import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** One commissioning project, e.g. a key worker service being specified and procured. */
@Schema({ collection: 'workspaces', timestamps: true })
export class Workspace {
  @Prop({ required: true, trim: true, maxlength: 200 })
  name: string;

  @Prop({ required: true, trim: true, maxlength: 200 })
  serviceArea: string;

  /** The organisation that leads the commissioning, e.g. an integrated care board. */
  @Prop({ required: true, trim: true, maxlength: 200 })
  leadOrganisation: string;

  @Prop({ type: [String], default: [] })
  partnerOrganisations: string[];

  /** Archived: read-only, listed apart, restorable; null while in use. */
  @Prop({ type: Date, default: null })
  archivedAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type WorkspaceDocument = HydratedDocument<Workspace>;
export const WorkspaceSchema = SchemaFactory.createForClass(Workspace);
