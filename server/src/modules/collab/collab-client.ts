import type { Socket } from 'socket.io';
import type { CollabServerEvents, Role } from '@coproduce/protocol';
import type { DocumentMember } from './document-member';
import type { OpenDocument } from './open-document';
import type { CollabUser } from './socket-session';

/** A document one client has joined, with what its authorisation was decided on. */
export interface JoinedDocument {
  document: OpenDocument;
  member: DocumentMember;
  workspaceId: string;
}

/** One collab socket: who it is and which documents it has joined. */
export class CollabClient {
  readonly joined = new Map<string, JoinedDocument>();

  constructor(
    readonly socket: Socket,
    readonly user: CollabUser,
  ) {}

  get id(): string {
    return this.socket.id;
  }

  memberFor(role: Role): DocumentMember {
    const socket = this.socket;
    return {
      connectionId: socket.id,
      userId: this.user.userId,
      name: this.user.name,
      role,
      send<E extends keyof CollabServerEvents>(
        event: E,
        ...args: Parameters<CollabServerEvents[E]>
      ): void {
        socket.emit(event, ...args);
      },
    };
  }
}
