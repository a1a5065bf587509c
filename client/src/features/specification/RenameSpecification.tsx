import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { renameSpecification } from '../../api/specifications';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { workspaceKeys } from '../workspace/workspace-queries';
import { Details } from '../../components/Details';

interface Props {
  workspaceId: string;
  specificationId: string;
  title: string;
}

/** For commissioners: a specification's title, changed; its published versions keep theirs. */
export function RenameSpecification({ workspaceId, specificationId, title }: Props) {
  const [value, setValue] = useState(title);
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const queryClient = useQueryClient();
  const renaming = useMutation({
    mutationFn: (newTitle: string) => renameSpecification(workspaceId, specificationId, newTitle),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: workspaceKeys.specifications(workspaceId) }),
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const found = trimmed === '' ? [{ fieldId: 'new-title', text: 'Enter a title' }] : [];
    setProblems(found);
    if (found.length === 0) renaming.mutate(trimmed);
  };

  return (
    <Details summary="Rename this specification">
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id="new-title"
          label="Title"
          hint="Published versions keep the title they were published with."
          value={value}
          onChange={setValue}
          error={problems[0]?.text}
        />
        <Button variant="secondary" busyText={renaming.isPending && 'Renaming…'}>
          Rename
        </Button>
      </form>
    </Details>
  );
}
