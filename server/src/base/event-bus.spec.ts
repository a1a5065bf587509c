import { EventBus, type CoproduceEventName, type EventBridge, type PlainData } from './event-bus';

// Events of a made-up feature, declared the way a real one declares its own.
declare module './event-bus' {
  interface CoproduceEvents {
    'thread.resolved': { threadId: string; by: string };
    'version.published': { specificationId: string; number: number };
  }
}

function quietBus(): { bus: EventBus; failures: string[] } {
  const bus = new EventBus();
  const failures: string[] = [];
  jest.spyOn(bus['logger'], 'error').mockImplementation((message: unknown) => {
    failures.push(String(message));
  });
  return { bus, failures };
}

/** Two nodes joined the way a real bridge (socket.io's server-side emit) would join them. */
function linkedNodes(): [EventBus, EventBus] {
  const nodes = [new EventBus(), new EventBus()] as const;
  const deliverTo: ((event: CoproduceEventName, payload: PlainData) => void)[] = [];
  nodes.forEach((node, index) => {
    const bridge: EventBridge = {
      // Through JSON, as over the wire: a payload that did not survive it would show.
      send: (event, payload) =>
        deliverTo[1 - index](event, JSON.parse(JSON.stringify(payload)) as PlainData),
      receive: (deliver) => {
        deliverTo[index] = deliver;
      },
    };
    node.installBridge(bridge);
  });
  return [nodes[0], nodes[1]];
}

