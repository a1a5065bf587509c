import { MAX_COUNT_CHANGES_PER_REQUEST } from '@coproduce/domain';
import {
  countsShown,
  lastUndoable,
  nextSend,
  outcomeOf,
  retryDelay,
  sendingTurns,
  sendsInOrder,
  summarise,
  type CountEntry,
  type Entry,
  type FeedbackEntry,
} from './outbox';

let made = 0;
const base = (changes: Partial<Entry> = {}) => ({
  id: `entry-${String((made += 1)).padStart(4, '0')}`,
  userId: 'u1',
  workspaceId: 'w1',
  eventId: 'e1',
  madeAt: 1_000 + made,
  state: 'waiting' as const,
  ...changes,
});

const count = (changes: Partial<CountEntry> = {}): CountEntry => ({
  ...base(changes),
  kind: 'count',
  audience: 'parents-and-carers',
  change: 1,
  ...changes,
});

const said = (changes: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
  ...base(changes),
  kind: 'feedback',
  text: 'We want the same worker.',
  audience: 'parents-and-carers',
  themes: [],
  verbatim: false,
  ...changes,
});

describe('what is sent next', () => {
  it('sends nothing when nothing waits', () => {
    expect(nextSend([])).toBeNull();
    expect(nextSend([count({ state: 'sent' }), said({ state: 'refused' })])).toBeNull();
  });

  it('sends the oldest first: feedback alone, counts with the other counts of their event', () => {
    const first = said({ madeAt: 1 });
    const tap1 = count({ madeAt: 2 });
    const tap2 = count({ madeAt: 4, change: -1 });
    const later = said({ madeAt: 3 });
    const elsewhere = count({ madeAt: 5, eventId: 'e2' });
    const entries = [elsewhere, tap2, later, tap1, first];
    expect(nextSend(entries)).toEqual({ kind: 'feedback', entry: first });
    const rest = entries.filter((entry) => entry !== first);
    expect(nextSend(rest)).toEqual({
      kind: 'counts',
      workspaceId: 'w1',
      eventId: 'e1',
      entries: [tap1, tap2],
    });
  });

  it('leaves out what was sent or refused, and sends no more counts at once than a request takes', () => {
    const taps = Array.from({ length: MAX_COUNT_CHANGES_PER_REQUEST + 5 }, () => count());
    const next = nextSend([count({ state: 'sent', madeAt: 0 }), ...taps]);
    expect(next).toMatchObject({ kind: 'counts' });
    expect(next?.kind === 'counts' && next.entries).toEqual(
      taps.slice(0, MAX_COUNT_CHANGES_PER_REQUEST),
    );
  });
});

describe('what an answer means', () => {
  it.each([
    [200, 'sent'],
    [201, 'sent'],
    [0, 'retry'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [401, 'sign-in'],
    [400, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [409, 'refused'],
  ])('%i → %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('waiting before trying again', () => {
  it('doubles from about a second to at most a minute, somewhere in the upper half of each', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelay(failures, 0))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([1, 2, 3, 4].map((failures) => retryDelay(failures, 0.999))).toEqual([
      1_000, 1_999, 3_998, 7_996,
    ]);
    expect(retryDelay(30, 0.999)).toBeLessThanOrEqual(60_000);
    expect(retryDelay(30, 0)).toBe(30_000);
  });
});

describe('how much is sent', () => {
  it('says "all sent" only when something was made and every one was acknowledged', () => {
    expect(summarise([])).toEqual({ waiting: 0, refused: 0, sent: 0, allSent: false });
    expect(summarise([count({ state: 'sent' }), said({ state: 'sent' })]).allSent).toBe(true);
    expect(summarise([count({ state: 'sent' }), said()])).toEqual({
      waiting: 1,
      refused: 0,
      sent: 1,
      allSent: false,
    });
    expect(summarise([count({ state: 'sent' }), said({ state: 'refused' })]).allSent).toBe(false);
  });
});

describe('the counts shown', () => {
  const reach = [
    { audience: 'children-and-young-people' as const, ageBand: '11-15' as const, count: 6 },
    { audience: 'parents-and-carers' as const, count: 4 },
  ];

  it('are the server’s, with what waits on this device on top', () => {
    const shown = countsShown(reach, [
      count(),
      count({ audience: 'children-and-young-people', ageBand: '11-15' }),
      count({ audience: 'professionals' }),
      // Acknowledged already: in the server's figures.
      count({ state: 'sent' }),
      count({ state: 'refused' }),
    ]);
    expect(Object.fromEntries(shown)).toEqual({
      'children-and-young-people/11-15': 7,
      'parents-and-carers': 5,
      professionals: 1,
    });
  });

  it('never go below 0', () => {
    const shown = countsShown(reach, [count({ audience: 'other', change: -1 })]);
    expect(shown.get('other')).toBe(0);
  });
});

describe('undo', () => {
  it('takes back this device’s latest count not yet taken back, then the one before', () => {
    const first = count({ madeAt: 10 });
    const second = count({ madeAt: 20, audience: 'professionals' });
    expect(lastUndoable([first, second])).toBe(second);
    const undone = count({ madeAt: 30, change: -1, audience: 'professionals', undoes: second.id });
    expect(lastUndoable([first, second, undone])).toBe(first);
    const both = count({ madeAt: 40, change: -1, undoes: first.id });
    expect(lastUndoable([first, second, undone, both])).toBeNull();
  });

  it('never takes back a count the server refused', () => {
    expect(lastUndoable([count({ state: 'refused' })])).toBeNull();
  });
});

describe('sending a long queue', () => {
  it('makes every request from one reading, as nextSend would one at a time', () => {
    const entries = [
      count(),
      said(),
      count(),
      said(),
      said({ state: 'sent' }),
      count({ eventId: 'e2' }),
    ];
    const sends = sendsInOrder(entries);
    expect(sends.map((send) => (send.kind === 'counts' ? send.entries.length : 'said'))).toEqual([
      2,
      'said',
      'said',
      1,
    ]);
    let rest = [...entries];
    for (const send of sends) {
      expect(nextSend(rest)).toEqual(send);
      const ids = send.kind === 'counts' ? send.entries.map((entry) => entry.id) : [send.entry.id];
      rest = rest.map((entry) => (ids.includes(entry.id) ? { ...entry, state: 'sent' } : entry));
    }
    expect(nextSend(rest)).toBeNull();
  });

  it('sends what people said a few at a time, and counts alone, in order', () => {
    const sends = sendsInOrder([said(), said(), said(), count(), said(), said()]);
    expect(sendingTurns(sends, 2).map((turn) => turn.map((send) => send.kind))).toEqual([
      ['feedback', 'feedback'],
      ['feedback'],
      ['counts'],
      ['feedback', 'feedback'],
    ]);
  });
});
