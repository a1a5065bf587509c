/**
 * Where focus goes inside a toolbar for a key, by the WAI-ARIA toolbar pattern: arrows
 * move to the neighbouring control and wrap round, Home and End go to the ends. Null
 * for any other key, which the focused control keeps for itself.
 */
export function toolbarFocusTarget(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
