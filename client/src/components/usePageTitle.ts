import { useEffect } from 'react';

/** Sets the browser tab's title in the NHS.UK pattern: page – service. */
export function usePageTitle(pageTitle: string, hasError = false) {
  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${pageTitle} – Coproduce`;
  }, [pageTitle, hasError]);
}
