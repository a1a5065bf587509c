import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AGE_BANDS, AUDIENCES, type AgeBand, type Audience } from '@coproduce/domain';
import { Types } from 'mongoose';

/**
 * One change to an event's counts made on a device at a drop-in (a tap, or its undo),
 * kept inside the event it changed: the change and the record that it was applied are
 * written by one single-document update, so a resend is known across restarts without a
 * transaction, and the trail says who counted what and when.
 */
@Schema({ _id: false, versionKey: false })
export class AppliedCount {
  /** The device's id for the change: one change per id per event. */
  @Prop({ type: String, required: true })
  clientId: string;

  @Prop({ type: String, required: true, enum: AUDIENCES })
  audience: Audience;

  @Prop({ type: String, enum: [...AGE_BANDS, null], default: null })
  ageBand: AgeBand | null;

  /** What was asked: 1 or -1. */
  @Prop({ type: Number, required: true })
  change: number;

  /** What it did: the change, or 0 for an undo that found nobody to take away. */
  @Prop({ type: Number, required: true })
  applied: number;

  @Prop({ type: Types.ObjectId, required: true })
  by: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at: Date;
}

export const AppliedCountSchema = SchemaFactory.createForClass(AppliedCount);
