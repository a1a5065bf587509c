import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A link to change the value: "Change", with what it changes for screen readers. */
  action?: { to: string; text: string; visuallyHiddenText: string };
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map((row) => (
        <div
          className={`nhsuk-summary-list__row${row.action ? '' : ' nhsuk-summary-list__row--no-actions'}`}
          key={row.key}
        >
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.action && (
            <dd className="nhsuk-summary-list__actions">
              <Link to={row.action.to}>
                {row.action.text}
                <span className="nhsuk-u-visually-hidden"> {row.action.visuallyHiddenText}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
