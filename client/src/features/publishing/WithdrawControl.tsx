import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { withdrawVersion } from '../../api/publishing';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { useFormFields } from '../../components/useFormFields';
import { publishingKeys } from './publishing-queries';
import { TEXT_RULES, validateText } from './validate-publishing';

interface WithdrawControlProps {
  workspaceId: string;
  specificationId: string;
  versionNumber: number;
}

/** Withdraws a published version; the reason is shown to providers beside it. */
export function WithdrawControl({
  workspaceId,
  specificationId,
  versionNumber,
}: WithdrawControlProps) {
  const [open, setOpen] = useState(false);
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const fieldId = `withdraw-reason-${versionNumber}`;
  const { values, field } = useFormFields({ [fieldId]: '' }, problems);
  const queryClient = useQueryClient();
  const withdrawing = useMutation({
    mutationFn: (reason: string) =>
      withdrawVersion(workspaceId, specificationId, versionNumber, reason),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({
        queryKey: publishingKeys.all(workspaceId, specificationId),
      });
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  if (!open) {
    return (
      <Button type="button" variant="secondary" small onClick={() => setOpen(true)}>
        Withdraw<span className="nhsuk-u-visually-hidden"> version {versionNumber}</span>
      </Button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = values[fieldId] ?? '';
    const found = validateText(fieldId, reason, TEXT_RULES.withdrawReason);
    setProblems(found);
    if (found.length === 0) withdrawing.mutate(reason.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <Textarea
        label={`Why are you withdrawing version ${versionNumber}?`}
        hint="Providers see this reason with the version. It cannot be undone."
        rows={3}
        {...field(fieldId)}
      />
      <Button variant="warning" small busyText={withdrawing.isPending && 'Withdrawing…'}>
        Withdraw version {versionNumber}
      </Button>{' '}
      <Button type="button" variant="secondary" small onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}
