/** A shortcut as the toolbar describes it: `mod` is Ctrl, or Command on a Mac. */
export interface KeyboardShortcut {
  /** For people: "Ctrl+B", "Command+Shift+7". */
  description: string;
  /** For aria-keyshortcuts: "Control+B", "Meta+Shift+7". */
  ariaKeyShortcuts: string;
}

const NAMES = {
  mod: { mac: ['Command', 'Meta'], other: ['Ctrl', 'Control'] },
  alt: { mac: ['Option', 'Alt'], other: ['Alt', 'Alt'] },
  shift: { mac: ['Shift', 'Shift'], other: ['Shift', 'Shift'] },
} as const;

/** `keys` as Tiptap writes them: "Mod-b", "Mod-Shift-7", "Mod-Alt-2". */
export function keyboardShortcut(keys: string, onMac: boolean): KeyboardShortcut {
  const parts = keys.split('-').map((part) => {
    const modifier = NAMES[part.toLowerCase() as keyof typeof NAMES] as
      (typeof NAMES)[keyof typeof NAMES] | undefined;
    if (!modifier) return [part.toUpperCase(), part.toUpperCase()] as const;
    return onMac ? modifier.mac : modifier.other;
  });
  return {
    description: parts.map(([spoken]) => spoken).join('+'),
    ariaKeyShortcuts: parts.map(([, aria]) => aria).join('+'),
  };
}

export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}
