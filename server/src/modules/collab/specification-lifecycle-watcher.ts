import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CollabEvent } from '@coproduce/protocol';
import { EventBus } from '../../base/event-bus';
import { ConnectionRegistry } from '../connections/connection-registry';
import { JoinedDocuments } from './joined-documents';
import './live-document.events';

/**
 * Makes renaming, archiving, restoring and deleting a specification (or archiving its
 * workspace) take effect on open sockets at once: a new title is shown, an archived one
 * turns read-only for everyone in it (and editable again when restored), a deleted one
 * takes everyone out.
 */
@Injectable()
export class SpecificationLifecycleWatcher implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly joined: JoinedDocuments,
    private readonly connections: ConnectionRegistry,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.subscribe('specification.archived', (change) =>
        this.joined.archiveChanged(change.specificationId, change.archived),
      ),
      this.events.subscribe('specification.deleted', (change) =>
        this.joined.deleted(change.specificationId),
      ),
      this.events.subscribe('specification.renamed', (change) =>
        this.connections.toSpecification(change.specificationId, CollabEvent.specificationRenamed, [
          change.specificationId,
          { title: change.title },
        ]),
      ),
      this.events.subscribe('live-document.access-changed', (change) =>
        this.joined.accessChangedFor(change.docId, change.readOnly),
      ),
      this.events.subscribe('workspace.archived', (change) =>
        this.joined.workspaceArchiveChanged(change.workspaceId, change.archived),
      ),
    );
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }
}
