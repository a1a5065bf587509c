import { useEffect } from 'react';

/**
 * While connected edits are not yet saved, the browser asks before the page is left.
 * (Offline edits are already safe in IndexedDB, so leaving then needs no question.)
 */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
