import type { ReactNode } from 'react';

export interface FieldDescription {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** For a field whose purpose its surroundings already show, such as a table column. */
  labelHidden?: boolean;
}

/** The ids of a field's hint and error message, for its aria-describedby. */
export function describedBy({ id, hint, error }: FieldDescription): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** NHS.UK form group: label, optional hint, optional error message, then the control. */
export function FormField({ field, children }: { field: FieldDescription; children: ReactNode }) {
  const { id, label, hint, error, labelHidden = false } = field;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label
        className={labelHidden ? 'nhsuk-label nhsuk-u-visually-hidden' : 'nhsuk-label'}
        htmlFor={id}
      >
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {children}
    </div>
  );
}
