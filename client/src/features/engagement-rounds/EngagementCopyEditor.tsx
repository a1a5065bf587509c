import { EditorContent } from '@tiptap/react';
import type { Action, UserSummary } from '@coproduce/domain';
import { CommentToolbar } from '../comments/CommentToolbar';
import { SpecificationCommentsPanel } from '../comments/SpecificationCommentsPanel';
import { useSpecificationComments } from '../comments/useSpecificationComments';
import { FormattingToolbar } from '../specification/FormattingToolbar';
import { LiveEditorSidebar } from '../specification/LiveEditorSidebar';
import { useLiveEditor } from '../specification/useLiveEditor';
import type { SpecificationDocument } from '../specification/useSpecificationDocument';

interface Props {
  live: SpecificationDocument;
  user: UserSummary;
  workspaceId: string;
  /** The person's allowed actions in the workspace (empty while it loads). */
  permissions: readonly Action[];
}

/**
 * The engagement copy, co-edited live with the specification's editor, presence and
 * "Saved", and its own comment threads beside it. Nothing else of the draft's is offered:
 * no feedback in the text, no checkpoints or publishing (they are the draft's).
 */
export function EngagementCopyEditor({ live, user, workspaceId, permissions }: Props) {
  const comments = useSpecificationComments({
    workspaceId,
    specificationId: live.provider.docId,
    doc: live.doc,
    userId: user.id,
    permissions: copyPermissions(live, permissions),
    // A mention emails a link to a draft's page; in a copy, people reply in the thread.
    mentions: false,
  });
  const editor = useLiveEditor(live, user, [comments.extension], 'Engagement copy text');
  comments.attach(editor);
  if (!editor) return null;
  return (
    <div className="coproduce-editor coproduce-editor--with-comments">
      <LiveEditorSidebar editor={editor} live={live} commentCounts={comments.sectionCounts} />
      <div className="coproduce-editor__main">
        <div className="coproduce-editor__toolbars">
          {live.canEdit && <FormattingToolbar editor={editor} doc={live.doc} />}
          {comments.mayComment && (
            <CommentToolbar
              editor={editor}
              onStart={comments.startOnSelection}
              selectionNeeded={comments.selectionNeeded}
            />
          )}
        </div>
        <EditorContent editor={editor} />
      </div>
      <aside className="coproduce-editor__comments" aria-label="Comment threads">
        <SpecificationCommentsPanel editor={editor} comments={comments} />
      </aside>
    </div>
  );
}

/**
 * What the person may do with comments here, as the server judges a copy: those who may
 * edit it comment (a provider taking part too), as do those who comment on drafts and may
 * read it; nobody once the round has closed.
 */
function copyPermissions(live: SpecificationDocument, permissions: readonly Action[]): Action[] {
  const others = permissions.filter((action) => action !== 'specification.comment');
  const mayComment =
    !live.closed && (live.canEdit || permissions.includes('specification.comment'));
  return mayComment ? [...others, 'specification.comment'] : others;
}
