import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConnectionsModule } from '../connections/connections.module';
import { SpecificationStoreModule } from '../specification-store/specification-store.module';
import { SpecificationsModule } from '../specifications/specifications.module';
import { CollabGateway } from './collab.gateway';
import { CollabSettings } from './collab-settings';
import { DocumentRegistry } from './document-registry';
import { JoinedDocuments } from './joined-documents';
import { LiveDocumentKinds } from './live-document-kinds';
import { MembershipWatcher } from './membership-watcher';
import { SpecificationLifecycleWatcher } from './specification-lifecycle-watcher';
import { SessionWatcher } from './session-watcher';
import { SocketSession } from './socket-session';
import { SpecificationEditors } from './specification-editors';
import { SpecificationReader } from './specification-reader';
import { SpecificationWriter } from './specification-writer';

/**
 * Live co-editing of specifications: the `/collab` gateway, the open documents and who
 * has joined them. Other features read a specification's current text through
 * `SpecificationReader`, change it on the server through `SpecificationWriter`, and reach the people viewing it through `ConnectionRegistry`.
 */
@Module({
  imports: [AuthModule, SpecificationsModule, SpecificationStoreModule, ConnectionsModule],
  providers: [
    CollabSettings,
    SocketSession,
    DocumentRegistry,
    JoinedDocuments,
    LiveDocumentKinds,
    CollabGateway,
    MembershipWatcher,
    SpecificationLifecycleWatcher,
    SessionWatcher,
    SpecificationEditors,
    SpecificationReader,
    SpecificationWriter,
  ],
  exports: [SpecificationReader, SpecificationWriter, LiveDocumentKinds],
})
export class CollabModule {}
