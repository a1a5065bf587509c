import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A specification's compacted Yjs state: every log entry up to `upToSeq` folded in. */
// Journaled before acknowledged, so `doc:saved` survives a crash of the database too; the
// store passes the same write concern on every write (mongoose skips it on bulk inserts).
@Schema({
  collection: 'specification_snapshots',
  versionKey: false,
  writeConcern: { w: 'majority', j: true },
})
export class SpecificationSnapshot {
  @Prop({ required: true, unique: true, maxlength: 64 })
  specificationId: string;

  @Prop({ required: true, type: Buffer })
  state: Buffer;

  @Prop({ required: true, min: 0 })
  upToSeq: number;

  @Prop({ required: true })
  updatedAt: Date;
}

export const SpecificationSnapshotSchema = SchemaFactory.createForClass(SpecificationSnapshot);
