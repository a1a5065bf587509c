import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MongoSpecificationStore } from './mongo-specification-store';
import {
  SpecificationSnapshot,
  SpecificationSnapshotSchema,
} from './specification-snapshot.schema';
import { SpecificationStore } from './specification-store';
import { SpecificationUpdate, SpecificationUpdateSchema } from './specification-update.schema';

/**
 * Durable Yjs state of specifications: the update log and snapshot in MongoDB, behind
 * `SpecificationStore`. Live co-editing appends to it through `SpecificationLog`; creating
 * a specification writes its template into it.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SpecificationUpdate.name, schema: SpecificationUpdateSchema },
      { name: SpecificationSnapshot.name, schema: SpecificationSnapshotSchema },
    ]),
  ],
  providers: [{ provide: SpecificationStore, useClass: MongoSpecificationStore }],
  exports: [SpecificationStore],
})
export class SpecificationStoreModule {}
