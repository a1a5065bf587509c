/** The keys the panel listens to, as a keyboard event carries them. */
export interface PanelKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export type PanelCommand = 'next' | 'previous' | 'reply' | 'back-to-text';

/**
 * What a key pressed in the threads panel asks for. Alt+Down and Alt+Up move between
 * threads from anywhere in the panel; j and k too, but not while writing; Enter on a
 * thread itself opens its reply box; Escape goes back to the thread's text.
 */
export function panelCommand(
  event: PanelKey,
  where: { writing: boolean; onThread: boolean },
): PanelCommand | null {
  const { key, altKey, ctrlKey, metaKey, shiftKey } = event;
  if (altKey && !ctrlKey && !metaKey && !shiftKey) {
    if (key === 'ArrowDown') return 'next';
    if (key === 'ArrowUp') return 'previous';
    return null;
  }
  if (altKey || ctrlKey || metaKey) return null;
  if (key === 'Escape') return 'back-to-text';
  if (where.writing) return null;
  if (shiftKey) return null;
  if (key === 'j') return 'next';
  if (key === 'k') return 'previous';
  if (key === 'Enter' && where.onThread) return 'reply';
  return null;
}

/** The thread to move to: the neighbour of `current` (-1 for none yet), stopping at the ends. */
export function neighbour(direction: 'next' | 'previous', current: number, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 'next' ? 0 : count - 1;
  return direction === 'next' ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
