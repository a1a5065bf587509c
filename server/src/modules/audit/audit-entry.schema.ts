import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SPECIFICATION_EDIT_ACTION } from '@coproduce/domain';
import { Types, type Query } from 'mongoose';

/**
 * One state change: who did what to which thing, when. Never updated or deleted, with one
 * exception: an hourly summary (a person's edits to a specification in one hour) is one
 * entry that gains the time of each edit notice of that hour, and nothing else.
 */
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

  /** For an hourly summary, the hour it starts; otherwise when it happened. */
  @Prop({ required: true, default: () => new Date() })
  at: Date;

  /** Only for an hourly summary: when each of the happenings it stands for was noticed. */
  @Prop({ type: [Date], default: undefined })
  occurrences?: Date[];
}

/** The actions recorded as one entry per person, thing and hour, never one per happening. */
export const HOURLY_SUMMARY_ACTIONS: readonly string[] = [SPECIFICATION_EDIT_ACTION];

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
AuditEntrySchema.index({ workspaceId: 1, at: -1 });
// The audit page's filters: by person and by action, newest first.
AuditEntrySchema.index({ workspaceId: 1, actorId: 1, at: -1 });
AuditEntrySchema.index({ workspaceId: 1, action: 1, at: -1 });
// A person's own sign-in and password events, and a filter on one thing.
AuditEntrySchema.index({ targetId: 1, at: -1 });
// One summary per person, thing and hour, even when two nodes hear of the same edits at once.
AuditEntrySchema.index(
  { action: 1, actorId: 1, targetId: 1, at: 1 },
  { unique: true, partialFilterExpression: { action: SPECIFICATION_EDIT_ACTION } },
);

/**
 * Whether an update only adds the time of a happening to an hourly summary (creating it
 * on the first): the one change the log allows. Its filter names a summarised action; it
 * sets fields only on insert and otherwise adds to `occurrences` alone.
 */
export function isHourlySummaryUpsert(filter: unknown, update: unknown): boolean {
  const action = (filter as { action?: unknown } | null)?.action;
  if (typeof action !== 'string' || !HOURLY_SUMMARY_ACTIONS.includes(action)) return false;
  if (!update || typeof update !== 'object' || Array.isArray(update)) return false;
  const operators = Object.keys(update);
  const added = (update as { $addToSet?: unknown }).$addToSet;
  return (
    operators.every((operator) => operator === '$addToSet' || operator === '$setOnInsert') &&
    typeof added === 'object' &&
    added !== null &&
    Object.keys(added).join() === 'occurrences'
  );
}

// The log is append-only: refuse every mongoose path that would rewrite it.
const REWRITES = [
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
AuditEntrySchema.pre('updateOne', function (this: Query<unknown, AuditEntry>) {
  if (isHourlySummaryUpsert(this.getFilter(), this.getUpdate())) return;
  throw new Error(
    'The audit log is append-only; updateOne is allowed only to add to an hourly summary.',
  );
});
// A bulk write may only add entries, or add to hourly summaries.
AuditEntrySchema.pre('bulkWrite', function (next, operations: unknown[]) {
  const rewrites = operations.some((operation) => {
    if (typeof operation !== 'object' || operation === null) return true;
    const { insertOne, updateOne, ...others } = operation as {
      insertOne?: unknown;
      updateOne?: { filter?: unknown; update?: unknown };
    };
    if (Object.keys(others).length > 0) return true;
    if (insertOne !== undefined) return updateOne !== undefined;
    return !updateOne || !isHourlySummaryUpsert(updateOne.filter, updateOne.update);
  });
  next(
    rewrites
      ? new Error(
          'The audit log is append-only; a bulk write may only add entries and add to hourly summaries.',
        )
      : undefined,
  );
});
