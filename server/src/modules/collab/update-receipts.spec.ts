import { UpdateReceipts } from './update-receipts';

describe('UpdateReceipts', () => {
  it('counts a frame saved once the updates applied by its time are written', () => {
    const receipts = new UpdateReceipts();
    receipts.joined('steering');
    receipts.handled('steering', 1);
    receipts.handled('steering', 3);
    expect(receipts.takeOwed()).toEqual([]);

    receipts.writtenThrough(2);
    expect(receipts.takeOwed()).toEqual([['steering', 1]]);
    receipts.writtenThrough(3);
    expect(receipts.takeOwed()).toEqual([['steering', 2]]);
    expect(receipts.takeOwed()).toEqual([]);
  });

  it('a frame with nothing new is saved at once when nothing earlier is waiting', () => {
    const receipts = new UpdateReceipts();
    receipts.joined('expert');
    receipts.writtenThrough(4);
    receipts.handled('expert', 4);
    expect(receipts.takeOwed()).toEqual([['expert', 1]]);
  });

  it('stops at a refused frame: nothing after it is counted saved', () => {
    const receipts = new UpdateReceipts();
    receipts.joined('steering');
    receipts.handled('steering', 1);
    receipts.refused('steering');
    receipts.handled('steering', 2);
    receipts.writtenThrough(2);
    expect(receipts.takeOwed()).toEqual([['steering', 1]]);
    receipts.writtenThrough(10);
    expect(receipts.takeOwed()).toEqual([]);
  });

  it('keeps each connection apart and starts a rejoining one from zero', () => {
    const receipts = new UpdateReceipts();
    receipts.joined('a');
    receipts.joined('b');
    receipts.handled('a', 1);
    receipts.handled('b', 2);
    receipts.writtenThrough(1);
    expect(receipts.takeOwed()).toEqual([['a', 1]]);

    receipts.joined('a');
    receipts.handled('a', 2);
    receipts.writtenThrough(2);
    expect(receipts.takeOwed()).toEqual([
      ['a', 1],
      ['b', 1],
    ]);

    receipts.left('b');
    receipts.handled('b', 5);
    expect(receipts.takeOwed()).toEqual([]);
  });

  it('names the connections still waiting for a write', () => {
    const receipts = new UpdateReceipts();
    receipts.joined('a');
    receipts.joined('b');
    receipts.handled('a', 1);
    receipts.handled('b', 0);
    expect(receipts.waitingConnections()).toEqual(['a']);
    receipts.writtenThrough(1);
    expect(receipts.waitingConnections()).toEqual([]);
  });
});
