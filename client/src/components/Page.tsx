import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { usePageTitle } from './usePageTitle';

interface PageProps {
  title: string;
  breadcrumbs?: Crumb[];
  /** Prefixes the browser title with "Error:", as NHS.UK pages do after a failed submit. */
  hasError?: boolean;
  children: ReactNode;
}

/** One screen's frame: its title, its breadcrumbs and the main landmark the skip link targets. */
export function Page({ title, breadcrumbs, hasError = false, children }: PageProps) {
  usePageTitle(title, hasError);
  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
      <main className="nhsuk-main-wrapper" id="maincontent">
        {children}
      </main>
    </>
  );
}
