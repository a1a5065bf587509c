import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A specification's compacted Yjs state. `version` goes up by one with each compaction;
 * a compaction replaces the snapshot only if it was built on the version stored, so two
 * writers compacting at once merge rather than overwrite each other.
 */
// Journaled before acknowledged, so `doc:saved` survives a crash of the database too.
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

  // Snapshots of the first layout have no version: read as 0.
  @Prop({ min: 0 })
  version?: number;

  @Prop({ required: true })
  updatedAt: Date;
}

export const SpecificationSnapshotSchema = SchemaFactory.createForClass(SpecificationSnapshot);
