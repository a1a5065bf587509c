import type { ReactNode } from 'react';
import { describedBy, type FieldDescription } from './FormField';

/**
 * NHS.UK fieldset: a group of controls answering one question (radios, checkboxes, a
 * table of numbers), with its legend, hint and error. `id` names the group; the error
 * summary links to the first control in it, which should carry that id.
 */
export function Fieldset({
  field,
  legendSize = 's',
  children,
}: {
  field: FieldDescription;
  legendSize?: 's' | 'm';
  children: ReactNode;
}) {
  const { id, label, hint, error, labelHidden = false } = field;
  // The group's description ids, not the first control's: `describedBy` gives both.
  const description = describedBy({ id: `${id}-group`, label, hint, error });
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={description}>
        <legend
          className={
            labelHidden
              ? 'nhsuk-fieldset__legend nhsuk-u-visually-hidden'
              : `nhsuk-fieldset__legend nhsuk-fieldset__legend--${legendSize}`
          }
        >
          {label}
        </legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-group-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span className="nhsuk-error-message" id={`${id}-group-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        {children}
      </fieldset>
    </div>
  );
}
