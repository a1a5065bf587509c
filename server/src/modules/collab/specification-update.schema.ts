import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One entry of a specification's append-only Yjs update log. */
// Journaled before acknowledged, so `doc:saved` survives a crash of the database too; the
// store passes the same write concern on every write (mongoose skips it on bulk inserts).
@Schema({
  collection: 'specification_updates',
  versionKey: false,
  writeConcern: { w: 'majority', j: true },
})
export class SpecificationUpdate {
  @Prop({ required: true, maxlength: 64 })
  specificationId: string;

  @Prop({ required: true, min: 1 })
  seq: number;

  @Prop({ required: true, type: Buffer })
  update: Buffer;

  @Prop({ required: true })
  createdAt: Date;
}

export const SpecificationUpdateSchema = SchemaFactory.createForClass(SpecificationUpdate);
// Loading reads one specification's tail in seq order; the uniqueness stops two
// writers from both claiming a seq.
SpecificationUpdateSchema.index({ specificationId: 1, seq: 1 }, { unique: true });
