import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { saveCheckpoint } from '../../api/publishing';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { publishingKeys } from './publishing-queries';
import { TEXT_RULES, validateText } from './validate-publishing';

/** Saves the draft as it is now under a name, to compare with or go back to later. */
export function CheckpointForm({
  workspaceId,
  specificationId,
}: {
  workspaceId: string;
  specificationId: string;
}) {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [saved, setSaved] = useState<string>();
  const { values, setValue, field } = useFormFields({ 'checkpoint-name': '' }, problems);
  const queryClient = useQueryClient();
  const saving = useMutation({
    mutationFn: (name: string) => saveCheckpoint(workspaceId, specificationId, { name }),
    onSuccess: async (checkpoint) => {
      setSaved(checkpoint.name);
      setValue('checkpoint-name', '');
      await queryClient.invalidateQueries({
        queryKey: publishingKeys.history(workspaceId, specificationId),
      });
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = values['checkpoint-name'];
    const found = validateText('checkpoint-name', name, TEXT_RULES.checkpointName);
    setProblems(found);
    setSaved(undefined);
    if (found.length === 0) saving.mutate(name.trim());
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="checkpoint-heading">
      <h2 id="checkpoint-heading">Save a checkpoint</h2>
      <ErrorSummary problems={problems} />
      <p>
        A checkpoint keeps the draft as it is now, so you can compare it later or go back to it.
      </p>
      <TextInput
        label="Checkpoint name"
        hint="For example, Before the steering group on 3 March"
        {...field('checkpoint-name')}
      />
      <div aria-live="polite">
        {saved && <p className="nhsuk-body">Checkpoint “{saved}” saved.</p>}
      </div>
      <Button variant="secondary" busyText={saving.isPending && 'Saving checkpoint…'}>
        Save checkpoint
      </Button>
    </form>
  );
}
