import { Fieldset } from './Fieldset';
import type { FieldDescription } from './FormField';

export interface RadioOption<Value extends string> {
  value: Value;
  text: string;
  hint?: string;
}

interface RadiosProps<Value extends string> extends FieldDescription {
  options: readonly RadioOption<Value>[];
  /** Empty when nothing is chosen yet. */
  value: Value | '';
  onChange: (value: Value) => void;
  inline?: boolean;
}

/** NHS.UK radios: one answer from a few; the first radio carries the group's id for the error summary. */
export function Radios<Value extends string>({
  options,
  value,
  onChange,
  inline = false,
  ...field
}: RadiosProps<Value>) {
  return (
    <Fieldset field={field}>
      <div className={`nhsuk-radios${inline ? ' nhsuk-radios--inline' : ''}`}>
        {options.map((option, index) => {
          const id = index === 0 ? field.id : `${field.id}-${option.value}`;
          return (
            <div className="nhsuk-radios__item" key={option.value}>
              <input
                className="nhsuk-radios__input"
                id={id}
                name={field.id}
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${id}-item-hint` : undefined}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                {option.text}
              </label>
              {option.hint && (
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
