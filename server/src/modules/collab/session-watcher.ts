import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../../base/event-bus';
import { ConnectionRegistry } from '../connections/connection-registry';

/**
 * Signing out ends the session's open collab sockets too: a socket keeps the
 * identity it connected with, and must not outlive it (the next person signing
 * in on the same browser would otherwise edit as the previous one).
 */
@Injectable()
export class SessionWatcher implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly connections: ConnectionRegistry,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe('session.ended', ({ sessionKey }) => {
      for (const connection of this.connections.ofSession(sessionKey)) connection.close();
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
