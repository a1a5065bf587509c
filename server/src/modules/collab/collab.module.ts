import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '../auth/auth.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { CollabGateway } from './collab.gateway';
import { CollabSettings } from './collab-settings';
import { DocumentRegistry } from './document-registry';
import { MembershipWatcher } from './membership-watcher';
import { SessionWatcher } from './session-watcher';
import { SpecificationEditors } from './specification-editors';
import { MongoSpecificationStore } from './mongo-specification-store';
import { SocketSession } from './socket-session';
import {
  SpecificationSnapshot,
  SpecificationSnapshotSchema,
} from './specification-snapshot.schema';
import { SpecificationStore } from './specification-store';
import { SpecificationUpdate, SpecificationUpdateSchema } from './specification-update.schema';

/** Live co-editing of specifications: the `/collab` gateway and durable Yjs state. */
@Module({
  imports: [
    AuthModule,
    SpecificationsModule,
    MongooseModule.forFeature([
      { name: SpecificationUpdate.name, schema: SpecificationUpdateSchema },
      { name: SpecificationSnapshot.name, schema: SpecificationSnapshotSchema },
    ]),
  ],
  providers: [
    CollabSettings,
    SocketSession,
    { provide: SpecificationStore, useClass: MongoSpecificationStore },
    DocumentRegistry,
    CollabGateway,
    MembershipWatcher,
    SessionWatcher,
    SpecificationEditors,
  ],
  exports: [SpecificationStore],
})
export class CollabModule {}
