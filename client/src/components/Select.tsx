import { describedBy, FormField, type FieldDescription } from './FormField';

export interface SelectOption<Value extends string> {
  value: Value;
  text: string;
}

interface SelectProps<Value extends string> extends FieldDescription {
  options: readonly SelectOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
  disabled?: boolean;
}

export function Select<Value extends string>({
  id,
  label,
  labelHidden,
  hint,
  error,
  options,
  value,
  onChange,
  disabled,
}: SelectProps<Value>) {
  const field = { id, label, labelHidden, hint, error };
  return (
    <FormField field={field}>
      <select
        id={id}
        name={id}
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        value={value}
        disabled={disabled}
        // The options are the only values this select can produce.
        onChange={(event) => onChange(event.target.value as Value)}
        aria-describedby={describedBy(field)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FormField>
  );
}
