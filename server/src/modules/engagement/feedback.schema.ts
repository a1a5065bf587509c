import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  AGE_BANDS,
  AUDIENCES,
  FEEDBACK_STATUSES,
  type AgeBand,
  type Audience,
  type FeedbackStatus,
} from '@coproduce/domain';
import { Types } from 'mongoose';
import { StoredAnchor, StoredAnchorSchema } from '../specifications/stored-anchor.schema';

/** A link from feedback to a specification, and to the words it shaped when anchored. */
@Schema({ _id: false })
export class StoredFeedbackLink {
  @Prop({ type: Types.ObjectId, required: true })
  specificationId: Types.ObjectId;

  @Prop({ type: StoredAnchorSchema, default: null })
  anchor: StoredAnchor | null;

  /** The words when linked; null for a link to the whole specification. */
  @Prop({ type: String, default: null })
  quote: string | null;
}

const StoredFeedbackLinkSchema = SchemaFactory.createForClass(StoredFeedbackLink);

/** One change of status, kept so who decided and when survives it moving on. */
@Schema({ _id: false })
export class FeedbackStatusChange {
  @Prop({ type: String, required: true, enum: FEEDBACK_STATUSES })
  status: FeedbackStatus;

  @Prop({ type: String, default: null })
  reason: string | null;

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at: Date;
}

const FeedbackStatusChangeSchema = SchemaFactory.createForClass(FeedbackStatusChange);

/** What someone said at an event or elsewhere, and what became of it. */
@Schema({ collection: 'feedback', timestamps: true })
export class Feedback {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, default: null })
  eventId: Types.ObjectId | null;

  /** Where it came from when not an event. */
  @Prop({ type: String, default: '' })
  source: string;

  @Prop({ type: String, required: true })
  text: string;

  @Prop({ type: Boolean, default: false })
  verbatim: boolean;

  @Prop({ type: String, required: true, enum: AUDIENCES })
  audience: Audience;

  @Prop({ type: String, enum: [...AGE_BANDS, null], default: null })
  ageBand: AgeBand | null;

  @Prop({ type: [Types.ObjectId], default: [] })
  themeIds: Types.ObjectId[];

  @Prop({ type: String, required: true, enum: FEEDBACK_STATUSES, default: 'new' })
  status: FeedbackStatus;

  @Prop({ type: String, default: null })
  reason: string | null;

  @Prop({ type: [FeedbackStatusChangeSchema], default: [] })
  statusChanges: FeedbackStatusChange[];

  @Prop({ type: [StoredFeedbackLinkSchema], default: [] })
  links: StoredFeedbackLink[];

  /** The CSV import that brought it in, so an import cut short can be taken back whole. */
  @Prop({ type: String, default: undefined })
  importId?: string;

  /** Made by the recording device; one item per (workspace, clientId). */
  @Prop({ type: String, default: undefined })
  clientId?: string;

  @Prop({ type: Types.ObjectId, required: true })
  createdBy: Types.ObjectId;

  createdAt: Date;
  updatedAt: Date;
}

export const FeedbackSchema = SchemaFactory.createForClass(Feedback);
// The list, newest first, and its filters.
FeedbackSchema.index({ workspaceId: 1, createdAt: -1 });
FeedbackSchema.index({ workspaceId: 1, eventId: 1, createdAt: -1 });
FeedbackSchema.index({ workspaceId: 1, status: 1, createdAt: -1 });
FeedbackSchema.index({ workspaceId: 1, themeIds: 1, createdAt: -1 });
// The feedback behind a specification's text (its panel, "You said, we did").
FeedbackSchema.index({ 'links.specificationId': 1, createdAt: 1 });
// A resend from a device is the same item.
FeedbackSchema.index(
  { workspaceId: 1, clientId: 1 },
  { unique: true, partialFilterExpression: { clientId: { $type: 'string' } } },
);
