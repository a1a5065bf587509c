import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import { encodeInOneWrite, writeEvent, type EngineClient } from '../connections/one-write-frames';

/** A recipient as the adapter sees it (socket.io marks these members private). */
interface Recipient {
  notifyOutgoingListeners?: (packet: unknown) => void;
  client: EngineClient;
}

/** The adapter's own recipient walk (rooms, except, local), private in its types. */
interface RecipientWalk {
  apply(opts: BroadcastOptions, callback: (socket: Recipient) => void): void;
}

/**
 * Every Yjs relay is an event carrying binary data, which socket.io would send to each
 * recipient as two WebSocket messages, two system calls. This adapter encodes and frames
 * a broadcast once and writes it to each recipient in one (one-write-frames.ts);
 * recipients not on a plain WebSocket get the ordinary path.
 */
export class SingleWriteAdapter extends Adapter {
  override broadcast(packet: { nsp?: string }, opts: BroadcastOptions): void {
    const flags = opts.flags ?? {};
    packet.nsp = this.nsp.name;
    const event = encodeInOneWrite(this.nsp.server.encoder, packet);
    if (event.frame === null) {
      super.broadcast(packet, opts);
      return;
    }
    const options = { preEncoded: true, volatile: flags.volatile, compress: flags.compress };
    (this as unknown as RecipientWalk).apply(opts, (socket) => {
      socket.notifyOutgoingListeners?.(packet);
      writeEvent(socket.client, event, options);
    });
  }
}
