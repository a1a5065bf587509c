import type { CreateFeedbackRequest, RecordCountsRequest, RecordedCounts } from '@coproduce/domain';
import { isApiError } from '../../api/api-error';
import { apiRequest, segment } from '../../api/request';
import { fetchCurrentUser } from '../../api/session';
import { countsAcknowledged, entriesOf, settleEntries } from './drop-in-store';
import {
  outcomeOf,
  retryDelay,
  sendingTurns,
  sendsInOrder,
  type Send,
  type SendOutcome,
} from './outbox';

/** How many things people said go to the server at once. */
const SENT_TOGETHER = 4;

export type SenderStatus =
  /** Nothing is being sent: all is sent, or nothing was made. */
  | 'idle'
  | 'sending'
  /** The last try failed (no connection, or the server's trouble): another is due. */
  | 'waiting-to-retry'
  /** The person's session has ended: what waits goes once they sign in again. */
  | 'sign-in'
  /** Someone else is signed in on this browser: nothing is sent as them. */
  | 'someone-else';

export interface SenderSnapshot {
  status: SenderStatus;
  /** When the next try is due (ms), while waiting to retry. */
  nextTryAt: number | null;
  /** Goes up whenever what is kept on the device may have changed. */
  version: number;
}

/** Taps come in bursts: wait this long after one so a burst goes in one request. */
export const GATHER_MS = 1_500;

/**
 * Sends one person's waiting drop-in entries, oldest first, whenever the connection
 * allows: at once when a page asks, when the browser says it is back online, and after a
 * failure again and again with a growing wait. Each entry carries its own id, so sending
 * one again after a lost answer never makes a duplicate. It sends only while that same
 * person is signed in.
 */
export class DropInSender {
  private snapshotNow: SenderSnapshot = { status: 'idle', nextTryAt: null, version: 0 };
  private readonly listeners = new Set<() => void>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;
  private running = false;
  private runAgain = false;

  constructor(readonly userId: string) {
    window.addEventListener('online', () => this.sendNow());
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SenderSnapshot => this.snapshotNow;

  /** Something was kept on the device: send it soon (after `delay`, unless a try is due sooner). */
  entryKept(delay = 0): void {
    this.changed();
    if (this.snapshotNow.status === 'waiting-to-retry') return;
    this.schedule(delay);
  }

  /** Try now, whatever the last failure said: back online, or signed in again. */
  sendNow(): void {
    this.failures = 0;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    const due = Date.now() + delay;
    if (this.timer !== undefined && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = true;
    try {
      await this.sendWhatWaits();
    } finally {
      this.running = false;
      if (this.runAgain) {
        this.runAgain = false;
        if (this.snapshotNow.status === 'idle') this.schedule(0);
      }
    }
  }

  private async sendWhatWaits(): Promise<void> {
    let sends = sendsInOrder(await entriesOf(this.userId));
    if (sends.length === 0) return this.set('idle');
    // Once a round: the entries go as their own person, never as whoever is signed in now.
    try {
      const user = await fetchCurrentUser();
      if (!user) return this.set('sign-in');
      if (user.id !== this.userId) return this.set('someone-else');
    } catch (error) {
      return this.failed(isApiError(error) ? error.status : 0);
    }
    // What waits is read once a pass, not once a request: a long queue costs one read.
    while (sends.length > 0) {
      this.set('sending');
      for (const turn of sendingTurns(sends, SENT_TOGETHER)) {
        const outcomes = await Promise.all(turn.map((send) => this.attempt(send)));
        if (outcomes.includes('sign-in')) return this.set('sign-in');
        if (outcomes.includes('retry')) return this.failed(0);
        this.failures = 0;
        this.changed();
      }
      sends = sendsInOrder(await entriesOf(this.userId));
    }
    this.set('idle');
  }

  private failed(status: number): void {
    this.failures += 1;
    const delay = retryDelay(this.failures);
    this.set(status === 401 ? 'sign-in' : 'waiting-to-retry', Date.now() + delay);
    if (status !== 401) this.schedule(delay);
  }

  /** Makes one request and keeps what came of it. */
  private async attempt(send: Send): Promise<SendOutcome> {
    const ids = send.kind === 'counts' ? send.entries.map((entry) => entry.id) : [send.entry.id];
    try {
      if (send.kind === 'counts') {
        const request: RecordCountsRequest = {
          changes: send.entries.map((entry) => ({
            clientId: entry.id,
            audience: entry.audience,
            ...(entry.ageBand ? { ageBand: entry.ageBand } : {}),
            change: entry.change,
          })),
        };
        const answer = await apiRequest<RecordedCounts>(
          'POST',
          `/workspaces/${segment(send.workspaceId)}/engagement-events/${segment(send.eventId)}/counts`,
          request,
        );
        await countsAcknowledged(this.userId, send.eventId, answer.changes, answer);
      } else {
        const { entry } = send;
        const request: CreateFeedbackRequest = {
          eventId: entry.eventId,
          text: entry.text,
          verbatim: entry.verbatim,
          audience: entry.audience,
          themes: entry.themes,
          clientId: entry.id,
        };
        await apiRequest('POST', `/workspaces/${segment(entry.workspaceId)}/feedback`, request);
        await settleEntries(ids, 'sent');
      }
      return 'sent';
    } catch (error) {
      const status = isApiError(error) ? error.status : 0;
      const outcome = outcomeOf(status);
      if (outcome === 'refused') {
        await settleEntries(ids, 'refused', isApiError(error) ? error.message : undefined);
      }
      return outcome;
    }
  }

  private set(status: SenderStatus, nextTryAt: number | null = null): void {
    this.snapshotNow = { ...this.snapshotNow, status, nextTryAt };
    this.changed();
  }

  private changed(): void {
    this.snapshotNow = { ...this.snapshotNow, version: this.snapshotNow.version + 1 };
    for (const listener of this.listeners) listener();
  }
}

const senders = new Map<string, DropInSender>();

/** One sender per person for the whole tab, however often the page opens. */
export function senderFor(userId: string): DropInSender {
  let sender = senders.get(userId);
  if (!sender) {
    sender = new DropInSender(userId);
    senders.set(userId, sender);
  }
  return sender;
}

/**
 * When someone is signed in anywhere in the app: sends what they left waiting at a drop-in
 * (the tab closed offline, or their session ended), without their opening the page again.
 */
export async function sendWhatWaitsFor(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const entries = await entriesOf(userId);
  if (entries.some((entry) => entry.state === 'waiting')) senderFor(userId).sendNow();
}
