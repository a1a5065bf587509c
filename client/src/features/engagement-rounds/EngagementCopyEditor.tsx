import { EditorContent } from '@tiptap/react';
import type { UserSummary } from '@coproduce/domain';
import { FormattingToolbar } from '../specification/FormattingToolbar';
import { LiveEditorSidebar } from '../specification/LiveEditorSidebar';
import { useLiveEditor } from '../specification/useLiveEditor';
import type { SpecificationDocument } from '../specification/useSpecificationDocument';

/**
 * The engagement copy, co-edited live with the specification's editor, presence and
 * "Saved". Nothing of the draft's own features is offered: no comment threads, no
 * feedback in the text, no checkpoints or publishing (they read the draft's routes).
 */
export function EngagementCopyEditor({
  live,
  user,
}: {
  live: SpecificationDocument;
  user: UserSummary;
}) {
  const editor = useLiveEditor(live, user, [], 'Engagement copy text');
  if (!editor) return null;
  return (
    <div className="coproduce-editor">
      <LiveEditorSidebar editor={editor} live={live} />
      <div className="coproduce-editor__main">
        {live.canEdit && (
          <div className="coproduce-editor__toolbars">
            <FormattingToolbar editor={editor} doc={live.doc} />
          </div>
        )}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