describe('the event bus', () => {
  it('hands each subscriber the payloads of the event it subscribed to, and no other', () => {
    const { bus } = quietBus();
    const resolved: string[] = [];
    const published: number[] = [];
    bus.subscribe('thread.resolved', ({ threadId }) => {
      resolved.push(threadId);
    });
    bus.subscribe('version.published', ({ number }) => {
      published.push(number);
    });

    bus.publish('thread.resolved', { threadId: 't1', by: 'u1' });
    bus.publish('version.published', { specificationId: 's1', number: 3 });

    expect(resolved).toEqual(['t1']);
    expect(published).toEqual([3]);
  });

  it('has called every handler by the time publish returns', () => {
    const { bus } = quietBus();
    const calls: string[] = [];
    bus.subscribe('thread.resolved', () => {
      calls.push('first');
    });
    bus.subscribe('thread.resolved', () => {
      calls.push('second');
    });
    bus.publish('thread.resolved', { threadId: 't1', by: 'u1' });
    expect(calls).toEqual(['first', 'second']);
  });

  it('publishing with nobody listening is fine', () => {
    const { bus } = quietBus();
    expect(() =>
      bus.publish('version.published', { specificationId: 's1', number: 1 }),
    ).not.toThrow();
  });

  it('stops handing events to a handler once it unsubscribes', () => {
    const { bus } = quietBus();
    const seen: string[] = [];
    const unsubscribe = bus.subscribe('thread.resolved', ({ threadId }) => {
      seen.push(threadId);
    });
    bus.publish('thread.resolved', { threadId: 't1', by: 'u1' });
    unsubscribe();
    unsubscribe();
    bus.publish('thread.resolved', { threadId: 't2', by: 'u1' });
    expect(seen).toEqual(['t1']);
  });

  it('subscribing the same function twice delivers twice, and each unsubscribe ends one', () => {
    const { bus } = quietBus();
    const seen: string[] = [];
    const record = ({ threadId }: { threadId: string }) => {
      seen.push(threadId);
    };
    const unsubscribeFirst = bus.subscribe('thread.resolved', record);
    bus.subscribe('thread.resolved', record);
    bus.publish('thread.resolved', { threadId: 't1', by: 'u1' });
    unsubscribeFirst();
    bus.publish('thread.resolved', { threadId: 't2', by: 'u1' });
    expect(seen).toEqual(['t1', 't1', 't2']);
  });

  it('a handler unsubscribed by another during an event does not get that event', () => {
    const { bus } = quietBus();
    const seen: string[] = [];
    bus.subscribe('thread.resolved', () => {
      seen.push('first');
      unsubscribeSecond();
    });
    const unsubscribeSecond = bus.subscribe('thread.resolved', () => {
      seen.push('second');
    });
    bus.publish('thread.resolved', { threadId: 't1', by: 'u1' });
    expect(seen).toEqual(['first']);
  });

  it('a handler that throws is logged; the publisher and the other handlers carry on', () => {
    const { bus, failures } = quietBus();
    const seen: string[] = [];
    bus.subscribe('thread.resolved', () => {
      throw new Error('comments are down');
    });
    bus.subscribe('thread.resolved', ({ threadId }) => {
      seen.push(threadId);
    });

    expect(() => bus.publish('thread.resolved', { threadId: 't1', by: 'u1' })).not.toThrow();
    bus.publish('thread.resolved', { threadId: 't2', by: 'u1' });

    expect(seen).toEqual(['t1', 't2']);
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('thread.resolved');
    expect(failures[0]).toContain('comments are down');
  });

  it('a handler that rejects is logged, and nothing is left unhandled', async () => {
    const { bus, failures } = quietBus();
    const seen: string[] = [];
    bus.subscribe('version.published', async () => {
      await Promise.resolve();
      throw new Error('render failed');
    });
    bus.subscribe('version.published', ({ specificationId }) => {
      seen.push(specificationId);
    });

    bus.publish('version.published', { specificationId: 's1', number: 1 });
    await new Promise((resolve) => setImmediate(resolve));

    expect(seen).toEqual(['s1']);
    expect(failures).toEqual([expect.stringContaining('render failed')]);
  });

  it('hands every handler events in the order they were published, even one a handler publishes', () => {
    const { bus } = quietBus();
    const first: string[] = [];
    const second: string[] = [];
    bus.subscribe('thread.resolved', ({ threadId }) => {
      first.push(threadId);
      // Reacting to one event by publishing another must not overtake the first.
      if (threadId === 't1') bus.publish('thread.resolved', { threadId: 't2', by: 'bot' });
    });
    bus.subscribe('thread.resolved', ({ threadId }) => {
      second.push(threadId);
    });

    bus.publish('thread.resolved', { threadId: 't1', by: 'u1' });

    expect(first).toEqual(['t1', 't2']);
    expect(second).toEqual(['t1', 't2']);
  });

  it('calls handlers in the order they subscribed', () => {
    const { bus } = quietBus();
    const calls: number[] = [];
    for (const n of [1, 2, 3]) {
      bus.subscribe('version.published', () => {
        calls.push(n);
      });
    }
    bus.publish('version.published', { specificationId: 's1', number: 1 });
    expect(calls).toEqual([1, 2, 3]);
  });

  it('through a bridge, delivers to the other node as well, once, and not back', () => {
    const [here, there] = linkedNodes();
    const seenHere: string[] = [];
    const seenThere: string[] = [];
    here.subscribe('thread.resolved', ({ threadId }) => {
      seenHere.push(threadId);
    });
    there.subscribe('thread.resolved', ({ threadId, by }) => {
      seenThere.push(`${threadId} by ${by}`);
    });

    here.publish('thread.resolved', { threadId: 't1', by: 'u1' });

    expect(seenHere).toEqual(['t1']);
    expect(seenThere).toEqual(['t1 by u1']);
  });

  it('a bridge that fails is logged; the publisher and this node’s handlers carry on', () => {
    const { bus, failures } = quietBus();
    const seen: string[] = [];
    bus.installBridge({
      send: () => {
        throw new Error('the other nodes are unreachable');
      },
      receive: () => undefined,
    });
    bus.subscribe('thread.resolved', ({ threadId }) => {
      seen.push(threadId);
    });

    expect(() => bus.publish('thread.resolved', { threadId: 't1', by: 'u1' })).not.toThrow();

    expect(seen).toEqual(['t1']);
    expect(failures).toEqual([expect.stringContaining('the other nodes are unreachable')]);
  });

  it('takes one bridge only', () => {
    const bus = new EventBus();
    const bridge: EventBridge = { send: () => undefined, receive: () => undefined };
    bus.installBridge(bridge);
    expect(() => bus.installBridge(bridge)).toThrow('already installed');
  });
});
