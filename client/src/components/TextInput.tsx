import type { InputHTMLAttributes } from 'react';
import { describedBy, FormField, type FieldDescription } from './FormField';

type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface TextInputProps
  extends
    FieldDescription,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  width?: InputWidth;
}

export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  width,
  type = 'text',
  ...rest
}: TextInputProps) {
  const field = { id, label, hint, error };
  const classes = ['nhsuk-input'];
  if (width) classes.push(`nhsuk-input--width-${width}`);
  if (error) classes.push('nhsuk-input--error');
  return (
    <FormField field={field}>
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        type={type}
        className={classes.join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(field)}
        aria-invalid={error ? true : undefined}
      />
    </FormField>
  );
}
