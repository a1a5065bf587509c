import { Logger } from '@nestjs/common';
import { decodeFrame, Y } from '@coproduce/protocol';
import type { DocumentChannel } from './document-channel';
import { UpdateRelay } from './update-relay';

interface Sent {
  text: string;
  except: string | undefined;
}

/** A channel that records a member's text after each broadcast reached them. */
function recordingChannel(): { channel: DocumentChannel; sent: Sent[] } {
  const sent: Sent[] = [];
  const member = new Y.Doc();
  const channel: DocumentChannel = {
    broadcast: (_event, args, except) => {
      const frame = decodeFrame(args[1] as Uint8Array);
      if (frame.kind !== 'update') throw new Error(`relayed a ${frame.kind} frame`);
      Y.applyUpdate(member, frame.update);
      sent.push({ text: member.getText('t').toString(), except });
    },
  };
  return { channel, sent };
}

/** Typing `text` at the end of a shared document, as one update. */
function typing(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | undefined;
  const take = (u: Uint8Array): void => {
    update = u;
  };
  doc.on('update', take);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', take);
  return update!;
}

const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('UpdateRelay', () => {
  it('sends the first update of a turn at once, to everyone but its sender', () => {
    const { channel, sent } = recordingChannel();
    const relay = new UpdateRelay('spec', channel);
    relay.relay(typing(new Y.Doc(), 'a'), 'alice');
    expect(sent).toEqual([{ text: 'a', except: 'alice' }]);
  });

  it("merges the rest of a turn's updates into one message at its end", async () => {
    const { channel, sent } = recordingChannel();
    const relay = new UpdateRelay('spec', channel);
    const doc = new Y.Doc();
    relay.relay(typing(doc, 'a'), 'alice');
    relay.relay(typing(doc, 'b'), 'alice');
    relay.relay(typing(doc, 'c'), 'alice');
    expect(sent).toHaveLength(1);
    await endOfTurn();
    // Only the updates after the first, and from one sender: it is skipped.
    expect(sent).toEqual([
      { text: 'a', except: 'alice' },
      { text: 'abc', except: 'alice' },
    ]);
  });

  it('sends merged updates from several members to everyone', async () => {
    const { channel, sent } = recordingChannel();
    const relay = new UpdateRelay('spec', channel);
    const doc = new Y.Doc();
    relay.relay(typing(doc, 'a'), 'alice');
    relay.relay(typing(doc, 'b'), 'bob');
    relay.relay(typing(doc, 'c'), 'alice');
    await endOfTurn();
    expect(sent[1]).toEqual({ text: 'abc', except: undefined });
  });

  it('sends at once again in the next turn', async () => {
    const { channel, sent } = recordingChannel();
    const relay = new UpdateRelay('spec', channel);
    const doc = new Y.Doc();
    relay.relay(typing(doc, 'a'), 'alice');
    await endOfTurn();
    relay.relay(typing(doc, 'b'), 'bob');
    expect(sent).toEqual([
      { text: 'a', except: 'alice' },
      { text: 'ab', except: 'bob' },
    ]);
  });

  it('logs a failed broadcast instead of throwing into the update that caused it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      let fail = true;
      const { channel, sent } = recordingChannel();
      const flaky: DocumentChannel = {
        broadcast: (event, args, except) => {
          if (fail) throw new Error('socket gone');
          channel.broadcast(event, args, except);
        },
      };
      const relay = new UpdateRelay('spec', flaky);
      expect(() => relay.relay(typing(new Y.Doc(), 'a'), 'alice')).not.toThrow();
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('socket gone'));
      fail = false;
      await endOfTurn();
      relay.relay(typing(new Y.Doc(), 'b'), 'alice');
      expect(sent).toEqual([{ text: 'b', except: 'alice' }]);
    } finally {
      logged.mockRestore();
    }
  });
});
