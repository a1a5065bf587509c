import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** One state change: who did what to which thing, when. Never updated or deleted. */
@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntry {
  /** Null for account-level actions such as signing in. */
  @Prop({ type: Types.ObjectId, default: null })
  workspaceId: Types.ObjectId | null;

  @Prop({ type: Types.ObjectId, default: null })
  actorId: Types.ObjectId | null;

  @Prop({ required: true })
  action: string;

  @Prop({ required: true })
  targetType: string;

  @Prop({ type: String, default: null })
  targetId: string | null;

  @Prop({ type: Map, of: String, default: {} })
  detail: Map<string, string>;

  @Prop({ required: true, default: () => new Date() })
  at: Date;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
AuditEntrySchema.index({ workspaceId: 1, at: -1 });

// The log is append-only: refuse every mongoose path that would rewrite it.
const REWRITES = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;
for (const operation of REWRITES) {
  AuditEntrySchema.pre(operation, () => {
    throw new Error(`The audit log is append-only; ${operation} is not allowed.`);
  });
}
