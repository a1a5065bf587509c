import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { EventBus } from '../../base/event-bus';
import { AuthService } from '../auth/auth.service';
import '../auth/auth.events';
import { hashToken, looksLikeToken, SESSION_COOKIE } from '../auth/session-token';
import { RememberedSessions } from './remembered-sessions';
import { SharedLookup } from './shared-lookup';

/** Who opened a collab socket. */
export interface CollabUser {
  userId: string;
  name: string;
  /** The hash of the session token the socket connected with, to close it at sign-out. */
  sessionKey: string;
  /** When that session expires (epoch ms), when the socket is closed too. */
  sessionExpiresAt: number;
}

/**
 * Finds the session a collab socket was opened with: `auth.token` first, else the
 * session cookie. The cookie is only trusted from the app's own origin — a socket has
 * no CORS preflight to stop another site's page from opening one with it. Identities
 * found are remembered until their session ends (RememberedSessions).
 */
@Injectable()
export class SocketSession implements OnModuleInit, OnModuleDestroy {
  private readonly lookups = new SharedLookup<CollabUser | null>();
  private readonly remembered = new RememberedSessions<CollabUser>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe('session.ended', ({ sessionKey }) =>
      this.remembered.ended(sessionKey),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async resolve(socket: Socket): Promise<CollabUser | null> {
    const handshakeAuth: unknown = socket.handshake.auth;
    const token =
      typeof handshakeAuth === 'object' && handshakeAuth !== null && 'token' in handshakeAuth
        ? (handshakeAuth as { token: unknown }).token
        : undefined;
    let candidate: unknown = token;
    if (token === undefined) {
      if (!fromOwnOrigin(socket)) return null;
      candidate = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    }
    if (!looksLikeToken(candidate)) return null;
    const sessionKey = hashToken(candidate);
    const known = this.remembered.recall(sessionKey);
    if (known) return known;
    const found = await this.lookups.get(sessionKey, async () => {
      const identity = await this.auth.sessionIdentity(candidate);
      if (!identity) return null;
      const user: CollabUser = {
        userId: identity.userId,
        name: identity.name,
        sessionKey,
        sessionExpiresAt: identity.expiresAt.getTime(),
      };
      this.remembered.remember(sessionKey, user);
      return user;
    });
    // Ended while it was being looked up: the store may have answered just before.
    return found && !this.remembered.hasEnded(sessionKey) ? found : null;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function fromOwnOrigin(socket: Socket): boolean {
  const origin = socket.handshake.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === socket.handshake.headers.host;
  } catch {
    return false;
  }
}
