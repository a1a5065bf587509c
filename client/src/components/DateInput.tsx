import { useState } from 'react';
import { datePartsOf, joinDateParts, type DateParts } from '../calendar-dates';
import { Fieldset } from './Fieldset';
import type { FieldDescription } from './FormField';

export interface DateInputProps extends FieldDescription {
  /** As `joinDateParts` makes it: "", a calendar date (YYYY-MM-DD), or what was typed. */
  value: string;
  onChange: (value: string) => void;
}

const BOXES: ReadonlyArray<{ part: keyof DateParts; label: string; width: 2 | 4 }> = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/**
 * NHS.UK date input: day, month and year in boxes of their own, grouped under one legend,
 * rather than the browser's date picker, whose format follows the browser's language
 * (mm/dd/yyyy in an American one) and which screen readers announce unevenly. The day box
 * carries `id`, so the error summary's link lands on it.
 */
export function DateInput({ value, onChange, ...field }: DateInputProps) {
  const [parts, setParts] = useState(() => datePartsOf(value));
  const [shown, setShown] = useState(value);
  // The form set a value of its own (filled in, or cleared): show it.
  if (value !== shown) {
    setShown(value);
    setParts(datePartsOf(value));
  }
  const type = (part: keyof DateParts, text: string) => {
    // "-" separates the parts in the form's value; a date has no use for one.
    const next = { ...parts, [part]: text.replace(/-/g, '') };
    const joined = joinDateParts(next);
    setParts(next);
    setShown(joined);
    onChange(joined);
  };
  return (
    <Fieldset field={field}>
      <div className="nhsuk-date-input">
        {BOXES.map(({ part, label, width }) => {
          const id = part === 'day' ? field.id : `${field.id}-${part}`;
          const classes = ['nhsuk-input', 'nhsuk-date-input__input', `nhsuk-input--width-${width}`];
          if (field.error) classes.push('nhsuk-input--error');
          return (
            <div className="nhsuk-date-input__item" key={part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
                  {label}
                </label>
                <input
                  id={id}
                  name={id}
                  className={classes.join(' ')}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={parts[part]}
                  onChange={(event) => type(part, event.target.value)}
                  aria-invalid={field.error ? true : undefined}
                />
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
