import { useId } from 'react';
import { isMac, keyboardShortcut } from './keyboard-shortcut';

interface Props {
  label: string;
  /** In Tiptap's notation ("Mod-b"); described to screen readers and in the tooltip. */
  shortcut?: string;
  /** On/off formats only; undo and redo are plain buttons. */
  pressed?: boolean;
  disabled?: boolean;
  tabIndex: number;
  className?: string;
  onActivate: () => void;
}

/**
 * A toolbar button. Disabled with aria-disabled rather than `disabled`, so that it keeps
 * its place in the arrow-key order and a screen reader still finds and announces it.
 */
export function ToolbarButton({
  label,
  shortcut,
  pressed,
  disabled = false,
  tabIndex,
  className,
  onActivate,
}: Props) {
  const descriptionId = useId();
  const keys = shortcut ? keyboardShortcut(shortcut, isMac()) : null;
  return (
    <>
      <button
        type="button"
        className={['coproduce-toolbar__control', className].filter(Boolean).join(' ')}
        aria-pressed={pressed}
        aria-disabled={disabled || undefined}
        aria-describedby={keys ? descriptionId : undefined}
        aria-keyshortcuts={keys?.ariaKeyShortcuts}
        title={keys ? `${label} (${keys.description})` : undefined}
        tabIndex={tabIndex}
        data-toolbar-control=""
        // A pointer press leaves the caret and focus in the text; the keyboard keeps focus here.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (!disabled) onActivate();
        }}
      >
        {label}
      </button>
      {keys && (
        <span id={descriptionId} hidden>
          Keyboard shortcut {keys.description}
        </span>
      )}
    </>
  );
}
