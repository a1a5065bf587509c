import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/react';
import type { Y } from '@coproduce/protocol';
import { HEADING_LEVELS, PARAGRAPH_STYLES, type ParagraphStyle } from './formatting-state';
import { toolbarFocusTarget } from './toolbar-focus';
import { ToolbarButton } from './ToolbarButton';
import { useFormattingState } from './useFormattingState';

interface Props {
  editor: Editor;
  doc: Y.Doc;
}

function applyParagraphStyle(editor: Editor, style: ParagraphStyle): void {
  // The caret stays where it is, so that someone moving through the list with the arrow
  // keys sees each style applied without leaving the list.
  if (style === 'paragraph') editor.chain().setParagraph().run();
  else editor.chain().setHeading({ level: HEADING_LEVELS[style] }).run();
}

/**
 * Formatting for people who do not know Markdown shortcuts: one tab stop, arrow keys
 * between the controls (WAI-ARIA toolbar pattern), each format showing whether it is on.
 */
export function FormattingToolbar({ editor, doc }: Props) {
  const state = useFormattingState(editor, doc);
  const toolbar = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const styleId = useId();

  const controls = () =>
    Array.from(toolbar.current?.querySelectorAll<HTMLElement>('[data-toolbar-control]') ?? []);
  const tabIndexOf = (index: number) => (index === focusIndex ? 0 : -1);

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = controls().indexOf(event.target);
    if (index >= 0) setFocusIndex(index);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const all = controls();
    const current = all.indexOf(event.target as HTMLElement);
    const target = toolbarFocusTarget(event.key, current, all.length);
    if (current < 0 || target === null) return;
    event.preventDefault();
    all[target]?.focus();
  };

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label="Formatting"
      className="coproduce-toolbar"
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <ToolbarButton
        label="Undo"
        shortcut="Mod-z"
        disabled={!state.canUndo}
        tabIndex={tabIndexOf(0)}
        onActivate={() => editor.commands.undo()}
      />
      <ToolbarButton
        label="Redo"
        shortcut="Mod-y"
        disabled={!state.canRedo}
        tabIndex={tabIndexOf(1)}
        className="coproduce-toolbar__control--group-end"
        onActivate={() => editor.commands.redo()}
      />
      <span className="coproduce-toolbar__style">
        <label className="nhsuk-u-visually-hidden" htmlFor={styleId}>
          Paragraph style
        </label>
        <select
          id={styleId}
          className="coproduce-toolbar__control coproduce-toolbar__control--group-end"
          value={state.paragraphStyle ?? ''}
          tabIndex={tabIndexOf(2)}
          data-toolbar-control=""
          onChange={(event) => {
            const style = PARAGRAPH_STYLES.find((option) => option.value === event.target.value);
            if (style) applyParagraphStyle(editor, style.value);
          }}
        >
          {state.paragraphStyle === null && (
            <option value="" disabled>
              Other style
            </option>
          )}
          {PARAGRAPH_STYLES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </span>
      <ToolbarButton
        label="Bold"
        shortcut="Mod-b"
        pressed={state.bold}
        tabIndex={tabIndexOf(3)}
        className="coproduce-toolbar__control--bold"
        onActivate={() => editor.chain().toggleBold().run()}
      />
      <ToolbarButton
        label="Italic"
        shortcut="Mod-i"
        pressed={state.italic}
        tabIndex={tabIndexOf(4)}
        className="coproduce-toolbar__control--italic coproduce-toolbar__control--group-end"
        onActivate={() => editor.chain().toggleItalic().run()}
      />
      <ToolbarButton
        label="Bullets"
        shortcut="Mod-Shift-8"
        pressed={state.bulletList}
        tabIndex={tabIndexOf(5)}
        onActivate={() => editor.chain().toggleBulletList().run()}
      />
      <ToolbarButton
        label="Numbering"
        shortcut="Mod-Shift-7"
        pressed={state.orderedList}
        tabIndex={tabIndexOf(6)}
        onActivate={() => editor.chain().toggleOrderedList().run()}
      />
    </div>
  );
}
