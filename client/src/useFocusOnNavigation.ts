import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { focusMain } from './components/focus-main';

/**
 * After moving to another page inside the app, start keyboard and screen reader
 * users at the new page's content, as a full page load would, instead of on
 * whatever was focused on the page they left. The first page is left alone.
 * Runs after the new page's own effects (parents' effects run after their children's).
 */
export function useFocusOnNavigation() {
  const { pathname } = useLocation();
  // Compared with the last path rather than counting renders, so React's development
  // double-run of effects does not count as a navigation.
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    // The new page may already have put focus somewhere on purpose, such as its error summary.
    const main = document.getElementById('maincontent');
    if (main?.contains(document.activeElement)) return;
    window.scrollTo(0, 0);
    focusMain();
  }, [pathname]);
}
