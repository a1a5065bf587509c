import { Radios, type RadioOption } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';

interface Props<Status extends string> {
  ids: { status: string; reason: string };
  options: readonly RadioOption<Status>[];
  status: Status | '';
  onStatus: (status: Status) => void;
  reason: string;
  onReason: (reason: string) => void;
  /** Who will read the reason, said to the person writing it. */
  reasonHint: string;
  errorFor: (id: string) => string | undefined;
}

/**
 * A feedback status, and why when it is "not taken forward": the reason is what the people
 * who gave it read, so it is asked for only then, beside the choice.
 */
export function FeedbackStatusFields<Status extends string>({
  ids,
  options,
  status,
  onStatus,
  reason,
  onReason,
  reasonHint,
  errorFor,
}: Props<Status>) {
  return (
    <>
      <Radios
        id={ids.status}
        label="Status"
        options={options}
        value={status}
        onChange={onStatus}
        error={errorFor(ids.status)}
      />
      {status === 'not-taken-forward' && (
        <Textarea
          id={ids.reason}
          label="Why is it not being taken forward?"
          hint={reasonHint}
          rows={3}
          value={reason}
          onChange={onReason}
          error={errorFor(ids.reason)}
        />
      )}
    </>
  );
}
