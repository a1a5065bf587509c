import type { ReactNode } from 'react';
import { Fieldset } from './Fieldset';
import type { FieldDescription } from './FormField';

export interface CheckboxOption {
  value: string;
  text: string;
  hint?: string;
}

interface CheckboxesProps extends FieldDescription {
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Shown after the boxes, inside the same group, such as a field to add another choice. */
  children?: ReactNode;
}

/** NHS.UK checkboxes: any number of answers; the first box carries the group's id. */
export function Checkboxes({ options, values, onChange, children, ...field }: CheckboxesProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(
      checked
        ? options.map((option) => option.value).filter((v) => v === value || values.includes(v))
        : values.filter((v) => v !== value),
    );
  return (
    <Fieldset field={field}>
      <div className="nhsuk-checkboxes">
        {options.map((option, index) => {
          const id = index === 0 ? field.id : `${field.id}-${index}`;
          return (
            <div className="nhsuk-checkboxes__item" key={option.value}>
              <input
                className="nhsuk-checkboxes__input"
                id={id}
                name={field.id}
                type="checkbox"
                value={option.value}
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-describedby={option.hint ? `${id}-item-hint` : undefined}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                {option.text}
              </label>
              {option.hint && (
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {children}
    </Fieldset>
  );
}
