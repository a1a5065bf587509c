import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Anchor, CommentPerson, CommentThread } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { CommentComposer } from './CommentComposer';
import type { ThreadActions } from './comment-queries';
import { neighbour, panelCommand } from './thread-navigation';
import { filterCounts, matchesFilter, THREAD_FILTERS, type ThreadFilter } from './thread-filters';
import { ThreadCard, type ThreadCardHandle } from './ThreadCard';

/** A selection someone is starting a thread on. */
export interface ThreadDraft {
  anchor: Anchor;
  quote: string;
}

interface Props {
  /** In document order; undefined while loading. */
  threads: readonly CommentThread[] | undefined;
  loadError: unknown;
  userId: string;
  mayComment: boolean;
  mayResolveAny: boolean;
  mayResolveOwn: boolean;
  people: readonly CommentPerson[];
  actions: ThreadActions;
  selectedId: string | null;
  onSelect: (threadId: string) => void;
  draft: ThreadDraft | null;
  onDraftDone: (thread: CommentThread | null) => void;
  /** Escape: back to the thread's text in the editor. */
  onBackToText: (threadId: string | null) => void;
  /** Puts the panel away, giving the text its width. */
  onHide?: () => void;
}

const HINT_ID = 'comment-threads-keys';

/**
 * The specification's comment threads beside the text: filters with counts, a thread
 * per card in document order, and the box for a new thread. Keyboard: Alt+Up/Alt+Down
 * (or k/j) move between threads, Enter on a thread replies, Escape goes back to the text.
 */
export function CommentsPanel({
  threads,
  loadError,
  userId,
  mayComment,
  mayResolveAny,
  mayResolveOwn,
  people,
  actions,
  selectedId,
  onSelect,
  draft,
  onDraftDone,
  onBackToText,
  onHide,
}: Props) {
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const cards = useRef(new Map<string, ThreadCardHandle>());
  const all = threads ?? [];
  const shown = all.filter((thread) => matchesFilter(thread, filter, userId));
  const counts = filterCounts(all, userId);
  const selected = all.find((thread) => thread.id === selectedId);

  // A thread chosen in the text (or by a link) is shown even when the filter would hide it.
  useEffect(() => {
    if (!selected || matchesFilter(selected, filter, userId)) return;
    setFilter(selected.status);
  }, [selected, filter, userId]);

  useEffect(() => {
    if (!selectedId) return;
    const card = document.querySelector(
      `.coproduce-thread[data-thread-id="${CSS.escape(selectedId)}"]`,
    );
    // Chosen from inside the card (pressing one of its buttons selects it): it is in view
    // already, and scrolling now would move the button from under the pointer before the
    // press ends, losing the click.
    if (card?.contains(document.activeElement)) return;
    card?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, filter]);

  const move = (direction: 'next' | 'previous') => {
    const current = shown.findIndex((thread) => thread.id === selectedId);
    const target = shown[neighbour(direction, current, shown.length)];
    if (!target) return;
    onSelect(target.id);
    cards.current.get(target.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const command = panelCommand(event, {
      writing: target.matches('textarea, input, select'),
      onThread: target.matches('.coproduce-thread'),
    });
    if (!command) return;
    event.preventDefault();
    if (command === 'next' || command === 'previous') move(command);
    else if (command === 'back-to-text') onBackToText(selectedId);
    else if (selectedId) cards.current.get(selectedId)?.openReply();
  };

  const mayResolve = (thread: CommentThread) =>
    mayResolveAny || (mayResolveOwn && thread.createdBy.id === userId);

  return (
    <section
      className="coproduce-comments"
      aria-labelledby="comment-threads-heading"
      onKeyDown={onKeyDown}
    >
      <div className="coproduce-comments__header">
        <h2 id="comment-threads-heading" className="nhsuk-heading-xs">
          Comments
        </h2>
        {onHide && (
          <button type="button" className="coproduce-comments__hide" onClick={onHide}>
            Hide comments
          </button>
        )}
      </div>
      {draft && mayComment && (
        <div className="coproduce-comments__new">
          <CommentComposer
            label="New comment"
            hint={`On “${draft.quote}”`}
            submitText="Comment"
            busyText="Sending…"
            people={people}
            pending={actions.start.isPending}
            failure={actions.start.error}
            autoFocus
            onCancel={() => onDraftDone(null)}
            onSubmit={(body, mentions) =>
              actions.start.mutate(
                { body, mentions, quote: draft.quote, anchor: draft.anchor },
                { onSuccess: (thread) => onDraftDone(thread) },
              )
            }
          />
        </div>
      )}
      <div role="group" aria-label="Show threads" className="coproduce-comments__filters">
        {THREAD_FILTERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            className="coproduce-comments__filter"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
          >
            {label} ({counts[value]})
          </button>
        ))}
      </div>
      <p id={HINT_ID} className="nhsuk-body-s coproduce-comments__hint">
        Move between threads with Alt+Up and Alt+Down (or K and J). Press Enter on a thread to
        reply, Escape to go back to its text.
      </p>
      <div className="coproduce-comments__move">
        <button
          type="button"
          className="coproduce-link-button"
          aria-describedby={HINT_ID}
          disabled={shown.length === 0}
          onClick={() => move('previous')}
        >
          Previous thread
        </button>
        <button
          type="button"
          className="coproduce-link-button"
          aria-describedby={HINT_ID}
          disabled={shown.length === 0}
          onClick={() => move('next')}
        >
          Next thread
        </button>
      </div>
      {loadError !== null && loadError !== undefined && <ApiErrorSummary error={loadError} />}
      {threads === undefined && !loadError && <Loading what="comments" />}
      {threads !== undefined && shown.length === 0 && (
        <p className="nhsuk-body-s">{emptyMessage(filter, mayComment)}</p>
      )}
      <ol className="coproduce-comments__list" aria-label={`${labelOf(filter)} threads`}>
        {shown.map((thread) => (
          <li key={thread.id}>
            <ThreadCard
              ref={(card) => {
                if (card) cards.current.set(thread.id, card);
                else cards.current.delete(thread.id);
              }}
              thread={thread}
              selected={thread.id === selectedId}
              userId={userId}
              mayComment={mayComment}
              mayResolve={mayComment && mayResolve(thread)}
              people={people}
              actions={actions}
              onSelect={() => {
                if (thread.id !== selectedId) onSelect(thread.id);
              }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

function labelOf(filter: ThreadFilter): string {
  return THREAD_FILTERS.find((each) => each.value === filter)?.label ?? 'All';
}

function emptyMessage(filter: ThreadFilter, mayComment: boolean): string {
  switch (filter) {
    case 'open':
      return mayComment
        ? 'No open comments. Select some text and choose Comment to start one.'
        : 'No open comments.';
    case 'resolved':
      return 'No resolved threads.';
    case 'mine':
      return 'No threads that you started or wrote in.';
    case 'mentions':
      return 'No threads mention you.';
  }
}
