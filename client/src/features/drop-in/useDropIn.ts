import type {
  AgeBand,
  Audience,
  EngagementEvent,
  FeedbackTheme,
  WorkspaceDetail,
} from '@coproduce/domain';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { isApiError, type ApiError } from '../../api/api-error';
import { apiRequest, segment } from '../../api/request';
import { getWorkspace } from '../../api/workspaces';
import { may } from '../workspace/permissions';
import {
  entriesOf,
  keepEntry,
  keepEvent,
  keptEvent,
  keptEventKey,
  removeEntry,
  type KeptEvent,
} from './drop-in-store';
import { GATHER_MS, senderFor, type SenderSnapshot } from './drop-in-sender';
import { lastUndoable, type CountEntry, type Entry, type FeedbackEntry } from './outbox';

export type EventLoad =
  | { state: 'loading' }
  | { state: 'ready'; event: KeptEvent }
  /** Not reachable now and never opened on this device before. */
  | { state: 'offline-unknown' }
  | { state: 'not-found' }
  | { state: 'failed'; error: ApiError };

export interface NewFeedback {
  audience: Audience;
  themes: string[];
  text: string;
  verbatim: boolean;
}

export interface DropIn {
  load: EventLoad;
  /** This event's entries made on this device, oldest first; null until read. */
  entries: Entry[] | null;
  sender: SenderSnapshot;
  /** Set when the server said the session has ended while loading the event. */
  signedOut: boolean;
  count(audience: Audience, ageBand?: AgeBand): Promise<CountEntry>;
  undo(): Promise<CountEntry | null>;
  giveFeedback(feedback: NewFeedback): Promise<FeedbackEntry>;
  /** Takes a refused entry off the device. */
  remove(id: string): Promise<void>;
}

/** 128 random bits as 22 letters, digits, - and _: the entry's id, made on the device. */
export function newEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function fetchEvent(
  workspaceId: string,
  eventId: string,
  userId: string,
): Promise<KeptEvent> {
  const base = `/workspaces/${segment(workspaceId)}`;
  const [workspace, event] = await Promise.all([
    getWorkspace(workspaceId),
    apiRequest<EngagementEvent>('GET', `${base}/engagement-events/${segment(eventId)}`),
  ]);
  const themes = may(workspace, 'feedback.read')
    ? await apiRequest<FeedbackTheme[]>('GET', `${base}/feedback-themes`)
    : [];
  return keptFrom(workspace, event, themes, userId);
}

function keptFrom(
  workspace: WorkspaceDetail,
  event: EngagementEvent,
  themes: FeedbackTheme[],
  userId: string,
): KeptEvent {
  return {
    key: keptEventKey(userId, event.id),
    userId,
    workspaceId: workspace.id,
    eventId: event.id,
    title: event.title,
    type: event.type,
    startsAt: event.startsAt,
    place: event.place,
    reach: event.reach,
    total: event.total,
    themes: themes.map(({ id, name }) => ({ id, name })),
    mayCount: may(workspace, 'engagement.manage'),
    mayGiveFeedback: may(workspace, 'feedback.give'),
    keptAt: Date.now(),
  };
}

/**
 * One person's drop-in at one event: what the page shows (the event as last heard, with
 * this device's waiting counts on top) and what it does. Everything is written to the
 * device first and sent by the person's sender; the event is read again whenever the
 * connection comes back.
 */
export function useDropIn(workspaceId: string, eventId: string, userId: string): DropIn {
  const sender = useMemo(() => senderFor(userId), [userId]);
  const senderState = useSyncExternalStore(sender.subscribe, sender.snapshot);
  const [load, setLoad] = useState<EventLoad>({ state: 'loading' });
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  const readDevice = useCallback(async () => {
    const [all, kept] = await Promise.all([entriesOf(userId), keptEvent(userId, eventId)]);
    setEntries(
      all
        .filter((entry) => entry.eventId === eventId && entry.workspaceId === workspaceId)
        .sort((a, b) => a.madeAt - b.madeAt),
    );
    if (kept && kept.workspaceId === workspaceId) setLoad({ state: 'ready', event: kept });
    return kept;
  }, [userId, eventId, workspaceId]);

  // What is kept on the device changed (sent, refused, counts heard back): read it again.
  useEffect(() => {
    void readDevice();
  }, [readDevice, senderState.version]);

  // The event from the server, when it can be reached; the copy on the device otherwise.
  useEffect(() => {
    let stale = false;
    const refresh = async () => {
      try {
        const fresh = await fetchEvent(workspaceId, eventId, userId);
        if (stale) return;
        await keepEvent(fresh);
        setSignedOut(false);
        await readDevice();
      } catch (error) {
        if (stale) return;
        const kept = await readDevice();
        if (!isApiError(error) || error.status === 0 || error.status >= 500) {
          if (!kept) {
            setLoad(
              isApiError(error) && error.status >= 500
                ? { state: 'failed', error }
                : { state: 'offline-unknown' },
            );
          }
        } else if (error.isUnauthenticated) {
          setSignedOut(true);
          if (!kept) setLoad({ state: 'failed', error });
        } else if (error.status === 404 || error.status === 403) {
          setLoad({ state: 'not-found' });
        } else {
          setLoad({ state: 'failed', error });
        }
      }
    };
    void refresh();
    sender.sendNow();
    const whenOnline = () => void refresh();
    window.addEventListener('online', whenOnline);
    return () => {
      stale = true;
      window.removeEventListener('online', whenOnline);
    };
  }, [workspaceId, eventId, userId, readDevice, sender]);

  const base = useCallback(
    () => ({ userId, workspaceId, eventId, madeAt: Date.now(), state: 'waiting' as const }),
    [userId, workspaceId, eventId],
  );

  const keep = useCallback(
    async <T extends Entry>(entry: T, gather: number): Promise<T> => {
      await keepEntry(entry);
      await readDevice();
      sender.entryKept(gather);
      return entry;
    },
    [readDevice, sender],
  );

  return {
    load,
    entries,
    sender: senderState,
    signedOut: signedOut || senderState.status === 'sign-in',
    count: (audience, ageBand) =>
      keep<CountEntry>(
        {
          ...base(),
          id: newEntryId(),
          kind: 'count',
          audience,
          ...(ageBand ? { ageBand } : {}),
          change: 1,
        },
        GATHER_MS,
      ),
    undo: async () => {
      const last = lastUndoable(entries ?? []);
      if (!last) return null;
      return keep<CountEntry>(
        {
          ...base(),
          id: newEntryId(),
          kind: 'count',
          audience: last.audience,
          ...(last.ageBand ? { ageBand: last.ageBand } : {}),
          change: -1,
          undoes: last.id,
        },
        GATHER_MS,
      );
    },
    giveFeedback: (feedback) =>
      keep<FeedbackEntry>({ ...base(), id: newEntryId(), kind: 'feedback', ...feedback }, 0),
    remove: async (id) => {
      await removeEntry(id);
      await readDevice();
    },
  };
}
