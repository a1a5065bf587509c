import {
  MAX_COUNT_CHANGES_PER_REQUEST,
  type AgeBand,
  type Audience,
  type CountChangeValue,
  type ReachCount,
} from '@coproduce/domain';

/**
 * What a drop-in keeps on the device until the server has it: counts (a tap, or its
 * undo) and what people said. Each has an id made here, which the server uses to apply
 * it once however often it is sent.
 */
export type EntryState =
  /** Kept on the device, not yet acknowledged by the server. */
  | 'waiting'
  /** The server acknowledged it. */
  | 'sent'
  /** The server refused it for good (the event was deleted, the person's role changed). */
  | 'refused';

interface EntryBase {
  /** The client-made id, sent as `clientId`. */
  id: string;
  /** Whose it is: sent only while they are signed in, never as someone else. */
  userId: string;
  workspaceId: string;
  eventId: string;
  /** When it was made, in milliseconds; entries are sent in this order. */
  madeAt: number;
  state: EntryState;
  /** Why the server refused it, in its words. */
  problem?: string;
}

export interface CountEntry extends EntryBase {
  kind: 'count';
  audience: Audience;
  ageBand?: AgeBand;
  change: CountChangeValue;
  /** For an undo: the count it takes back. */
  undoes?: string;
}

export interface FeedbackEntry extends EntryBase {
  kind: 'feedback';
  text: string;
  audience: Audience;
  /** Theme names (the server takes ids or names). */
  themes: string[];
  verbatim: boolean;
}

export type Entry = CountEntry | FeedbackEntry;

/** One request: a batch of one event's counts, or one piece of feedback. */
export type Send =
  | { kind: 'counts'; workspaceId: string; eventId: string; entries: CountEntry[] }
  | { kind: 'feedback'; entry: FeedbackEntry };

/**
 * The next request to make for what is waiting: the oldest entry goes first; when it is
 * a count, the counts of its event that wait go with it, in the order they were made, as
 * many as one request takes.
 */
export function nextSend(entries: readonly Entry[]): Send | null {
  const waiting = entries
    .filter((entry) => entry.state === 'waiting')
    .sort((a, b) => a.madeAt - b.madeAt || (a.id < b.id ? -1 : 1));
  const first = waiting[0];
  if (!first) return null;
  if (first.kind === 'feedback') return { kind: 'feedback', entry: first };
  const batch = waiting
    .filter(
      (entry): entry is CountEntry =>
        entry.kind === 'count' &&
        entry.eventId === first.eventId &&
        entry.workspaceId === first.workspaceId,
    )
    .slice(0, MAX_COUNT_CHANGES_PER_REQUEST);
  return { kind: 'counts', workspaceId: first.workspaceId, eventId: first.eventId, entries: batch };
}

/** Every request to make for what is waiting, in the order `nextSend` would make them. */
export function sendsInOrder(entries: readonly Entry[]): Send[] {
  const sends: Send[] = [];
  let rest = entries.filter((entry) => entry.state === 'waiting');
  for (let send = nextSend(rest); send; send = nextSend(rest)) {
    sends.push(send);
    const taken = new Set(
      send.kind === 'counts' ? send.entries.map((entry) => entry.id) : [send.entry.id],
    );
    rest = rest.filter((entry) => !taken.has(entry.id));
  }
  return sends;
}

/**
 * The sends in turns: a batch of counts alone (an undo must not overtake the tap it takes
 * back, or the count would stop at 0), what people said up to `together` at a time (each
 * is applied once, in any order).
 */
export function sendingTurns(sends: readonly Send[], together: number): Send[][] {
  const turns: Send[][] = [];
  for (const send of sends) {
    const last = turns[turns.length - 1];
    if (send.kind === 'feedback' && last?.[0]?.kind === 'feedback' && last.length < together) {
      last.push(send);
    } else {
      turns.push([send]);
    }
  }
  return turns;
}

/** What to do after a request, from its HTTP status (0 when the server was not reached). */
export type SendOutcome = 'sent' | 'retry' | 'sign-in' | 'refused';

export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 401) return 'sign-in';
  // Not reached, timed out, too many at once, or the server's own trouble: try again.
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}

const FIRST_DELAY_MS = 1_000;
const LONGEST_DELAY_MS = 60_000;

/**
 * How long to wait before trying again after `failures` failed tries in a row: doubling
 * from a second up to a minute, each wait somewhere in its upper half so many devices
 * coming back at once do not all knock together. `random` is in [0, 1).
 */
export function retryDelay(failures: number, random: number = Math.random()): number {
  const ceiling = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export interface QueueSummary {
  /** Kept on the device and not yet acknowledged. */
  waiting: number;
  refused: number;
  sent: number;
  /** Something was made and the server acknowledged every one of them. */
  allSent: boolean;
}

export function summarise(entries: readonly Entry[]): QueueSummary {
  const waiting = entries.filter((entry) => entry.state === 'waiting').length;
  const refused = entries.filter((entry) => entry.state === 'refused').length;
  const sent = entries.filter((entry) => entry.state === 'sent').length;
  return { waiting, refused, sent, allSent: sent > 0 && waiting === 0 && refused === 0 };
}

/** `audience` or `audience/ageBand`: one row of counts. */
export function groupKey(audience: Audience, ageBand?: AgeBand | null): string {
  return ageBand ? `${audience}/${ageBand}` : audience;
}

/**
 * The counts to show: the server's (as last heard) with this device's waiting changes on
 * top, never below 0. Changes already acknowledged are in the server's figures.
 */
export function countsShown(
  reach: readonly ReachCount[],
  entries: readonly Entry[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of reach) counts.set(groupKey(row.audience, row.ageBand), row.count);
  for (const entry of entries) {
    if (entry.kind !== 'count' || entry.state !== 'waiting') continue;
    const key = groupKey(entry.audience, entry.ageBand);
    counts.set(key, Math.max(0, (counts.get(key) ?? 0) + entry.change));
  }
  return counts;
}

/** The latest count made on this device that has not been undone: what "Undo" takes back. */
export function lastUndoable(entries: readonly Entry[]): CountEntry | null {
  const undone = new Set(
    entries.flatMap((entry) => (entry.kind === 'count' && entry.undoes ? [entry.undoes] : [])),
  );
  const counts = entries
    .filter(
      (entry): entry is CountEntry =>
        entry.kind === 'count' &&
        entry.change === 1 &&
        entry.state !== 'refused' &&
        !undone.has(entry.id),
    )
    .sort((a, b) => b.madeAt - a.madeAt || (a.id < b.id ? 1 : -1));
  return counts[0] ?? null;
}
