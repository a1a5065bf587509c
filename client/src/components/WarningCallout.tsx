import type { ReactNode } from 'react';

/** NHS.UK warning callout: something people should know, without taking their focus. */
export function WarningCallout({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </span>
      </h2>
      {children}
    </div>
  );
}
