import { Global, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';

/**
 * Every event a feature publishes, by name. Empty here: the feature that owns an
 * event declares it, so base names none of them.
 *
 * @example
 * declare module '../../base/event-bus' {
 *   interface CoproduceEvents {
 *     'membership.changed': MembershipChange;
 *   }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface CoproduceEvents {}

export type CoproduceEventName = keyof CoproduceEvents;

export type EventHandler<E extends CoproduceEventName> = (
  payload: CoproduceEvents[E],
) => void | Promise<void>;

/**
 * What a payload may hold: what survives JSON, so a bridge can carry it to
 * another node unchanged (ids as strings, dates as ISO strings, no documents).
 */
export type PlainData =
  | string
  | number
  | boolean
  | null
  | readonly PlainData[]
  | { readonly [key: string]: PlainData | undefined };

/**
 * The seam for several app nodes. Installed on the bus, a bridge is handed every
 * event published on this node, to carry to the others (over socket.io's
 * server-side emit, say), and gives the bus the events the others published.
 * With none installed, as today, events stay on this node.
 */
export interface EventBridge {
  /** Carry an event published on this node to every other node, not back to this one. */
  send(event: CoproduceEventName, payload: PlainData): void;
  /** Call `deliver` with each event another node published. */
  receive(deliver: (event: CoproduceEventName, payload: PlainData) => void): void;
}

/** One call of `subscribe`: the same function subscribed twice is two subscriptions. */
type Subscription = { handler: (payload: never) => void | Promise<void> };

/**
 * How features hear what happened elsewhere without importing each other: the
 * workspaces module publishes `membership.changed`, the collab module subscribes.
 *
 * Delivery is synchronous: when `publish` returns, every handler has been called
 * (what a handler then awaits runs on). Only an event published by a handler waits,
 * until the event being delivered has reached every handler: so each handler gets
 * events in the order they were published. A handler that throws or rejects is
 * logged; the publisher and the other handlers carry on.
 */
@Injectable()
export class EventBus implements OnModuleDestroy {
  private readonly logger = new Logger(EventBus.name);
  private readonly subscriptions = new Map<CoproduceEventName, Set<Subscription>>();
  private readonly queue: { event: CoproduceEventName; payload: unknown }[] = [];
  private delivering = false;
  private bridge: EventBridge | undefined;

  /** Delivers `payload` to this node's handlers and, through a bridge, to the other nodes'. */
  publish<E extends CoproduceEventName>(event: E, payload: CoproduceEvents[E]): void {
    this.deliver(event, payload);
    if (!this.bridge) return;
    try {
      // Fails to compile if a feature declares a payload that is not plain data.
      this.bridge.send(event, payload);
    } catch (error) {
      // Other nodes missing an event must not undo what this node has done.
      this.reportFailure(`sending ${event} to the other nodes`, error);
    }
  }

  /** Returns the function that unsubscribes `handler`. */
  subscribe<E extends CoproduceEventName>(event: E, handler: EventHandler<E>): () => void {
    let subscriptions = this.subscriptions.get(event);
    if (!subscriptions) {
      subscriptions = new Set();
      this.subscriptions.set(event, subscriptions);
    }
    const subscription: Subscription = { handler };
    subscriptions.add(subscription);
    return () => {
      subscriptions.delete(subscription);
    };
  }

  /** Connects this node to the others; at most one bridge. */
  installBridge(bridge: EventBridge): void {
    if (this.bridge) throw new Error('An event bridge is already installed');
    this.bridge = bridge;
    bridge.receive((event, payload) => this.deliver(event, payload));
  }

  onModuleDestroy(): void {
    this.subscriptions.clear();
  }

  /** Hands the event to this node's handlers only. */
  private deliver(event: CoproduceEventName, payload: unknown): void {
    this.queue.push({ event, payload });
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const subscriptions = this.subscriptions.get(next.event);
        if (!subscriptions) continue;
        // A handler that unsubscribes another during this event stops it at once;
        // one subscribed during it starts with the next event.
        for (const subscription of [...subscriptions]) {
          if (subscriptions.has(subscription)) this.call(next.event, subscription, next.payload);
        }
      }
    } finally {
      this.delivering = false;
    }
  }

  private call(event: CoproduceEventName, { handler }: Subscription, payload: unknown): void {
    try {
      const done = handler(payload as never);
      if (done instanceof Promise) {
        done.catch((error: unknown) => this.reportFailure(`a handler of ${event}`, error));
      }
    } catch (error) {
      this.reportFailure(`a handler of ${event}`, error);
    }
  }

  private reportFailure(what: string, error: unknown): void {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(`${what} failed: ${reason}`);
  }
}

/** The one event bus of the app, for every module to inject. */
@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventBusModule {}
