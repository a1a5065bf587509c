import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorSummary } from './ApiErrorSummary';
import { Button } from './Button';

interface RowActionProps {
  /** What the button does, such as "Remove". */
  label: string;
  /** What it does it to. Every row has the same button, so screen readers hear this after the label. */
  subject: string;
  variant: 'secondary' | 'warning';
  act: () => Promise<unknown>;
  /** Runs after `act` succeeds; the button stays busy until it settles. */
  onDone: () => Promise<unknown>;
  /** For what cannot be undone: asked first, and answered with "Yes, <label>" or "Cancel". */
  confirmation?: string;
}

/** A small button in one row of a table that sends one request for that row, its failure shown above it. */
export function RowAction({ label, subject, variant, act, onDone, confirmation }: RowActionProps) {
  const [confirming, setConfirming] = useState(false);
  const acting = useMutation({
    mutationFn: act,
    onSuccess: onDone,
    onSettled: () => setConfirming(false),
  });
  const forSubject = <span className="nhsuk-u-visually-hidden"> {subject}</span>;

  return (
    <>
      {acting.isError && <ApiErrorSummary error={acting.error} />}
      {confirming ? (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{confirmation}</p>
          <div className="nhsuk-button-group nhsuk-button-group--small">
            <Button
              type="button"
              variant={variant}
              small
              disabled={acting.isPending}
              onClick={() => acting.mutate()}
            >
              Yes, {label.toLowerCase()}
              {forSubject}
            </Button>
            <Button type="button" variant="secondary" small onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <Button
          type="button"
          variant={variant}
          small
          disabled={acting.isPending}
          onClick={() => (confirmation ? setConfirming(true) : acting.mutate())}
        >
          {label}
          {forSubject}
        </Button>
      )}
    </>
  );
}
