import type { Socket } from 'socket.io';
import type { CollabServerEvents } from '@coproduce/protocol';
import type { ConnectedPerson } from './connected-person';
import { emitInOneWrite, holdUntilTicksRun, sendTogether } from './one-write-frames';

/** One open `/collab` socket and the person it was opened by. */
export class Connection {
  constructor(
    readonly socket: Socket,
    readonly person: ConnectedPerson,
  ) {}

  get id(): string {
    return this.socket.id;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  send<E extends keyof CollabServerEvents>(
    event: E,
    ...args: Parameters<CollabServerEvents[E]>
  ): void {
    emitInOneWrite(this.socket, event, args);
  }

  /** Runs `send`, whose messages to this connection leave in one write. */
  sendTogether(send: () => void): void {
    sendTogether(this.socket, send);
  }

  /** What is sent to this connection until the current ticks have run leaves in one write. */
  holdUntilTicksRun(): void {
    holdUntilTicksRun(this.socket);
  }

  /** Closes the socket; its disconnect handlers take it out of everything it joined. */
  close(): void {
    this.socket.disconnect(true);
  }
}
