import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '@coproduce/domain';
import { Types } from 'mongoose';

/** A Yjs client of the engagement copy and the person who wrote as it. */
@Schema({ _id: false })
export class CopyWriter {
  @Prop({ type: Number, required: true })
  client: number;

  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;
}

/** A run of the copy's text someone deleted (by the ids of the characters). */
@Schema({ _id: false })
export class CopyDeletion {
  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: Number, required: true })
  client: number;

  @Prop({ type: Number, required: true })
  clock: number;

  @Prop({ type: Number, required: true })
  length: number;
}

/** What a commissioner decided about one changed section, once. */
@Schema({ _id: false })
export class RoundDecisionRecord {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: String, required: true, enum: ['taken', 'feedback'] })
  kind: 'taken' | 'feedback';

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at: Date;

  @Prop({ type: String, enum: [...FEEDBACK_STATUSES, null], default: null })
  status: FeedbackStatus | null;

  @Prop({ type: String, default: null })
  reason: string | null;
}

/** The feedback item a change was recorded as. */
@Schema({ _id: false })
export class RecordedChange {
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: Types.ObjectId, required: true })
  feedbackId: Types.ObjectId;
}

/**
 * A market engagement round: an engagement copy of a specification, forked from its draft
 * when the round was started, that the providers taking part co-edit with the team until
 * it closes, and what was then decided about each changed section. Who wrote as which
 * Yjs client and who deleted what is kept beside it (CopyRecords), so changes are
 * attributed.
 */
@Schema({ collection: 'engagement_rounds' })
export class EngagementRound {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  specificationId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  eventId: Types.ObjectId;

  /** The engagement copy's live document id (its collab docId). */
  @Prop({ type: Types.ObjectId, required: true })
  copyId: Types.ObjectId;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: Date, required: true })
  opensAt: Date;

  @Prop({ type: Date, required: true })
  closesAt: Date;

  /** Set when it closed: at closing time, or earlier by a commissioner. */
  @Prop({ type: Date, default: null })
  closedAt: Date | null;

  /** Providers taking part (members with the provider role). */
  @Prop({ type: [Types.ObjectId], default: [] })
  participants: Types.ObjectId[];

  @Prop({ type: Boolean, default: false })
  namesShown: boolean;

  /**
   * Rounds started before CopyRecords: the draft's state at the fork, now kept in
   * `engagement_copy_forks`. Read only.
   */
  @Prop({ type: Buffer, select: false })
  forkState?: Buffer;

  @Prop({ type: Date, required: true })
  forkedAt: Date;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  /** Rounds started before CopyRecords: who wrote what, now in `engagement_copy_authorship`. Read only. */
  @Prop({ type: [SchemaFactory.createForClass(CopyWriter)], default: undefined, select: false })
  writers?: CopyWriter[];

  @Prop({ type: [SchemaFactory.createForClass(CopyDeletion)], default: undefined, select: false })
  deletions?: CopyDeletion[];

  @Prop({ type: [SchemaFactory.createForClass(RoundDecisionRecord)], default: [] })
  decisions: RoundDecisionRecord[];

  /** Kept apart from the decision, which is claimed before its feedback item exists. */
  @Prop({ type: [SchemaFactory.createForClass(RecordedChange)], default: [] })
  recordedAs: RecordedChange[];
}

export type StoredRound = EngagementRound & { _id: Types.ObjectId };

export const EngagementRoundSchema = SchemaFactory.createForClass(EngagementRound);
EngagementRoundSchema.index({ workspaceId: 1, opensAt: -1 });
// A join looks a copy up by its id; each copy belongs to one round.
EngagementRoundSchema.index({ copyId: 1 }, { unique: true });
// A provider's own rounds.
EngagementRoundSchema.index({ workspaceId: 1, participants: 1 });
// The closing sweep.
EngagementRoundSchema.index({ closedAt: 1, closesAt: 1 });
