import type { ReactNode } from 'react';

/** NHS.UK details: a summary that opens to show more, for what most people need not see. */
export function Details({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <details className={`nhsuk-details${className ? ` ${className}` : ''}`}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}
