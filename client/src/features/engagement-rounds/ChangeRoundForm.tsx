import type { RoundView } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeRound } from '../../api/engagement-rounds';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { useFormFields } from '../../components/useFormFields';
import { ClosingFields } from './ClosingFields';
import { NamesShownField } from './NamesShownField';
import { closingValues, validateRoundChange } from './round-form';

/** While a round is not closed, its commissioner may move its closing time and the names setting. */
export function ChangeRoundForm({
  workspaceId,
  round,
  onChanged,
}: {
  workspaceId: string;
  round: RoundView;
  onChanged: () => Promise<unknown>;
}) {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [namesShown, setNamesShown] = useState(round.namesShown);
  const [saved, setSaved] = useState(false);
  const { values, field } = useFormFields(closingValues(round), problems);
  const changing = useMutation({
    mutationFn: (request: Parameters<typeof changeRound>[2]) =>
      changeRound(workspaceId, round.id, request),
    onSuccess: async () => {
      setSaved(true);
      await onChanged();
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { problems: found, request } = validateRoundChange(values, namesShown, new Date());
    setProblems(found);
    if (request) changing.mutate(request);
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <ClosingFields field={field} />
      <NamesShownField checked={namesShown} onChange={setNamesShown} />
      <Button variant="secondary" busyText={changing.isPending && 'Saving changes…'}>
        Save changes
      </Button>
      {/* Always there, so the outcome is read out when it appears. */}
      <p className="nhsuk-body-s" role="status">
        {saved ? 'Changes saved.' : ''}
      </p>
    </form>
  );
}
