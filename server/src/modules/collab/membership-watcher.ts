import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Forbidden, NotFound } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { MembershipChange } from '../workspaces/workspaces.events';
import type { Connection } from '../connections/connection';
import { JoinedDocuments, type JoinedDocument } from './joined-documents';

const noLongerAllowed = (): Forbidden =>
  new Forbidden('Your role no longer lets you open this specification.');

/**
 * Makes a membership change take effect on open sockets at once: whoever is removed
 * leaves the workspace's documents, and a changed role is what their next frame is
 * judged by and is sent to their client as `doc:role` (an editor made observer can no
 * longer edit, an observer made steering member can; a role that may no longer read
 * the document is taken out of it).
 */
@Injectable()
export class MembershipWatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MembershipWatcher.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly connections: ConnectionRegistry,
    private readonly joined: JoinedDocuments,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe('membership.changed', (change) => {
      this.apply(change).catch((error: unknown) =>
        this.logger.error(`applying a membership change failed: ${String(error)}`),
      );
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async apply(change: MembershipChange): Promise<void> {
    this.joined.accessChanged(change.userId);
    const version = this.joined.accessVersion(change.userId);
    const toConfirm: Array<{ connection: Connection; docId: string; joined: JoinedDocument }> = [];
    // Every document takes the change before any await: one reached only after the
    // lookups for the others would go on being edited under the old role meanwhile.
    for (const connection of this.connections.ofPerson(change.userId)) {
      for (const [docId, joined] of [...this.joined.of(connection)]) {
        if (joined.workspaceId !== change.workspaceId) continue;
        if (change.kind === 'removed') {
          this.joined.evict(
            connection,
            docId,
            new Forbidden('You are no longer a member of this workspace.'),
          );
          continue;
        }
        // A role the document does not admit (a provider, in a draft) leaves at once:
        // relays sent while a lookup runs must not reach it.
        if (this.joined.changeRole(connection, docId, change.role, noLongerAllowed)) {
          toConfirm.push({ connection, docId, joined });
        }
      }
    }
    // Then confirm each role against the store, unless a later change has overtaken this
    // one: that change applied its own role everywhere and confirms it itself, and this
    // one's role or lookups may predate it.
    for (const { connection, docId, joined } of toConfirm) {
      if (this.joined.accessVersion(change.userId) !== version) return;
      try {
        const { role } = await this.joined.confirmAccess(docId, change.userId);
        if (
          this.joined.of(connection).get(docId) === joined &&
          this.joined.accessVersion(change.userId) === version
        ) {
          this.joined.changeRole(connection, docId, role, noLongerAllowed);
        }
      } catch (error) {
        // Fail closed: a member whose access cannot be confirmed leaves the document.
        this.joined.evict(connection, docId, noLongerAllowed());
        if (!(error instanceof NotFound)) throw error;
      }
    }
  }
}
