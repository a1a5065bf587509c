import { DateInput } from '../../components/DateInput';
import { TextInput } from '../../components/TextInput';
import { ROUND_FIELDS, type ClosingValues } from './round-form';

interface ClosingFieldsProps {
  /** useFormFields' `field` for a form holding the closing values. */
  field: (id: keyof ClosingValues) => {
    id: string;
    value: string;
    onChange: (value: string) => void;
    error?: string;
  };
}

/** When the round closes, as UK clocks read, as the event form asks for dates. */
export function ClosingFields({ field }: ClosingFieldsProps) {
  return (
    <div className="coproduce-date-time">
      <DateInput
        label="Closing date"
        hint="For example, 3 12 2026"
        {...field(ROUND_FIELDS.closesDate)}
      />
      <TextInput
        type="time"
        label="Closing time"
        hint="UK time. The copy turns read-only for everyone at this time."
        {...field(ROUND_FIELDS.closesTime)}
      />
    </div>
  );
}
