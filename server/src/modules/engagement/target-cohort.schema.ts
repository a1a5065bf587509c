import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { StoredReachCount, StoredReachCountSchema } from './engagement-event.schema';

/** Who the service is for, by audience and age band: what reach is measured against. */
@Schema({ collection: 'target_cohorts', timestamps: true })
export class TargetCohort {
  @Prop({ type: Types.ObjectId, required: true })
  workspaceId: Types.ObjectId;

  @Prop({ type: [StoredReachCountSchema], default: [] })
  groups: StoredReachCount[];

  createdAt: Date;
  updatedAt: Date;
}

export const TargetCohortSchema = SchemaFactory.createForClass(TargetCohort);
TargetCohortSchema.index({ workspaceId: 1 }, { unique: true });
