import type { Editor } from '@tiptap/react';
import { PeoplePresent } from './PeoplePresent';
import { SaveStatusMessage } from './SaveStatusMessage';
import { SpecificationOutline } from './SpecificationOutline';
import type { SpecificationDocument } from './useSpecificationDocument';

interface Props {
  editor: Editor;
  live: SpecificationDocument;
  /** Open comment threads per section, where the document has comments. */
  commentCounts?: readonly number[];
}

/** Kept in view while writing: whether it is saved, who is here, where to go. */
export function LiveEditorSidebar({ editor, live, commentCounts }: Props) {
  return (
    <aside className="coproduce-editor__sidebar">
      <SaveStatusMessage status={live.status} roundClosed={live.closed} />
      <PeoplePresent awareness={live.provider.awareness} yourRole={live.role} />
      <SpecificationOutline editor={editor} doc={live.doc} commentCounts={commentCounts} />
    </aside>
  );
}
