import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { CommentPerson, CommentThread } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../dates';
import { collapsedComments } from './collapsed-comments';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import type { ThreadActions } from './comment-queries';

export interface ThreadCardHandle {
  focus(): void;
  openReply(): void;
}

interface Props {
  thread: CommentThread;
  selected: boolean;
  userId: string;
  mayComment: boolean;
  mayResolve: boolean;
  people: readonly CommentPerson[];
  actions: ThreadActions;
  onSelect: () => void;
}

/**
 * A thread in the panel: the text it is about, its comments, a reply box and
 * resolve or reopen for those allowed. Focusable itself, so the keyboard can move
 * from thread to thread.
 */
export const ThreadCard = forwardRef<ThreadCardHandle, Props>(function ThreadCard(
  { thread, selected, userId, mayComment, mayResolve, people, actions, onSelect },
  handle,
) {
  const article = useRef<HTMLElement>(null);
  const reply = useRef<HTMLTextAreaElement | null>(null);
  const [replying, setReplying] = useState(false);
  const [expanded, setExpanded] = useState(false);
  // Keeps the reply box empty after sending without keeping its text in this card.
  const [replyKey, setReplyKey] = useState(0);
  const headingId = `thread-${thread.id}-heading`;
  const resolved = thread.status === 'resolved';

  const shown = expanded
    ? { first: thread.comments, hidden: 0, last: [] }
    : collapsedComments(thread.comments);
  const commentItem = (comment: CommentThread['comments'][number]) => (
    <CommentItem
      key={comment.id}
      threadId={thread.id}
      comment={comment}
      yours={mayComment && comment.author.id === userId}
      people={people}
      actions={actions}
    />
  );

  useImperativeHandle(handle, () => ({
    focus: () => article.current?.focus(),
    openReply: () => {
      if (!mayComment) return;
      setReplying(true);
      requestAnimationFrame(() => reply.current?.focus());
    },
  }));

  return (
    <article
      ref={article}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-current={selected || undefined}
      data-thread-id={thread.id}
      className={`coproduce-thread${selected ? ' coproduce-thread--selected' : ''}${resolved ? ' coproduce-thread--resolved' : ''}`}
      onClick={onSelect}
      onFocus={(event) => {
        if (event.target === event.currentTarget || !selected) onSelect();
      }}
    >
      <h3 id={headingId} className="coproduce-thread__quote nhsuk-body-s">
        <span className="nhsuk-u-visually-hidden">Comments on </span>“{thread.quote}”
      </h3>
      <p className="coproduce-thread__tags">
        {thread.textRemoved && <Tag colour="grey">Text removed</Tag>}
        {resolved && <Tag colour="green">Resolved</Tag>}
      </p>
      {resolved && thread.resolvedBy && thread.resolvedAt && (
        <p className="nhsuk-body-s">
          Resolved by {thread.resolvedBy.name} on {formatDateTime(thread.resolvedAt)}
        </p>
      )}
      <ol className="coproduce-thread__comments">
        {shown.first.map(commentItem)}
        {shown.hidden > 0 && (
          <li className="coproduce-comment-item">
            <button
              type="button"
              className="coproduce-link-button"
              onClick={() => setExpanded(true)}
            >
              Show {shown.hidden} more {shown.hidden === 1 ? 'reply' : 'replies'}
            </button>
          </li>
        )}
        {shown.last.map(commentItem)}
      </ol>
      {mayComment &&
        (replying ? (
          <CommentComposer
            key={replyKey}
            label={resolved ? 'Reply (this reopens the thread)' : 'Reply'}
            submitText="Reply"
            busyText="Sending…"
            people={people}
            pending={actions.reply.isPending}
            failure={actions.reply.variables?.threadId === thread.id ? actions.reply.error : null}
            textareaRef={reply}
            onCancel={() => {
              setReplying(false);
              article.current?.focus();
            }}
            onSubmit={(body, mentions) =>
              actions.reply.mutate(
                { threadId: thread.id, body, mentions },
                {
                  onSuccess: () => {
                    setReplyKey((key) => key + 1);
                    requestAnimationFrame(() => reply.current?.focus());
                  },
                },
              )
            }
          />
        ) : (
          <button
            type="button"
            className="coproduce-link-button"
            onClick={() => {
              setReplying(true);
              requestAnimationFrame(() => reply.current?.focus());
            }}
          >
            Reply<span className="nhsuk-u-visually-hidden"> to “{thread.quote}”</span>
          </button>
        ))}
      {mayResolve && (
        <div className="coproduce-thread__status">
          {actions.changeStatus.isError &&
            actions.changeStatus.variables?.threadId === thread.id && (
              <ApiErrorSummary error={actions.changeStatus.error} />
            )}
          <Button
            small
            variant="secondary"
            type="button"
            busyText={
              actions.changeStatus.isPending &&
              actions.changeStatus.variables?.threadId === thread.id &&
              (resolved ? 'Reopening…' : 'Resolving…')
            }
            onClick={() =>
              actions.changeStatus.mutate({
                threadId: thread.id,
                status: resolved ? 'open' : 'resolved',
              })
            }
          >
            {resolved ? 'Reopen' : 'Resolve'}
            <span className="nhsuk-u-visually-hidden"> thread on “{thread.quote}”</span>
          </Button>
        </div>
      )}
    </article>
  );
});
