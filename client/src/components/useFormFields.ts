import { useState } from 'react';
import type { ProblemItem } from './ErrorSummary';

/**
 * A form's text values, keyed by each field's id, and the props that tie one field
 * to its value and to the problem found with it (shown next to it and in the summary).
 */
export function useFormFields<FieldId extends string>(
  initial: Record<FieldId, string>,
  problems: ProblemItem[],
) {
  const [values, setValues] = useState(initial);
  const setValue = (id: FieldId, value: string) =>
    setValues((current) => ({ ...current, [id]: value }));
  const field = (id: FieldId) => ({
    id,
    value: values[id],
    onChange: (value: string) => setValue(id, value),
    error: problems.find((problem) => problem.fieldId === id)?.text,
  });
  return { values, setValue, field };
}
