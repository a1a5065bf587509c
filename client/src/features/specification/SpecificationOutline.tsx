import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';

interface OutlineEntry {
  level: number;
  text: string;
  position: number;
}

function outlineOf(editor: Editor): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  editor.state.doc.descendants((node, position) => {
    if (node.type.name === 'heading') {
      entries.push({ level: Number(node.attrs['level']), text: node.textContent, position });
    }
    return false;
  });
  return entries;
}

/** The specification's sections, kept up to date as anyone edits; a link moves the caret there. */
export function SpecificationOutline({ editor }: { editor: Editor }) {
  const [entries, setEntries] = useState(() => outlineOf(editor));
  useEffect(() => {
    const update = () => setEntries(outlineOf(editor));
    editor.on('update', update);
    update();
    return () => {
      editor.off('update', update);
    };
  }, [editor]);

  return (
    <nav className="coproduce-outline" aria-label="Sections">
      <h2 className="nhsuk-heading-xs">Sections</h2>
      <ol className="coproduce-outline__list">
        {entries.map((entry) => (
          <li key={entry.position} className={`coproduce-outline__item--level-${entry.level}`}>
            <a
              href={`#section-${entry.position}`}
              onClick={(event) => {
                event.preventDefault();
                editor
                  .chain()
                  .focus()
                  .setTextSelection(entry.position + 1)
                  .scrollIntoView()
                  .run();
              }}
            >
              {entry.text || 'Untitled section'}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
