import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../../base/event-bus';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { Connection } from '../connections/connection';

/** setTimeout's longest delay; a longer session is re-armed when it fires. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A session's end ends its open collab sockets too, whether it is signed out or runs
 * out: a socket keeps the identity it connected with, and must not outlive it (the next
 * person signing in on the same browser would otherwise edit as the previous one).
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

  /** Closes the connection when its session expires, unless it goes first. */
  closeAtExpiry(connection: Connection): void {
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const left = connection.person.sessionExpiresAt - Date.now();
      if (left <= 0) return connection.close();
      timer = setTimeout(arm, Math.min(left, LONGEST_TIMER_MS));
      // A sign-in's expiry must not keep a stopping server alive.
      timer.unref();
    };
    connection.socket.once('disconnect', () => clearTimeout(timer));
    arm();
  }
}
