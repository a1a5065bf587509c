import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CollabEvent, type Role } from '@coproduce/protocol';
import { Forbidden, NotFound } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { AccessPolicy } from '../access/access-policy';
import { SpecificationsService } from '../specifications/specifications.service';
import type { MembershipChange } from '../workspaces/workspaces.events';
import type { CollabClient } from './collab-client';
import { CollabGateway } from './collab.gateway';

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
    private readonly gateway: CollabGateway,
    private readonly specifications: SpecificationsService,
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

  /** Judges the member's next frames by `role`, and tells their client what it may do now. */
  private changeRole(client: CollabClient, docId: string, role: Role): void {
    const joined = client.joined.get(docId);
    if (!joined || joined.member.role === role) return;
    joined.member.role = role;
    client.socket.emit(CollabEvent.role, docId, {
      role,
      canEdit: AccessPolicy.can(role, 'specification.edit'),
    });
  }

  private async apply(change: MembershipChange): Promise<void> {
    for (const client of this.gateway.clientsOf(change.userId)) {
      for (const [docId, joined] of client.joined) {
        if (joined.workspaceId !== change.workspaceId) continue;
        if (change.kind === 'removed') {
          this.gateway.evict(
            client,
            docId,
            new Forbidden('You are no longer a member of this workspace.'),
          );
          continue;
        }
        // A role that may not read drafts leaves at once, before any await: relays sent
        // while a lookup runs must not reach it. (Published documents come with their own
        // read path; every document open here today is a draft.)
        if (!AccessPolicy.can(change.role, 'specification.read-draft')) {
          this.gateway.evict(client, docId, noLongerAllowed());
          continue;
        }
        // Apply the new role at once, then confirm it against the store.
        this.changeRole(client, docId, change.role);
        try {
          const { role } = await this.specifications.findForMember(docId, change.userId);
          if (client.joined.get(docId) === joined) this.changeRole(client, docId, role);
        } catch (error) {
          // Fail closed: a member whose access cannot be confirmed leaves the document.
          this.gateway.evict(client, docId, noLongerAllowed());
          if (!(error instanceof NotFound)) throw error;
        }
      }
    }
  }
}
