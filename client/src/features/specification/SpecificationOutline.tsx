import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Y } from '@coproduce/protocol';
import {
  readOutline,
  sectionIdOf,
  specificationFragment,
  type OutlineEntry,
} from '@coproduce/specification-document';

/**
 * Where a section's heading starts in the editor: found by its id, or (for a heading
 * written before sections had ids) by its place among the headings.
 */
function headingPosition(editor: Editor, entry: OutlineEntry, index: number): number | null {
  let position: number | null = null;
  let headings = 0;
  editor.state.doc.forEach((node, offset) => {
    if (position !== null || node.type.name !== 'heading') return;
    const matches = entry.id === null ? headings === index : sectionIdOf(node.attrs) === entry.id;
    if (matches) position = offset;
    headings += 1;
  });
  return position;
}

interface Props {
  editor: Editor;
  doc: Y.Doc;
  /** Open comment threads per section, in the outline's order. */
  commentCounts?: readonly number[];
}

/** The specification's sections, kept up to date as anyone edits; a link moves the caret there. */
export function SpecificationOutline({ editor, doc, commentCounts = [] }: Props) {
  const [entries, setEntries] = useState(() => readOutline(doc));
  useEffect(() => {
    const fragment = specificationFragment(doc);
    const update = () => setEntries(readOutline(doc));
    fragment.observeDeep(update);
    update();
    return () => fragment.unobserveDeep(update);
  }, [doc]);

  return (
    <nav className="coproduce-outline" aria-label="Sections">
      <h2 className="nhsuk-heading-xs">Sections</h2>
      <ol className="coproduce-outline__list">
        {entries.map((entry, index) => (
          <li
            key={entry.id ?? `heading-${index}`}
            className={`coproduce-outline__item--level-${entry.level}`}
          >
            <a
              // The editor gives each heading its section id as its HTML id.
              href={`#${entry.id ?? ''}`}
              onClick={(event) => {
                event.preventDefault();
                const position = headingPosition(editor, entry, index);
                if (position === null) return;
                editor
                  .chain()
                  .focus()
                  .setTextSelection(position + 1)
                  .scrollIntoView()
                  .run();
              }}
            >
              {entry.text || 'Untitled section'}
            </a>
            {(commentCounts[index] ?? 0) > 0 && (
              <span className="coproduce-outline__comments">
                {' '}
                {commentCounts[index]}
                <span className="nhsuk-u-visually-hidden">
                  {' '}
                  open {commentCounts[index] === 1 ? 'comment thread' : 'comment threads'}
                </span>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
