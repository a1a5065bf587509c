import { Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { hashToken, SESSION_COOKIE } from '../auth/session-token';
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
 * no CORS preflight to stop another site's page from opening one with it.
 */
@Injectable()
export class SocketSession {
  private readonly lookups = new SharedLookup<CollabUser | null>();

  constructor(private readonly auth: AuthService) {}

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
    if (typeof candidate !== 'string') return null;
    return this.lookups.get(candidate, async () => {
      const session = await this.auth.activeSession(candidate);
      return session
        ? {
            userId: session.user.id as string,
            name: session.user.name,
            sessionKey: hashToken(candidate),
            sessionExpiresAt: session.expiresAt.getTime(),
          }
        : null;
    });
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
