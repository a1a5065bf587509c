import { useEffect } from 'react';
import { useEditor, type Editor, type Extensions } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import type { UserSummary } from '@coproduce/domain';
import {
  guidanceOf,
  specificationExtensions,
  specificationFragment,
} from '@coproduce/specification-document';
import { drawableAwareness } from './drawable-presence';
import type { SpecificationDocument } from './useSpecificationDocument';

/**
 * A colour per person that stays the same across sessions, from the NHS palette; each dark
 * enough for the white name on it (WCAG AA, 4.5:1).
 */
const CARET_COLOURS = ['#005eb8', '#007f3b', '#330072', '#ae2573', '#8a1538', '#7c2855', '#003087'];

function colourFor(userId: string): string {
  let hash = 0;
  for (const character of userId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}

/**
 * The Tiptap editor bound to a live document (a specification's draft or an engagement
 * copy) with everyone's carets, editable exactly while the server says so (a role
 * change, archiving or a round closing turns it read-only at once). `extensions` are what
 * the page adds, such as comment highlights; they must be stable for the document.
 */
export function useLiveEditor(
  live: SpecificationDocument,
  user: UserSummary,
  extensions: Extensions = [],
  label = 'Specification text',
): Editor | null {
  const editor = useEditor(
    {
      editable: live.canEdit,
      extensions: [
        ...specificationExtensions(),
        Placeholder.configure({
          showOnlyCurrent: false,
          showOnlyWhenEditable: false,
          placeholder: ({ node }) => guidanceOf(node.attrs),
        }),
        Collaboration.configure({ fragment: specificationFragment(live.doc) }),
        CollaborationCaret.configure({
          // Other people's carets are drawn only from presences that can be drawn here.
          provider: { awareness: drawableAwareness(live.provider.awareness, live.doc) },
          user: { name: user.name, color: colourFor(user.id) },
        }),
        ...extensions,
      ],
      editorProps: {
        attributes: {
          class: 'coproduce-editor__content',
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [live.doc, live.provider],
  );

  useEffect(() => {
    editor?.setEditable(live.canEdit);
  }, [editor, live.canEdit]);
  return editor;
}
