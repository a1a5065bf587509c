import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  AGE_BANDS,
  AUDIENCES,
  ENGAGEMENT_EVENT_TYPES,
  type AgeBand,
  type Audience,
  type EngagementEventType,
} from '@coproduce/domain';
import { Types } from 'mongoose';
import { AppliedCount, AppliedCountSchema } from './applied-count.schema';

/** How many people of one audience (and age band) took part; a list, never a map. */
@Schema({ _id: false })
export class StoredReachCount {
  @Prop({ type: String, required: true, enum: AUDIENCES })
  audience: Audience;

  @Prop({ type: String, enum: [...AGE_BANDS, null], default: null })
  ageBand: AgeBand | null;

  @Prop({ type: Number, required: true, min: 0 })
  count: number;
}

export const StoredReachCountSchema = SchemaFactory.createForClass(StoredReachCount);

@Schema({ _id: false })
export class StoredMarketNotice {
  @Prop({ type: String, default: '' })
  purpose: string;

  @Prop({ type: String, default: '' })
  howToTakePart: string;
}

const StoredMarketNoticeSchema = SchemaFactory.createForClass(StoredMarketNotice);

/**
 * A drop-in session, interview, survey, market engagement event or other occasion where
 * people were heard. `total` is kept beside the counts (the sum, or the figure recorded
 * when some who came were not counted by audience) so reports add it up without
 * unwinding every event's counts.
 */
@Schema({ collection: 'engagement_events', timestamps: true })
export class EngagementEvent {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ENGAGEMENT_EVENT_TYPES })
  type: EngagementEventType;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, default: null })
  endsAt: Date | null;

  @Prop({ type: String, default: '' })
  place: string;

  @Prop({ type: Boolean, default: false })
  online: boolean;

  @Prop({ type: [String], default: [] })
  facilitators: string[];

  @Prop({ type: [String], default: [] })
  partnerOrganisations: string[];

  @Prop({ type: String, default: '' })
  notes: string;

  @Prop({ type: String, default: '' })
  accessibilityNotes: string;

  @Prop({ type: String, default: '' })
  safeguardingNotes: string;

  @Prop({ type: [StoredReachCountSchema], default: [] })
  reach: StoredReachCount[];

  /** As recorded; null when the total is the sum of `reach`. */
  @Prop({ type: Number, default: null })
  tookPart: number | null;

  @Prop({ type: Number, required: true, min: 0 })
  total: number;

  @Prop({ type: [String], default: [] })
  attendingOrganisations: string[];

  /** Providers of the workspace who took part: they, and no other provider, may see the event. */
  @Prop({ type: [Types.ObjectId], default: [] })
  providerParticipants: Types.ObjectId[];

  @Prop({ type: StoredMarketNoticeSchema, default: null })
  marketNotice: StoredMarketNotice | null;

  /**
   * The changes devices made to the counts at a drop-in (EventCountsService); never read
   * with the event unless asked for by name.
   */
  @Prop({ type: [AppliedCountSchema], default: [], select: false })
  appliedCounts: AppliedCount[];

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export const EngagementEventSchema = SchemaFactory.createForClass(EngagementEvent);
// The list, newest first, and reports over time.
EngagementEventSchema.index({ workspaceId: 1, startsAt: -1 });
// A provider's own market engagement events.
EngagementEventSchema.index({ workspaceId: 1, providerParticipants: 1 });
