import { useEffect, useRef } from 'react';
import { EditorContent } from '@tiptap/react';
import type { Action, UserSummary } from '@coproduce/domain';
import { CommentToolbar } from '../comments/CommentToolbar';
import { SpecificationCommentsPanel } from '../comments/SpecificationCommentsPanel';
import { useCommentsPanelShown } from '../comments/useCommentsPanelShown';
import { useSpecificationComments } from '../comments/useSpecificationComments';
import { FeedbackInTextPanel } from '../feedback-in-text/FeedbackInTextPanel';
import { FeedbackToolbar } from '../feedback-in-text/FeedbackToolbar';
import { useFeedbackInText, useFeedbackMarks } from '../feedback-in-text/useFeedbackInText';
import { FormattingToolbar } from './FormattingToolbar';
import { LiveEditorSidebar } from './LiveEditorSidebar';
import { useLiveEditor } from './useLiveEditor';
import type { SpecificationDocument } from './useSpecificationDocument';

interface Props {
  live: SpecificationDocument;
  user: UserSummary;
  workspaceId: string;
  /** The person's allowed actions in the workspace (empty while it loads). */
  permissions: readonly Action[];
}

/** The Tiptap editor bound to the specification's Y.Doc, with its outline and who is here. */
export function SpecificationEditor({ live, user, workspaceId, permissions }: Props) {
  const comments = useSpecificationComments({
    workspaceId,
    specificationId: live.provider.docId,
    doc: live.doc,
    userId: user.id,
    permissions,
  });
  const feedback = useFeedbackInText({
    workspaceId,
    specificationId: live.provider.docId,
    permissions,
  });
  const editor = useLiveEditor(live, user, [comments.extension, feedback.extension]);
  const [panelShown, setPanelShown] = useCommentsPanelShown();
  // Hiding the panel takes focus with it: it goes to the button that brings it back.
  const showCommentsButton = useRef<HTMLButtonElement>(null);
  const focusShowButton = useRef(false);
  useEffect(() => {
    if (panelShown || !focusShowButton.current) return;
    focusShowButton.current = false;
    showCommentsButton.current?.focus();
  }, [panelShown]);
  comments.attach(editor);
  feedback.attach(editor);
  useFeedbackMarks(editor, feedback);
  // One panel beside the text at a time: starting a comment brings the comments back.
  const commentDraft = comments.draft !== null;
  const { hidePanel: hideFeedback } = feedback;
  useEffect(() => {
    if (commentDraft) hideFeedback();
  }, [commentDraft, hideFeedback]);
  const showFeedbackButton = useRef<HTMLButtonElement>(null);
  const focusShowFeedback = useRef(false);
  useEffect(() => {
    if (feedback.panelShown || !focusShowFeedback.current) return;
    focusShowFeedback.current = false;
    showFeedbackButton.current?.focus();
  }, [feedback.panelShown]);

  if (!editor) return null;
  // A new comment is written in the panel: starting one brings it back.
  const feedbackShown = feedback.panelShown && !commentDraft;
  const commentsShown = (panelShown && !feedbackShown) || commentDraft;
  const openThreads = comments.threads.data?.filter((thread) => thread.status === 'open').length;
  const feedbackCount = feedback.feedback.data?.length;
  const editorClasses = ['coproduce-editor'];
  if (commentsShown || feedbackShown) editorClasses.push('coproduce-editor--with-comments');
  if (feedback.places.length > 0) editorClasses.push('coproduce-editor--feedback-marked');
  return (
    <div className={editorClasses.join(' ')}>
      <LiveEditorSidebar editor={editor} live={live} commentCounts={comments.sectionCounts} />
      <div className="coproduce-editor__main">
        {/* Only for those who may edit; follows a role change while the page is open. */}
        <div className="coproduce-editor__toolbars">
          {live.canEdit && <FormattingToolbar editor={editor} doc={live.doc} />}
          {comments.mayComment && (
            <CommentToolbar
              editor={editor}
              onStart={comments.startOnSelection}
              selectionNeeded={comments.selectionNeeded}
            />
          )}
          {feedback.mayLink && (
            <FeedbackToolbar
              editor={editor}
              onStart={() => {
                // One panel at a time: a comment being started gives way.
                if (feedback.startLink()) comments.finishDraft();
              }}
              selectionNeeded={feedback.selectionNeeded}
            />
          )}
        </div>
        <div className="coproduce-editor__panel-switches">
          {!commentsShown && (
            <button
              type="button"
              ref={showCommentsButton}
              className="coproduce-editor__show-comments"
              onClick={() => {
                feedback.hidePanel();
                setPanelShown(true);
              }}
            >
              Show comments{openThreads ? ` (${openThreads} open)` : ''}
            </button>
          )}
          {feedback.mayRead && !feedbackShown && (
            <button
              type="button"
              ref={showFeedbackButton}
              className="coproduce-editor__show-comments coproduce-editor__show-feedback"
              onClick={() => {
                feedback.showPanel();
                requestAnimationFrame(() =>
                  document.getElementById('feedback-in-text-heading')?.focus(),
                );
              }}
            >
              Show feedback
              {feedbackCount ? ` (${feedbackCount} ${feedbackCount === 1 ? 'item' : 'items'})` : ''}
            </button>
          )}
        </div>
        <EditorContent editor={editor} />
      </div>
      {feedbackShown && (
        <aside
          className="coproduce-editor__comments coproduce-editor__feedback"
          aria-label="Feedback behind this text"
        >
          <FeedbackInTextPanel
            editor={editor}
            feedback={feedback}
            workspaceId={workspaceId}
            specificationId={live.provider.docId}
            onHide={() => {
              feedback.hidePanel();
              focusShowFeedback.current = true;
            }}
          />
        </aside>
      )}
      {commentsShown && (
        <aside className="coproduce-editor__comments" aria-label="Comment threads">
          <SpecificationCommentsPanel
            editor={editor}
            comments={comments}
            onHide={() => {
              setPanelShown(false);
              focusShowButton.current = true;
            }}
          />
        </aside>
      )}
    </div>
  );
}
