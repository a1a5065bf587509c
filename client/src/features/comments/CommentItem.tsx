import { useState } from 'react';
import type { CommentPerson, SpecificationComment } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../dates';
import { CommentComposer } from './CommentComposer';
import type { ThreadActions } from './comment-queries';

interface Props {
  threadId: string;
  comment: SpecificationComment;
  /** The author may change or delete it. */
  yours: boolean;
  people: readonly CommentPerson[];
  actions: ThreadActions;
}

/** One comment: who wrote it and when, its text (or that it was deleted), and the author's controls. */
export function CommentItem({ threadId, comment, yours, people, actions }: Props) {
  const [mode, setMode] = useState<'reading' | 'editing' | 'confirming-delete'>('reading');
  const ids = { threadId, commentId: comment.id };

  if (comment.deleted) {
    return (
      <li className="coproduce-comment-item coproduce-comment-item--deleted">
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Comment deleted</p>
      </li>
    );
  }
  return (
    <li className="coproduce-comment-item">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        <strong>{comment.author.name}</strong>{' '}
        <span className="coproduce-comment-item__time">
          {formatDateTime(comment.createdAt)}
          {comment.editedAt && ' (edited)'}
        </span>
      </p>
      {mode === 'editing' ? (
        <CommentComposer
          label="Change your comment"
          submitText="Save comment"
          busyText="Saving…"
          initialBody={comment.body}
          initialMentions={comment.mentions}
          people={people}
          pending={actions.edit.isPending}
          failure={actions.edit.error}
          autoFocus
          onCancel={() => setMode('reading')}
          onSubmit={(body, mentions) =>
            actions.edit.mutate({ ...ids, body, mentions }, { onSuccess: () => setMode('reading') })
          }
        />
      ) : (
        <p className="coproduce-comment-item__body">{comment.body}</p>
      )}
      {yours && mode === 'reading' && (
        <div className="coproduce-comment-item__actions">
          <button
            type="button"
            className="coproduce-link-button"
            onClick={() => setMode('editing')}
          >
            Change<span className="nhsuk-u-visually-hidden"> your comment</span>
          </button>
          <button
            type="button"
            className="coproduce-link-button"
            onClick={() => setMode('confirming-delete')}
          >
            Delete<span className="nhsuk-u-visually-hidden"> your comment</span>
          </button>
        </div>
      )}
      {mode === 'confirming-delete' && (
        <div className="coproduce-comment-item__confirm" role="group" aria-label="Delete comment">
          {actions.remove.isError && <ApiErrorSummary error={actions.remove.error} />}
          <p className="nhsuk-body-s">Delete this comment? Others will see “Comment deleted”.</p>
          <Button
            small
            variant="warning"
            type="button"
            busyText={actions.remove.isPending && 'Deleting…'}
            autoFocus
            onClick={() => actions.remove.mutate(ids, { onSuccess: () => setMode('reading') })}
          >
            Yes, delete it
          </Button>{' '}
          <Button small variant="secondary" type="button" onClick={() => setMode('reading')}>
            No, keep it
          </Button>
        </div>
      )}
    </li>
  );
}
