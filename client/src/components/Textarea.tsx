import { describedBy, FormField, type FieldDescription } from './FormField';

interface TextareaProps extends FieldDescription {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

/** NHS.UK textarea with its label, hint and error. */
export function Textarea({
  id,
  label,
  hint,
  error,
  labelHidden,
  value,
  onChange,
  rows = 5,
}: TextareaProps) {
  const field = { id, label, hint, error, labelHidden };
  return (
    <FormField field={field}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(field)}
        aria-invalid={error ? true : undefined}
      />
    </FormField>
  );
}
