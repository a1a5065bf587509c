import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { CollabServerEvents } from '@coproduce/protocol';
import type { Connection } from './connection';

type EventArgs<E extends keyof CollabServerEvents> = Parameters<CollabServerEvents[E]>;

/**
 * Who is connected, and what they are viewing: the one way for any feature to reach
 * people live ("tell everyone viewing this specification", "tell this person wherever
 * they are connected"). Delivery goes through socket.io rooms, which an adapter can
 * carry to other nodes (the Redis adapter, for scale-out), so callers need not know
 * which node a person is connected to. The lookups by person and session are of this
 * node's connections: they are for taking a connection out of something.
 */
@Injectable()
export class ConnectionRegistry implements OnApplicationShutdown {
  private namespace: Namespace | undefined;
  private readonly byPerson = new Map<string, Set<Connection>>();
  private readonly bySession = new Map<string, Set<Connection>>();

  /** The `/collab` namespace, once the gateway has it. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  add(connection: Connection): void {
    addTo(this.byPerson, connection.person.userId, connection);
    addTo(this.bySession, connection.person.sessionKey, connection);
    void connection.socket.join(personRoom(connection.person.userId));
  }

  remove(connection: Connection): void {
    removeFrom(this.byPerson, connection.person.userId, connection);
    removeFrom(this.bySession, connection.person.sessionKey, connection);
  }

  /** This node's connections of one person. */
  ofPerson(userId: string): Connection[] {
    return [...(this.byPerson.get(userId) ?? [])];
  }

  /** How many connections one person has on this node. */
  countOfPerson(userId: string): number {
    return this.byPerson.get(userId)?.size ?? 0;
  }

  /** This node's connections opened with one session. */
  ofSession(sessionKey: string): Connection[] {
    return [...(this.bySession.get(sessionKey) ?? [])];
  }

  /** From now on the connection receives what is sent to everyone viewing the specification. */
  viewSpecification(connection: Connection, specificationId: string): Promise<void> | void {
    return connection.socket.join(specificationRoom(specificationId));
  }

  stopViewing(connection: Connection, specificationId: string): void {
    void connection.socket.leave(specificationRoom(specificationId));
  }

  /** Sends to everyone viewing a specification (but one connection, if given), on every node. */
  toSpecification<E extends keyof CollabServerEvents>(
    specificationId: string,
    event: E,
    args: EventArgs<E>,
    exceptConnectionId?: string,
  ): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const room = namespace.to(specificationRoom(specificationId));
    (exceptConnectionId ? room.except(exceptConnectionId) : room).emit(event, ...args);
  }

  /** Sends to every connection of one person, on every node. */
  toPerson<E extends keyof CollabServerEvents>(
    userId: string,
    event: E,
    ...args: EventArgs<E>
  ): void {
    this.namespace?.to(personRoom(userId)).emit(event, ...args);
  }

  onApplicationShutdown(): void {
    this.namespace?.disconnectSockets(true);
  }
}

function specificationRoom(specificationId: string): string {
  return `specification:${specificationId}`;
}

function personRoom(userId: string): string {
  return `person:${userId}`;
}

function addTo(index: Map<string, Set<Connection>>, key: string, connection: Connection): void {
  let connections = index.get(key);
  if (!connections) index.set(key, (connections = new Set()));
  connections.add(connection);
}

function removeFrom(
  index: Map<string, Set<Connection>>,
  key: string,
  connection: Connection,
): void {
  const connections = index.get(key);
  if (!connections?.delete(connection)) return;
  if (connections.size === 0) index.delete(key);
}
